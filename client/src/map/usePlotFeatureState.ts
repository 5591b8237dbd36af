import type { MapRef } from '@vis.gl/react-maplibre';
import { type RefObject, useEffect, useRef } from 'react';
import { PLOTS_SOURCE, PLOTS_SOURCE_LAYER } from './plotLayers.ts';

/**
 * Keeps one feature-state flag (`hover` or `selected`) on the plot with `id`, and off the one before.
 * MapLibre keeps the state by id, so plots in tiles that load later pick it up too.
 */
export function usePlotFeatureState(
  mapRef: RefObject<MapRef | null>,
  ready: boolean,
  flag: 'hover' | 'selected',
  id: string | null,
) {
  useEffect(() => {
    const map = mapRef.current?.getMap();
    if (!ready || !map || id === null || !map.getSource(PLOTS_SOURCE)) return;
    const target = { source: PLOTS_SOURCE, sourceLayer: PLOTS_SOURCE_LAYER, id };
    map.setFeatureState(target, { [flag]: true });
    return () => {
      if (map.getSource(PLOTS_SOURCE)) map.setFeatureState(target, { [flag]: false });
    };
  }, [mapRef, ready, flag, id]);
}

/** Fits the camera to a bounding box whenever a new one is asked for (a plot picked from the list). */
export function useFitBounds(
  mapRef: RefObject<MapRef | null>,
  focus: { bbox: [number, number, number, number]; key: number } | null,
) {
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !focus) return;
    const [west, south, east, north] = focus.bbox;
    map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      { padding: 80, maxZoom: 16.5, duration: 700 },
    );
  }, [mapRef, focus]);
}

/** Flies to a province the user picks; the first view is the link's camera or the province's. */
export function useFlyToProvince(
  mapRef: RefObject<MapRef | null>,
  ready: boolean,
  province: { id: string; view: { center: [number, number]; zoom: number } } | null,
  hasInitialView: boolean,
) {
  const shown = useRef<string | null>(province?.id ?? null);
  useEffect(() => {
    // A province that arrives before the map exists is jumped to once the map does.
    if (!ready || !province || shown.current === province.id) return;
    const first = shown.current === null;
    shown.current = province.id;
    if (first && hasInitialView) return;
    const camera = { center: province.view.center, zoom: province.view.zoom };
    if (first) mapRef.current?.jumpTo(camera);
    else mapRef.current?.flyTo({ ...camera, duration: 800 });
  }, [mapRef, ready, province, hasInitialView]);
}
