import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import pg from 'pg';

/** Just enough of a SQL client to ask PostGIS questions. */
export type PostgisQuery = {
  query<Row>(text: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
};

/**
 * PostGIS with no table of the app's: an in-memory PGlite with the same PostGIS build the store
 * uses (as server/import/check-geometry.ts opens one), or a connection to the PostgreSQL server
 * `databaseUrl` names. Nothing is written to either.
 */
export async function openScratchPostgis(databaseUrl: string | null): Promise<PostgisQuery> {
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query('create extension if not exists postgis');
    return {
      query: async <Row>(text: string, params: unknown[] = []) =>
        (await client.query(text, params)).rows as Row[],
      close: () => client.end(),
    };
  }
  const db = await PGlite.create({ extensions: { postgis } });
  await db.exec('create extension if not exists postgis');
  return {
    query: async <Row>(text: string, params: unknown[] = []) => (await db.query<Row>(text, params)).rows,
    close: () => db.close(),
  };
}
