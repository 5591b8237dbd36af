import { mvtTileQueries } from '../sql/tile-queries.ts';
import type { SqlClient } from '../store/sql-client.ts';
import { tileBuffer, tileExtent } from './tile-layers.ts';
import type { TileLayerId } from './tile-source.ts';

/** Encodes a tile with the server's ST_AsMVT: no geometry leaves the database. */
export async function encodeTileWithPostgis(
  client: SqlClient,
  layer: TileLayerId,
  z: number,
  x: number,
  y: number,
): Promise<Uint8Array> {
  const [row] = await client.query<{ tile: Uint8Array | null }>(mvtTileQueries[layer], [
    z,
    x,
    y,
    tileExtent,
    tileBuffer,
  ]);
  return row?.tile ?? new Uint8Array(0);
}
