import { plotSql } from '../sql/plot-queries.ts';
import { tileBoundsQueries } from '../sql/tile-queries.ts';
import type { SqlClient } from '../store/sql-client.ts';
import { FeatureIndex } from './feature-index.ts';
import { encodeTileInNode } from './node-encoder.ts';
import { encodeTileWithPostgis } from './postgis-encoder.ts';
import { tileLayers } from './tile-layers.ts';

/** Layers served as vector tiles at `/tiles/{layer}/{z}/{x}/{y}.mvt`. */
export const tileLayerIds = ['clusters', 'plots'] as const;
export type TileLayerId = (typeof tileLayerIds)[number];

/** [west, south, east, north] in degrees. */
export type LonLatBounds = [number, number, number, number];

/** Encodes Mapbox Vector Tiles (v2, extent 4096, buffer 64) of the store's data, one layer a tile. */
export interface TileSource {
  /**
   * The tile's bytes; empty when no feature is in it, or below the layer's `minzoom`. The caller has
   * checked that z/x/y is a tile of the grid.
   */
  encodeTile(layer: TileLayerId, z: number, x: number, y: number): Promise<Uint8Array>;
  /** Extent of the layer's features in lon/lat, or null when it has none. */
  bounds(layer: TileLayerId): Promise<LonLatBounds | null>;
  /**
   * Gets ready to serve tiles: on PGlite, reads the features into memory (tiles asked for before
   * that wait for it); nothing to do on PostgreSQL. The app calls it once the store is open.
   */
  prepare(): Promise<void>;
}

type BoundsRow = { west: number | null; south: number | null; east: number | null; north: number | null };

/**
 * The tile source over the store's database: ST_AsMVT on a PostgreSQL server; on PGlite (its
 * PostGIS is built without protobuf) tiles are cut in Node from the features held in memory
 * (feature-index.ts), which follows the data version: pass the store's `dataVersion`, else it is
 * read from the database for each tile. Both give the same features and properties.
 *
 * @example
 * const tiles = createTileSource(client, { dataVersion: () => store.dataVersion() });
 * const bytes = await tiles.encodeTile('clusters', 14, 13151, 7597);
 */
export function createTileSource(
  client: SqlClient,
  options: { dataVersion?: () => number } = {},
): TileSource & { index: FeatureIndex | null } {
  const readVersion = async () => {
    const [row] = await client.query<{ version: string }>(plotSql.dataVersion);
    return Number(row?.version ?? 0);
  };
  const index =
    client.kind === 'postgresql' ? null : new FeatureIndex(client, options.dataVersion ?? readVersion);
  return {
    index,
    async prepare() {
      await index?.ready();
    },
    async encodeTile(layer, z, x, y) {
      // Below its minzoom a layer would be too dense to read; MapLibre does not ask, others might.
      if (z < tileLayers[layer].minzoom) return new Uint8Array(0);
      return index ? encodeTileInNode(index, layer, z, x, y) : encodeTileWithPostgis(client, layer, z, x, y);
    },
    async bounds(layer) {
      const [row] = await client.query<BoundsRow>(tileBoundsQueries[layer]);
      if (!row || row.west === null || row.south === null || row.east === null || row.north === null) {
        return null;
      }
      return [row.west, row.south, row.east, row.north];
    },
  };
}
