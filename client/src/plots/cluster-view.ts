import type { ClusterGeometry } from '../../../domain/cluster.ts';
import type { MapView } from '../url-state.ts';

/** Plots are drawn from zoom 13 (the plot map says so below it); closer than 17 shows too little. */
const MIN_ZOOM = 13;
const MAX_ZOOM = 17;

/**
 * A camera on the cluster: centred on its bounding box, zoomed so that the box spans about a third
 * of a map some 1000 px wide, so its plots are drawn and their surroundings shown.
 *
 * @example clusterView({ type: 'Polygon', coordinates: [[[109, 12], [109.007, 12], [109.007, 12.007], [109, 12]]] })
 * // { longitude: 109.0035, latitude: 12.0035, zoom: 15.8… }
 */
export function clusterView(geometry: ClusterGeometry): MapView {
  const positions = geometry.type === 'Polygon' ? geometry.coordinates.flat() : geometry.coordinates.flat(2);
  const longitudes = positions.map(([longitude]) => longitude);
  const latitudes = positions.map(([, latitude]) => latitude);
  const [west, east] = [Math.min(...longitudes), Math.max(...longitudes)];
  const [south, north] = [Math.min(...latitudes), Math.max(...latitudes)];
  const span = Math.max(east - west, north - south, 1e-6);
  return {
    longitude: (west + east) / 2,
    latitude: (south + north) / 2,
    zoom: Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.log2(400 / span))),
  };
}
