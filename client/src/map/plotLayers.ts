import type {
  CircleLayerSpecification,
  ExpressionSpecification,
  FillLayerSpecification,
  FilterSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import { labelFont } from './fonts.ts';
import { plotStatusColors } from './plotColors.ts';

export const PLOTS_SOURCE = 'plots';
/** The layer inside the plot tiles (`/tiles/plots/{z}/{x}/{y}.mvt`). */
export const PLOTS_SOURCE_LAYER = 'plots';
/** One label point per plot, in the tile that holds it: a polygon's pieces in several tiles label once. */
export const PLOT_LABELS_SOURCE_LAYER = 'plot_labels';
export const PLOT_CLUSTER_AREAS_SOURCE = 'plot-cluster-areas';
export const PLOT_CLUSTER_POINTS_SOURCE = 'plot-cluster-points';
/** The plot tiles hold nothing below this zoom. */
export const PLOTS_MIN_ZOOM = 13;

/** The vector source of plots; `promoteId` lets hover and selection live in feature state. */
export function plotsSource(origin: string) {
  return { type: 'vector' as const, url: `${origin}/tiles/plots.json`, promoteId: 'id' };
}

const statusColor: ExpressionSpecification = [
  'match',
  ['get', 'status'],
  'available',
  plotStatusColors.available,
  'reserved',
  plotStatusColors.reserved,
  'leased',
  plotStatusColors.leased,
  '#444444',
];
const isSelected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
const isHovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
const isGenerated: ExpressionSpecification = ['==', ['get', 'origin'], 'generated'];

/** Plots that match the investor's filter, in their status colour. */
export function plotFillLayer(filter: FilterSpecification): Omit<FillLayerSpecification, 'source'> {
  return {
    id: 'plot-fill',
    type: 'fill',
    'source-layer': PLOTS_SOURCE_LAYER,
    filter,
    paint: {
      'fill-color': statusColor,
      'fill-opacity': ['case', isSelected, 0.9, isHovered, 0.85, 0.6],
    },
  };
}

/** Plots the filter leaves out: faded, so the investor still sees the layout around a match. */
export function plotFadedLayer(filter: FilterSpecification): Omit<FillLayerSpecification, 'source'> {
  return {
    id: 'plot-fill-faded',
    type: 'fill',
    'source-layer': PLOTS_SOURCE_LAYER,
    filter: ['!', filter] as FilterSpecification,
    paint: { 'fill-color': '#9aa4ad', 'fill-opacity': ['case', isHovered, 0.35, 0.12] },
  };
}

/** Imported plots: a thin solid outline. */
export const plotOutlineLayer: Omit<LineLayerSpecification, 'source'> = {
  id: 'plot-outline',
  type: 'line',
  'source-layer': PLOTS_SOURCE_LAYER,
  filter: ['!', isGenerated] as FilterSpecification,
  paint: { 'line-color': '#ffffff', 'line-width': 1 },
};

/** Generated plots: dashed, the same mark the legend explains as "illustrative". */
export const plotGeneratedOutlineLayer: Omit<LineLayerSpecification, 'source'> = {
  id: 'plot-outline-generated',
  type: 'line',
  'source-layer': PLOTS_SOURCE_LAYER,
  filter: isGenerated as FilterSpecification,
  paint: { 'line-color': '#4d4d4d', 'line-width': 1, 'line-dasharray': [3, 2] },
};

/** Hovered plot in the accent colour, the selected one strongly in black. */
export const plotHighlightLayer: Omit<LineLayerSpecification, 'source'> = {
  id: 'plot-highlight',
  type: 'line',
  'source-layer': PLOTS_SOURCE_LAYER,
  paint: {
    'line-color': ['case', isSelected, '#000000', '#0b5cad'],
    'line-width': ['case', isSelected, 4, isHovered, 3, 0],
  },
};

/** Labels of the plots the filter keeps (the label points carry the plots' properties). */
export const plotLabelLayer = (filter: FilterSpecification): Omit<SymbolLayerSpecification, 'source'> => ({
  id: 'plot-labels',
  type: 'symbol',
  'source-layer': PLOT_LABELS_SOURCE_LAYER,
  filter,
  minzoom: 15.5,
  layout: {
    'text-field': ['get', 'label'],
    'text-font': [labelFont],
    'text-size': 11,
    'text-optional': true,
  },
  paint: { 'text-color': '#1f2328', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
});

/** The clusters around the plots: dashed, as their geometry is illustrative until imported. */
export const plotClusterOutlineLayer: Omit<LineLayerSpecification, 'source'> = {
  id: 'plot-cluster-outline',
  type: 'line',
  paint: { 'line-color': '#5f6b76', 'line-width': 1.5, 'line-dasharray': [2, 1.5] },
};

export const plotClusterFillLayer: Omit<FillLayerSpecification, 'source'> = {
  id: 'plot-cluster-fill',
  type: 'fill',
  paint: { 'fill-color': '#5f6b76', 'fill-opacity': 0.06 },
};

/** Clusters as dots below plot zoom, so the investor sees where to zoom in. */
export const plotClusterPointLayer: Omit<CircleLayerSpecification, 'source'> = {
  id: 'plot-cluster-points',
  type: 'circle',
  maxzoom: PLOTS_MIN_ZOOM,
  paint: {
    'circle-color': '#ffffff',
    'circle-radius': 6,
    'circle-stroke-color': '#5f6b76',
    'circle-stroke-width': 2,
  },
};

/** Layers the pointer can hover or click. */
export const interactivePlotLayerIds = ['plot-fill', 'plot-fill-faded', 'plot-cluster-points'];
