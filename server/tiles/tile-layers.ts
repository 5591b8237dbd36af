import {
  geometrySources,
  plotOrigins,
  plotStatuses,
  stages,
  wastewaterPlantStates,
} from '../../domain/vocabulary.ts';
import type { TileLayerId } from './tile-source.ts';

const oneOf = (codes: readonly string[]) => `String: one of ${codes.join(', ')}`;

/** Tile grid of every layer: 4096 units a side, 64 units of buffer around it (MapLibre's defaults). */
export const tileExtent = 4096;
export const tileBuffer = 64;

/** Deepest zoom a tile may be asked for; MapLibre overzooms past a layer's `maxzoom` by itself. */
export const maxRequestZoom = 22;

/** What TileJSON says about a layer, and the zooms where its tiles carry features. */
type TileLayerDescription = {
  name: string;
  description: string;
  minzoom: number;
  maxzoom: number;
  /** Property name → "Type: meaning", as TileJSON's `vector_layers[].fields`. */
  fields: Record<string, string>;
  /** Further layers in the same tiles, e.g. label points. */
  extraLayers?: { id: string; fields: Record<string, string> }[];
};

/** Properties of plots, and of their label points (`plot_labels`: one per plot, in the tile holding it). */
const plotFields = {
  id: 'String: plot id',
  cluster_id: 'String: id of the cluster it lies in',
  province_id: 'String: province id',
  label: 'String: plot label, e.g. A-01',
  status: oneOf(plotStatuses.codes),
  origin: oneOf(plotOrigins.codes),
  area_ha: 'Number: measured area, hectares (4 decimals)',
  infra_min: "Number: the cluster's infrastructure components reported done, percent",
  wastewater_compliant: "Boolean: the cluster's wastewater plant is compliant",
};

/**
 * The two layers and their property contract with the client (client/src/map/ reads these names).
 * Plots start at zoom 13: at 12 a 20 m plot is 1–2 px wide, and a tile over a dense province
 * weighed ~315 KB and took ~90 ms with ST_AsMVT (the 165,000-plot bench of 2026-11-22): noise at
 * a high price.
 */
export const tileLayers: Record<TileLayerId, TileLayerDescription> = {
  clusters: {
    name: 'CCN Atlas — cụm công nghiệp / industrial clusters',
    description:
      'Ranh giới cụm công nghiệp (trừ cụm đã đưa ra khỏi quy hoạch). Cluster outlines, removed ones left out.',
    minzoom: 4,
    maxzoom: 16,
    fields: {
      id: 'String: cluster id',
      province_id: 'String: province id',
      stage: oneOf(stages.codes.filter((stage) => stage !== 'removed')),
      name_vi: 'String: name in Vietnamese',
      name_en: 'String: name in English',
      geometry_source: oneOf(geometrySources.codes),
      infra_min: 'Number: infrastructure components reported done, percent (0–100)',
      wastewater_state: `${oneOf(wastewaterPlantStates.codes)}; absent when unknown`,
    },
  },
  plots: {
    name: 'CCN Atlas — lô đất / plots',
    description: 'Lô đất trong các cụm công nghiệp. Plots inside the clusters.',
    minzoom: 13,
    maxzoom: 16,
    fields: plotFields,
    extraLayers: [{ id: 'plot_labels', fields: plotFields }],
  },
};

/** Viet Nam's extent, [west, south, east, north], for a layer with no features yet. */
export const vietNamBounds: readonly [number, number, number, number] = [102.1, 8.4, 109.5, 23.4];

export const tileJsonAttribution =
  'CCN Atlas — ranh giới minh họa, xem nguồn trong ứng dụng / illustrative outlines, sources in the app';
