import type { FeatureCollection } from 'geojson';
import type {
  CircleLayerSpecification,
  ExpressionSpecification,
  FillLayerSpecification,
  FilterSpecification,
  GeoJSONSource,
  LayerSpecification,
  LineLayerSpecification,
  Map as MapLibreMap,
  SourceSpecification,
  StyleSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import type { Language } from '../../../domain/text.ts';
import { labelFontBold } from './fonts.ts';
import { HATCH_PATTERN, UNKNOWN_DOT } from './symbolImages.ts';

export const CLUSTER_AREAS_SOURCE = 'cluster-areas';
export const CLUSTER_POINTS_SOURCE = 'cluster-points';
export const CLUSTER_LABELS_SOURCE = 'cluster-labels';

const isUnknown: ExpressionSpecification = ['==', ['get', 'class'], 'unknown'];
const isDot: ExpressionSpecification = ['==', ['get', 'symbol'], 'dot'];
const selected = (id: string | null): ExpressionSpecification => ['==', ['get', 'id'], id ?? ''];

export const clusterFillLayer: Omit<FillLayerSpecification, 'source'> = {
  id: 'cluster-fill',
  type: 'fill',
  minzoom: 10,
  filter: ['!', isUnknown] as FilterSpecification,
  paint: { 'fill-color': ['get', 'color'], 'fill-opacity': 0.5 },
};

/** Unknown is hatched grey, so it can never be read as a zero of the colour scale. */
export const clusterUnknownFillLayer: Omit<FillLayerSpecification, 'source'> = {
  id: 'cluster-fill-unknown',
  type: 'fill',
  minzoom: 10,
  filter: isUnknown as FilterSpecification,
  paint: { 'fill-pattern': HATCH_PATTERN },
};

/** Illustrative outlines are dashed: they are placements, not boundaries. */
export const clusterOutlineLayer: Omit<LineLayerSpecification, 'source'> = {
  id: 'cluster-outline',
  type: 'line',
  minzoom: 10,
  paint: {
    'line-color': ['case', isUnknown, '#6f6f6f', ['get', 'color']],
    'line-width': 2,
    'line-dasharray': [2, 1.5],
  },
};

export function clusterPointLayer(selectedId: string | null): Omit<CircleLayerSpecification, 'source'> {
  return {
    id: 'cluster-points',
    type: 'circle',
    maxzoom: 12,
    filter: ['all', isDot, ['!', isUnknown]] as FilterSpecification,
    paint: {
      'circle-color': ['get', 'color'],
      'circle-radius': [
        'interpolate',
        ['linear'],
        ['zoom'],
        6,
        ['case', selected(selectedId), 9, 5],
        10,
        ['case', selected(selectedId), 12, 8],
      ],
      'circle-stroke-color': ['case', ['any', selected(selectedId), ['get', 'ring']], '#000000', '#ffffff'],
      'circle-stroke-width': ['case', selected(selectedId), 3.5, ['get', 'ring'], 2.5, 1.5],
    },
  };
}

/** Dots of clusters whose figure is unknown: a hatched grey symbol, ringed like the others. */
export function clusterUnknownPointLayer(
  selectedId: string | null,
): Omit<SymbolLayerSpecification, 'source'> {
  return {
    id: 'cluster-points-unknown',
    type: 'symbol',
    maxzoom: 12,
    filter: ['all', isDot, isUnknown] as FilterSpecification,
    layout: {
      'icon-image': UNKNOWN_DOT,
      'icon-size': ['case', selected(selectedId), 1.5, 1],
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
    },
  };
}

/** The wastewater plant's own symbol: a droplet in its state's colour, hatched when unknown. */
export function clusterDropletLayer(selectedId: string | null): Omit<SymbolLayerSpecification, 'source'> {
  return {
    id: 'cluster-droplets',
    type: 'symbol',
    maxzoom: 12,
    filter: ['==', ['get', 'symbol'], 'droplet'] as FilterSpecification,
    layout: {
      'icon-image': ['get', 'icon'],
      'icon-size': ['case', selected(selectedId), 1.5, 1],
      'icon-anchor': 'bottom',
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
    },
  };
}

/** Rings around the clusters a thematic layer flags (e.g. held up by clearance), drawn under the dots. */
export const clusterRingLayer: Omit<CircleLayerSpecification, 'source'> = {
  id: 'cluster-rings',
  type: 'circle',
  maxzoom: 12,
  filter: ['all', ['get', 'ring'], isUnknown] as FilterSpecification,
  paint: {
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 9, 10, 12],
    'circle-color': 'rgba(0,0,0,0)',
    'circle-stroke-color': '#000000',
    'circle-stroke-width': 2.5,
  },
};

export function clusterLabelLayer(language: Language): Omit<SymbolLayerSpecification, 'source'> {
  return {
    id: 'cluster-labels',
    type: 'symbol',
    minzoom: 7.5,
    layout: {
      'text-field': ['get', `name_${language}`],
      'text-font': [labelFontBold],
      'text-size': 12,
      'text-offset': [0, 1.1],
      'text-anchor': 'top',
      'text-max-width': 10,
      'text-optional': true,
    },
    paint: { 'text-color': '#2b2b2b', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
  };
}

/** Layers a click on the map can pick a cluster from. */
export const interactiveClusterLayerIds = [
  'cluster-points',
  'cluster-points-unknown',
  'cluster-droplets',
  'cluster-fill',
  'cluster-fill-unknown',
];

type ClusterData = { areas: FeatureCollection | null; points: FeatureCollection | null };

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Every cluster layer, bound to its source, in drawing order (areas, then dots, then labels). */
export function clusterStyleLayers(selectedId: string | null, language: Language): LayerSpecification[] {
  return [
    { ...clusterFillLayer, source: CLUSTER_AREAS_SOURCE },
    { ...clusterUnknownFillLayer, source: CLUSTER_AREAS_SOURCE },
    { ...clusterOutlineLayer, source: CLUSTER_AREAS_SOURCE },
    { ...clusterRingLayer, source: CLUSTER_POINTS_SOURCE },
    { ...clusterPointLayer(selectedId), source: CLUSTER_POINTS_SOURCE },
    { ...clusterUnknownPointLayer(selectedId), source: CLUSTER_POINTS_SOURCE },
    { ...clusterDropletLayer(selectedId), source: CLUSTER_POINTS_SOURCE },
    // Labels in a source of their own: a tile waits for its glyphs, and the dots should not.
    { ...clusterLabelLayer(language), source: CLUSTER_LABELS_SOURCE },
  ];
}

/**
 * The basemap with the cluster sources and layers already in it, as the bare MapLibre page has
 * them: the clusters are drawn with the first tiles, not after a round of React effects once the
 * style has loaded. Sources still without data start empty; `syncClusters` fills them.
 */
export function withClusters(
  basemap: StyleSpecification,
  data: ClusterData,
  selectedId: string | null,
  language: Language,
): StyleSpecification {
  const geojson = (collection: FeatureCollection | null): SourceSpecification => ({
    type: 'geojson',
    data: collection ?? EMPTY,
  });
  return {
    ...basemap,
    // The cluster sources first: MapLibre (one worker in Chromium) loads sources in this order,
    // and the dots should not queue behind the 600 KB basemap land.
    sources: {
      [CLUSTER_POINTS_SOURCE]: geojson(data.points),
      [CLUSTER_AREAS_SOURCE]: geojson(data.areas),
      [CLUSTER_LABELS_SOURCE]: geojson(data.points),
      ...basemap.sources,
    },
    layers: [...basemap.layers, ...clusterStyleLayers(selectedId, language)],
  };
}

/**
 * Brings a map made from `withClusters` up to date: new data into the cluster sources, and the
 * filter, layout and paint of `layers` (selection, language). MapLibre skips values that did not
 * change. False while the style has not loaded yet (call again on `style.load`).
 */
export function syncClusters(
  map: MapLibreMap,
  data: ClusterData,
  shown: { areas: unknown; points: unknown },
  layers: readonly LayerSpecification[],
): boolean {
  const areasSource = map.getSource<GeoJSONSource>(CLUSTER_AREAS_SOURCE);
  const pointsSource = map.getSource<GeoJSONSource>(CLUSTER_POINTS_SOURCE);
  const labelsSource = map.getSource<GeoJSONSource>(CLUSTER_LABELS_SOURCE);
  if (!areasSource || !pointsSource || !labelsSource) return false;
  if (shown.areas !== data.areas) {
    areasSource.setData(data.areas ?? EMPTY);
    shown.areas = data.areas;
  }
  if (shown.points !== data.points) {
    pointsSource.setData(data.points ?? EMPTY);
    labelsSource.setData(data.points ?? EMPTY);
    shown.points = data.points;
  }
  for (const layer of layers) {
    if (!map.getLayer(layer.id)) continue;
    if ('filter' in layer) map.setFilter(layer.id, layer.filter ?? null, { validate: false });
    for (const [name, value] of Object.entries(layer.layout ?? {}))
      map.setLayoutProperty(layer.id, name as Parameters<MapLibreMap['setLayoutProperty']>[1], value, {
        validate: false,
      });
    for (const [name, value] of Object.entries(layer.paint ?? {}))
      map.setPaintProperty(layer.id, name as Parameters<MapLibreMap['setPaintProperty']>[1], value, {
        validate: false,
      });
  }
  return true;
}
