import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Geometry } from 'geojson';
import { tileFeatureQueries } from '../sql/tile-queries.ts';
import type { SqlClient } from '../store/sql-client.ts';
import { tileBuffer, tileExtent } from './tile-layers.ts';
import type { TileLayerId } from './tile-source.ts';

/** What vt-pbf takes for one layer: a geojson-vt tile, here built from rows already in tile units. */
type VtTile = Parameters<typeof fromGeojsonVt>[0][string];
type Ring = [number, number][];
type PolygonFeature = { type: 3; geometry: Ring[]; tags: Properties };
type Properties = Record<string, string | number | boolean | null>;
type FeatureRow = Properties & { geometry: string };

/** Polygon rings in MVT order: each polygon's exterior ring, then its holes. */
function polygonRings(geometry: Geometry): Ring[] {
  if (geometry.type === 'Polygon') return geometry.coordinates as Ring[];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat() as Ring[];
  return [];
}

/** Builds the geojson-vt tile vt-pbf encodes; a property that is null is left out, as ST_AsMVT does. */
function toVtTile(rows: readonly FeatureRow[], z: number, x: number, y: number): VtTile {
  const features = rows.flatMap(({ geometry, ...properties }): PolygonFeature[] => {
    const rings = polygonRings(JSON.parse(geometry) as Geometry);
    if (rings.length === 0) return [];
    const tags: Properties = {};
    for (const [key, value] of Object.entries(properties)) if (value !== null) tags[key] = value;
    return [{ type: 3, geometry: rings, tags }];
  });
  // vt-pbf's type is geojson-vt's tile, whose features also allow its internal flat-array form; it
  // reads only `type`, `geometry` (rings of [x, y]), `tags` and `id`, which these are.
  return { features, source: null, transformed: true, x, y, z } as unknown as VtTile;
}

/**
 * Encodes a tile in Node, for PGlite, whose PostGIS has no ST_AsMVT: SQL clips, simplifies, maps
 * to tile units and orients the polygons (server/sql/tile-queries.ts); vt-pbf writes the protobuf.
 */
export async function encodeTileInNode(
  client: SqlClient,
  layer: TileLayerId,
  z: number,
  x: number,
  y: number,
): Promise<Uint8Array> {
  const rows = await client.query<FeatureRow>(tileFeatureQueries[layer], [z, x, y, tileExtent, tileBuffer]);
  if (rows.length === 0) return new Uint8Array(0);
  return fromGeojsonVt({ [layer]: toVtTile(rows, z, x, y) }, { version: 2, extent: tileExtent });
}
