import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import type { GeodataBundle } from '../../server/geodata/read-geodata.ts';
import { openStore } from '../../server/store/open-store.ts';
import type { AtlasStore } from '../../server/store/store.ts';

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
export async function openFreshStore(options: { geodata?: GeodataBundle } = {}): Promise<{
  store: AtlasStore;
  dataDir: string;
  cleanup: () => Promise<void>;
}> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ccn-atlas-test-'));
  if (databaseUrl) await resetServerDatabase(databaseUrl);
  const store = await openStore({ databaseUrl, dataDir, logger: silentLogger, ...options });
  return {
    store,
    dataDir,
    cleanup: async () => {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
