/**
 * Writes on the embedded database under stress (issue 9, items 10a and 10c): the real server on
 * PGlite with its own DATA_DIR,
 * - 50 editors' writes at once, each retrying with a fresh If-Match until accepted: all land, one
 *   after the other (consecutive versions, exactly one audit row each), never a 500;
 * - killed with SIGKILL in the middle of a large plot layout (thousands of plots in one transaction)
 *   and of a stream of edits, at several delays, then restarted on the same folder: every change is
 *   wholly there or wholly absent, every acknowledged one survived, nothing else changed, and in the
 *   database every plot and every cluster version has its audit row.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ClusterFeatureCollection } from '../../domain/cluster.ts';
import { openPgliteClient } from '../../server/store/pglite-client.ts';
import { PROVINCE, seedStore, signIn, startApp } from './harness.ts';
import { expectAuditAgreement, type Target, writeScenarios } from './write-scenarios.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'ccn-atlas-stress-pglite-'));
const target = { label: 'PGlite', clusterIds: [] as string[] } as unknown as Target;
const scenarios = writeScenarios(target);

beforeAll(async () => {
  await seedStore({ dataDir });
  target.app = await startApp({ DATA_DIR: dataDir });
  target.restart = async () => {
    target.app = await startApp({ DATA_DIR: dataDir }, target.app.port);
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
  rmSync(dataDir, { recursive: true, force: true });
});

describe('50 parallel writes on PGlite', () => {
  test('all land, serialized: consecutive versions, one audit row each, no 500', async () => {
    await scenarios.parallelWrites();
  });
});

describe('SIGKILL during an in-app import, restart on the same DATA_DIR', () => {
  test('the import is wholly there or wholly absent; an acknowledged one is kept', async () => {
    await scenarios.killDuringImport();
  });
});

describe('SIGKILL during a plot layout and during edits, restart on the same DATA_DIR', () => {
  test('each change wholly there or wholly absent; acknowledged ones and everything else kept', async () => {
    await scenarios.killAndRestart();
    // The database itself, after a clean stop (PGlite is one process's): the audit agrees.
    await target.app.stop();
    const sql = await openPgliteClient(dataDir);
    try {
      await expectAuditAgreement((text) => sql.query(text));
    } finally {
      await sql.close();
    }
  });
});
