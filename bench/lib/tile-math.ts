import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { ClusterFeature } from '../../domain/cluster.ts';

/** The web-mercator tile holding a point (as bench/tiles.ts computes it). */
export function tileOf(lon: number, lat: number, z: number) {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const radians = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2) * n);
  return { z, x, y };
}

/** The outer ring of a polygon, or of a multipolygon's first part. */
export function outerRing(geometry: Polygon | MultiPolygon): Position[] {
  return (geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.coordinates[0]?.[0]) ?? [];
}

/** The average of a cluster's outer ring (its corners): inside the synthetic rectangles. */
export function clusterCentre(cluster: { geometry: Polygon | MultiPolygon }): [number, number] {
  const open = outerRing(cluster.geometry).slice(0, -1);
  let [lon, lat] = [0, 0];
  for (const [x = 0, y = 0] of open) [lon, lat] = [lon + x, lat + y];
  return [lon / open.length, lat / open.length];
}

/** The province holding the most clusters, and its clusters. */
export function biggestProvince(clusters: readonly ClusterFeature[]) {
  const byProvince = new Map<string, ClusterFeature[]>();
  for (const cluster of clusters) {
    const id = cluster.properties.provinceId;
    byProvince.set(id, [...(byProvince.get(id) ?? []), cluster]);
  }
  const [provinceId = '', members = []] = [...byProvince].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  return { provinceId, clusters: members };
}
