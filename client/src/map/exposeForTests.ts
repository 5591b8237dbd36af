import type { Map as MapLibreMap } from 'maplibre-gl';

declare global {
  interface Window {
    /** The live MapLibre map, so browser tests can ask what is rendered (queryRenderedFeatures). */
    __ccnAtlasMap?: MapLibreMap;
  }
}

export function exposeForTests(map: MapLibreMap) {
  window.__ccnAtlasMap = map;
}
