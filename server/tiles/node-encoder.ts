import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Geometry } from 'geojson';
import { plotLabelQuery, tileFeatureQueries } from '../sql/tile-queries.ts';
import type { SqlClient } from '../store/sql-client.ts';
import { tileBuffer, tileExtent } from './tile-layers.ts';
import type { TileLayerId } from './tile-source.ts';

/** What vt-pbf takes for one layer: a geojson-vt tile, here built from rows already in tile units. */
type VtTile = Parameters<typeof fromGeojsonVt>[0][string];
type Ring = [number, number][];
type PolygonFeature = { type: 3; geometry: Ring[]; tags: Properties };
type PointFeature = { type: 1; geometry: [number, number][]; tags: Properties };
type Properties = Record<string, string | number | boolean | null>;
type FeatureRow = Properties & { geometry: string };

/** Polygon rings in MVT order: each polygon's exterior ring, then its holes. */
function polygonRings(geometry: Geometry): Ring[] {
  if (geometry.type === 'Polygon') return geometry.coordinates as Ring[];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat() as Ring[];
  return [];
}

/** Properties as MVT tags: a property that is null is left out, as ST_AsMVT does. */
function tagsOf(properties: Properties): Properties {
  const tags: Properties = {};
  for (const [key, value] of Object.entries(properties)) if (value !== null) tags[key] = value;
  return tags;
}

function polygonFeatures(rows: readonly FeatureRow[]): PolygonFeature[] {
  return rows.flatMap(({ geometry, ...properties }): PolygonFeature[] => {
    const rings = polygonRings(JSON.parse(geometry) as Geometry);
    return rings.length === 0 ? [] : [{ type: 3, geometry: rings, tags: tagsOf(properties) }];
  });
}

function pointFeatures(rows: readonly FeatureRow[]): PointFeature[] {
  return rows.flatMap(({ geometry, ...properties }): PointFeature[] => {
    const point = JSON.parse(geometry) as Geometry;
    if (point.type !== 'Point') return [];
    const [px = 0, py = 0] = point.coordinates;
    return [{ type: 1, geometry: [[px, py]], tags: tagsOf(properties) }];
  });
}

/** Builds the geojson-vt tile vt-pbf encodes from features already in tile units. */
function toVtTile(
  features: readonly (PolygonFeature | PointFeature)[],
  z: number,
  x: number,
  y: number,
): VtTile {
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
  const parameters = [z, x, y, tileExtent, tileBuffer];
  const rows = await client.query<FeatureRow>(tileFeatureQueries[layer], parameters);
  if (rows.length === 0) return new Uint8Array(0);
  const layers: Record<string, VtTile> = { [layer]: toVtTile(polygonFeatures(rows), z, x, y) };
  if (layer === 'plots') {
    const labels = await client.query<FeatureRow>(plotLabelQuery, parameters);
    if (labels.length > 0) layers.plot_labels = toVtTile(pointFeatures(labels), z, x, y);
  }
  return fromGeojsonVt(layers, { version: 2, extent: tileExtent });
}
