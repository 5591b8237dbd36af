import { tileJsonAttribution, tileLayers, vietNamBounds } from './tile-layers.ts';
import type { LonLatBounds, TileLayerId } from './tile-source.ts';

/** A TileJSON 3.0.0 document for one vector layer. */
type TileJson = {
  tilejson: '3.0.0';
  name: string;
  description: string;
  tiles: [string];
  minzoom: number;
  maxzoom: number;
  bounds: LonLatBounds;
  vector_layers: { id: string; fields: Record<string, string>; minzoom: number; maxzoom: number }[];
  attribution: string;
};

// Outward to 6 decimals (~0.1 m), so the bounds still hold every feature.
const down = (value: number) => Math.floor(value * 1e6) / 1e6;
const up = (value: number) => Math.ceil(value * 1e6) / 1e6;

/**
 * Describes a layer's tiles for MapLibre (`"url": "/tiles/plots.json"` in a vector source).
 * `origin` is this server as the client reached it, e.g. `https://atlas.example.vn`.
 *
 * @example
 * tileJson('clusters', 'http://localhost:8080', null).tiles;
 * // → ['http://localhost:8080/tiles/clusters/{z}/{x}/{y}.mvt']
 */
export function tileJson(layer: TileLayerId, origin: string, dataBounds: LonLatBounds | null): TileJson {
  const description = tileLayers[layer];
  const bounds: LonLatBounds = dataBounds
    ? [down(dataBounds[0]), down(dataBounds[1]), up(dataBounds[2]), up(dataBounds[3])]
    : [...vietNamBounds];
  return {
    tilejson: '3.0.0',
    name: description.name,
    description: description.description,
    tiles: [`${origin}/tiles/${layer}/{z}/{x}/{y}.mvt`],
    minzoom: description.minzoom,
    maxzoom: description.maxzoom,
    bounds,
    vector_layers: [{ id: layer, fields: description.fields }, ...(description.extraLayers ?? [])].map(
      (vectorLayer) => ({ ...vectorLayer, minzoom: description.minzoom, maxzoom: description.maxzoom }),
    ),
    attribution: tileJsonAttribution,
  };
}
