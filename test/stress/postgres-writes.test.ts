/**
 * The write scenarios of pglite-writes.test.ts on a PostgreSQL server (issue 9, item 10a "also on
 * PostgreSQL"): a private PostgreSQL + PostGIS (port 55503), the app killed with SIGKILL during
 * plot layouts and edits and started again on the same database; 50 parallel writes. Skipped
 * (saying why) without Debian's PostgreSQL 15 binaries.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ClusterFeatureCollection } from '../../domain/cluster.ts';
import {
  PROVINCE,
  type PrivatePostgres,
  seedStore,
  signIn,
  startApp,
  startPrivatePostgres,
} from './harness.ts';
import { expectAuditAgreement, type Target, writeScenarios } from './write-scenarios.ts';

const PORT = Number(process.env.STRESS_PG_WRITES_PORT ?? 55503);
const postgres = startPrivatePostgres(PORT);
if (!postgres)
  console.warn('[stress] PostgreSQL writes skipped: no PostgreSQL 15 in /usr/lib/postgresql/15/bin');

const dataDir = mkdtempSync(join(tmpdir(), 'ccn-atlas-stress-pg-writes-'));
const target = { label: 'PostgreSQL', clusterIds: [] as string[] } as unknown as Target;
const scenarios = writeScenarios(target);

beforeAll(async () => {
  const url = (postgres as PrivatePostgres).url;
  await seedStore({ dataDir, databaseUrl: url });
  const env = { DATABASE_URL: url, DATA_DIR: dataDir };
  target.app = await startApp(env);
  target.restart = async () => {
    target.app = await startApp(env, target.app.port);
  };
  target.session = await signIn(target.app.origin);
  const layer = ClusterFeatureCollection.parse(
    await (await fetch(`${target.app.origin}/api/clusters?province=${PROVINCE}`)).json(),
  );
  target.clusterIds = layer.features.map((feature) => feature.properties.id).sort();
  expect(target.clusterIds.length).toBeGreaterThanOrEqual(8);
});

afterAll(async () => {
  await target.app?.stop();
  postgres?.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!postgres)('writes on PostgreSQL', () => {
  test('50 parallel writes all land, serialized: consecutive versions, one audit row each, no 500', async () => {
    await scenarios.parallelWrites();
  });

  test('SIGKILL of the app during an in-app import: wholly there or wholly absent', async () => {
    await scenarios.killDuringImport();
  });

  test('SIGKILL of the app during layouts and edits: each change whole or absent, the rest kept', async () => {
    await scenarios.killAndRestart();
    const client = new pg.Client({ connectionString: (postgres as PrivatePostgres).url });
    await client.connect();
    try {
      await expectAuditAgreement(async (text) => (await client.query(text)).rows);
    } finally {
      await client.end();
    }
  });
});
