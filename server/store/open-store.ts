import type { Logger } from 'pino';
import { loadGeodata } from '../geodata/load-geodata.ts';
import { type GeodataBundle, readGeodata } from '../geodata/read-geodata.ts';
import { migrate } from './migrate.ts';
import { openPgClient } from './pg-client.ts';
import { openPgliteClient } from './pglite-client.ts';
import { createPostgisStore } from './postgis-store.ts';
import type { SqlClient } from './sql-client.ts';
import type { AtlasStore } from './store.ts';

export type StoreOptions = {
  /** A PostgreSQL + PostGIS server; when absent, the embedded PGlite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
  geodata?: GeodataBundle;
  logger?: Logger;
};

/** Advisory lock key held while one process migrates and loads the geodata (any fixed number). */
const STARTUP_LOCK = 4_726_551;

/** Opens the database, applies migrations and loads the shipped geodata on first start. */
export async function openStore(options: StoreOptions): Promise<AtlasStore> {
  const started = performance.now();
  const client: SqlClient = options.databaseUrl
    ? await openPgClient(options.databaseUrl, {
        onConnectionError: (error) =>
          options.logger?.warn({ err: error }, 'database connection lost; reconnecting on the next query'),
      })
    : await openPgliteClient(options.dataDir);
  try {
    const prepare = async (db: SqlClient) => ({
      applied: await migrate(db),
      loaded: await loadGeodata(db, options.geodata ?? readGeodata()),
    });
    // Several app processes may start at once on one server: the first migrates and loads, the
    // others wait for it and then find nothing to do (without the lock they raced and one failed).
    const { applied, loaded } =
      client.kind === 'postgresql'
        ? await client.transaction(async (tx) => {
            await tx.query('select pg_advisory_xact_lock($1)', [STARTUP_LOCK]);
            return prepare(tx);
          })
        : await prepare(client);
    options.logger?.info(
      {
        database: client.kind,
        migrations: applied,
        geodata: loaded,
        ms: Math.round(performance.now() - started),
      },
      'store ready',
    );
  } catch (error) {
    await client.close();
    throw error;
  }
  const [row] = await client.query<{ version: string }>('select version::text as version from data_version');
  return createPostgisStore(client, Number(row?.version ?? 1));
}
