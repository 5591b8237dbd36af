import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { TileRing } from './tile-geometry.ts';

/**
 * Writes Mapbox Vector Tiles 2.1 from features already in tile units: a thin adapter over vt-pbf,
 * which takes geojson-vt's tiles. It adds only what vt-pbf leaves to its caller: layers with no
 * feature are left out (vt-pbf would write them empty), and no bytes at all when none has one.
 */

/** A feature's properties; null values are left out (vt-pbf skips them), as ST_AsMVT leaves them out. */
export type MvtProperties = Readonly<Record<string, string | number | boolean | null>>;

/** geojson-vt's feature in a tile: type 3 with closed rings (exteriors then their holes, wound as MVT says), or type 1 with one point. */
export type MvtFeature =
  | { type: 3; geometry: readonly TileRing[]; tags: MvtProperties }
  | { type: 1; geometry: readonly [number, number][]; tags: MvtProperties };

/** What vt-pbf takes for a layer: a geojson-vt tile, of which it reads only `features`. */
type VtTile = Parameters<typeof fromGeojsonVt>[0][string];

/** The tile's bytes: its layers in the order given, by name; layers with no feature are left out. */
export function writeMvt(
  layers: Readonly<Record<string, readonly MvtFeature[]>>,
  extent: number,
): Uint8Array {
  const tiles: Record<string, VtTile> = {};
  for (const [name, features] of Object.entries(layers)) {
    // geojson-vt's tile type also has its index's bookkeeping (x, y, z, source), which vt-pbf never reads.
    if (features.length > 0) tiles[name] = { features } as unknown as VtTile;
  }
  if (Object.keys(tiles).length === 0) return new Uint8Array(0);
  return fromGeojsonVt(tiles, { version: 2, extent });
}
