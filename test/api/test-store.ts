import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { type GeodataBundle, readGeodata } from '../../server/geodata/read-geodata.ts';
import { openStore } from '../../server/store/open-store.ts';
import type { AtlasStore } from '../../server/store/store.ts';
import { copyOfFirstStart } from '../pglite-template.ts';

/** Which database this run of the API suite uses: a PostgreSQL server when DATABASE_URL is set. */
export const databaseUrl = process.env.DATABASE_URL || undefined;
export const databaseKind = databaseUrl ? 'postgresql' : 'pglite';
export const silentLogger = pino({ level: 'silent' });

/** Empties the server database so each suite starts as a first start would. */
async function resetServerDatabase(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('drop schema if exists public cascade');
    await client.query('create schema public');
  } finally {
    await client.end();
  }
}

/** A fresh store as on a first start: empty database, migrations, shipped geodata (or the bundle given). */
export async function openFreshStore(
  options: {
    geodata?: GeodataBundle;
    /** A PostgreSQL server to use instead of the suite's; null for PGlite whatever the suite uses. */
    databaseUrl?: string | null;
  } = {},
): Promise<{
  store: AtlasStore;
  dataDir: string;
  cleanup: () => Promise<void>;
}> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ccn-atlas-test-'));
  const url = options.databaseUrl === undefined ? databaseUrl : (options.databaseUrl ?? undefined);
  if (url) await resetServerDatabase(url);
  // On PGlite, a copy of a folder that has had exactly this first start (test/pglite-template.ts).
  else await copyOfFirstStart(dataDir, options.geodata ?? readGeodata());
  const store = await openStore({
    databaseUrl: url,
    dataDir,
    logger: silentLogger,
    geodata: options.geodata,
  });
  return {
    store,
    dataDir,
    cleanup: async () => {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
