import type {
  CircleLayerSpecification,
  ExpressionSpecification,
  FillLayerSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import type { Language } from '../../../domain/text.ts';
import { stages } from '../../../domain/vocabulary.ts';
import { labelFontBold } from './fonts.ts';
import { stageColors } from './stageColors.ts';

export const CLUSTER_AREAS_SOURCE = 'cluster-areas';
export const CLUSTER_POINTS_SOURCE = 'cluster-points';

/** `match` on the stage property, one colour per stage. */
const stageColor = [
  'match',
  ['get', 'stage'],
  ...stages.codes.flatMap((stage) => [stage, stageColors[stage]]),
  '#444444',
] as unknown as ExpressionSpecification;

const selected = (id: string | null): ExpressionSpecification => ['==', ['get', 'id'], id ?? ''];

export const clusterFillLayer: Omit<FillLayerSpecification, 'source'> = {
  id: 'cluster-fill',
  type: 'fill',
  minzoom: 10,
  paint: { 'fill-color': stageColor, 'fill-opacity': 0.45 },
};

/** Illustrative outlines are dashed: they are placements, not boundaries. */
export const clusterOutlineLayer: Omit<LineLayerSpecification, 'source'> = {
  id: 'cluster-outline',
  type: 'line',
  minzoom: 10,
  paint: { 'line-color': stageColor, 'line-width': 2, 'line-dasharray': [2, 1.5] },
};

export function clusterPointLayer(selectedId: string | null): Omit<CircleLayerSpecification, 'source'> {
  return {
    id: 'cluster-points',
    type: 'circle',
    maxzoom: 12,
    paint: {
      'circle-color': stageColor,
      'circle-radius': [
        'interpolate',
        ['linear'],
        ['zoom'],
        6,
        ['case', selected(selectedId), 9, 5],
        10,
        ['case', selected(selectedId), 12, 8],
      ],
      'circle-stroke-color': ['case', selected(selectedId), '#111111', '#ffffff'],
      'circle-stroke-width': ['case', selected(selectedId), 3, 1.5],
    },
  };
}

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
export const interactiveClusterLayerIds = ['cluster-points', 'cluster-fill'];
