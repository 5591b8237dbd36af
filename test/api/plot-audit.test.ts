import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PlotGeometry } from '../../domain/plot.ts';
import { loadGeodata } from '../../server/geodata/load-geodata.ts';
import { importPlots } from '../../server/plots/import-plots.ts';
import { layoutCluster } from '../../server/plots/layout-cluster.ts';
import { migrate } from '../../server/store/migrate.ts';
import { openPgClient } from '../../server/store/pg-client.ts';
import { openPgliteClient } from '../../server/store/pglite-client.ts';
import { createPostgisStore } from '../../server/store/postgis-store.ts';
import type { SqlClient } from '../../server/store/sql-client.ts';
import type { AtlasStore } from '../../server/store/store.ts';
import { bundleWithTestProvince, testClusterId } from './fixtures/test-province.ts';
import { databaseKind, databaseUrl } from './test-store.ts';

// The store over a client the test holds too, so it can read the log and try to rewrite it.
let client: SqlClient;
let store: AtlasStore;
let dataDir: string;
const importText = readFileSync(new URL('./fixtures/plots-import.geojson', import.meta.url), 'utf8');
const layout = { plotWidthM: 50, plotDepthM: 80, roadWidthM: 12 };
const lan = { accountId: 'acc-lan', accountName: 'Trần Thị Lan' };

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ccn-plot-audit-'));
  client = databaseUrl ? await openPgClient(databaseUrl) : await openPgliteClient(dataDir);
  if (client.kind === 'postgresql')
    await client.exec('drop schema if exists public cascade; create schema public');
  await migrate(client);
  await loadGeodata(client, bundleWithTestProvince());
  store = createPostgisStore(client, 1);
});
afterAll(async () => {
  await store?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

type LogRow = {
  account_id: string | null;
  account_name: string | null;
  action: string;
  entity_id: string;
  source_id: string | null;
  before: { version: number } | null;
  after: { version: number } | null;
};
/** Plot audit rows after `afterId`, oldest first. */
const plotLog = (afterId = 0) =>
  client.query<LogRow & { id: number }>(
    "select id::int as id, account_id, account_name, action, entity_id, source_id, before, after from audit_log where entity = 'plot' and id > $1 order by id",
    [afterId],
  );
const lastLogId = async () =>
  (await client.query<{ id: number }>('select coalesce(max(id), 0)::int as id from audit_log'))[0]?.id ?? 0;
const clusterPlotIds = async () =>
  (
    await client.query<{ id: string }>('select id from plots where cluster_id = $1 order by id', [
      testClusterId,
    ])
  ).map((row) => row.id);

describe(`every plot write is audited, on ${databaseKind}`, () => {
  let firstLayoutIds: string[] = [];

  test('a dry run writes neither plots nor audit rows', async () => {
    const before = await lastLogId();
    const result = await layoutCluster(store, testClusterId, layout, { dryRun: true, actor: lan });
    expect(result.inserted).toBeGreaterThan(4);
    expect(await plotLog(before)).toEqual([]);
    expect(await clusterPlotIds()).toEqual([]);
  });

  test('a layout writes one row per plot: who, no source, before null, after the record as stored', async () => {
    const before = await lastLogId();
    const result = await layoutCluster(store, testClusterId, layout, { actor: lan });
    const rows = await plotLog(before);
    firstLayoutIds = await clusterPlotIds();
    expect(rows).toHaveLength(result.inserted);
    expect(rows.map((row) => row.entity_id).sort()).toEqual(firstLayoutIds);
    for (const row of rows) {
      expect(row).toMatchObject({
        account_id: 'acc-lan',
        account_name: 'Trần Thị Lan',
        action: 'layout',
        source_id: null,
        before: null,
      });
    }
    const [history] = await store.plotHistory(firstLayoutIds[0] ?? '');
    const stored = await store.getPlot(firstLayoutIds[0] ?? '');
    expect(history?.before).toBeNull();
    expect(history?.after).toEqual({ doc: stored?.properties, version: 1, geometry: stored?.geometry });
    expect(history?.after?.doc.origin).toBe('generated');
  });

  test('a new layout replaces plots with a version bump and records each removed plot as a delete', async () => {
    const before = await lastLogId();
    const result = await layoutCluster(store, testClusterId, { ...layout, plotWidthM: 100 }, { actor: lan });
    expect(result.updated).toBeGreaterThan(0);
    expect(result.removed).toBeGreaterThan(0);
    const rows = await plotLog(before);
    expect(rows).toHaveLength(result.inserted + result.updated + result.removed);

    const replaced = rows.filter((row) => row.action === 'layout' && row.before !== null);
    expect(replaced).toHaveLength(result.updated);
    for (const row of replaced) expect([row.before?.version, row.after?.version]).toEqual([1, 2]);
    const [kept] = replaced;
    const [latest, first] = await store.plotHistory(kept?.entity_id ?? '');
    expect(latest?.before).toEqual(first?.after);
    expect(latest?.before?.doc.layout?.plotWidthM).toBe(50);
    expect(latest?.after?.doc.layout?.plotWidthM).toBe(100);
    expect(latest?.after?.geometry).toEqual((await store.getPlot(kept?.entity_id ?? ''))?.geometry);
    const [version] = await client.query<{ version: number }>('select version from plots where id = $1', [
      kept?.entity_id,
    ]);
    expect(version?.version).toBe(2);

    const deleted = rows.filter((row) => row.action === 'delete');
    expect(deleted).toHaveLength(result.removed);
    const remaining = await clusterPlotIds();
    expect(deleted.map((row) => row.entity_id).sort()).toEqual(
      firstLayoutIds.filter((id) => !remaining.includes(id)),
    );
    const gone = deleted[0]?.entity_id ?? '';
    expect(await store.getPlot(gone)).toBeNull();
    const goneHistory = await store.plotHistory(gone);
    expect(goneHistory.map((entry) => entry.action)).toEqual(['delete', 'layout']);
    expect(goneHistory[0]).toMatchObject({ accountName: 'Trần Thị Lan', after: null });
    expect(goneHistory[0]?.before).toEqual(goneHistory[1]?.after);
  });

  test('an import is recorded under its source, with no account for a server-side tool', async () => {
    const dryRunStart = await lastLogId();
    await importPlots(store, importText, { sourceId: 'kh-4794', asOf: null, dryRun: true, actor: null });
    expect(await plotLog(dryRunStart)).toEqual([]);

    const before = await lastLogId();
    const first = await importPlots(store, importText, { sourceId: 'kh-4794', asOf: null, actor: null });
    const rows = await plotLog(before);
    expect(rows).toHaveLength(first.read);
    for (const row of rows) {
      expect(row).toMatchObject({
        account_id: null,
        account_name: null,
        action: 'import',
        source_id: 'kh-4794',
        before: null,
        after: { version: 1 },
      });
    }

    const again = await lastLogId();
    const second = await importPlots(store, importText, {
      sourceId: 'kh-4794',
      asOf: '2024-06-14',
      actor: lan,
    });
    expect(second).toMatchObject({ inserted: 0, updated: first.read, removed: 0 });
    const replaced = await plotLog(again);
    expect(replaced.map((row) => [row.action, row.before?.version, row.after?.version])).toEqual(
      replaced.map(() => ['import', 1, 2]),
    );
    expect(replaced.every((row) => row.account_name === 'Trần Thị Lan')).toBe(true);
  });

  test('a write that fails leaves no audit row behind', async () => {
    const before = await lastLogId();
    const [plot] = (
      await store.listPlots({ clusterIds: [testClusterId], sort: 'label', limit: 1, offset: 0 })
    ).plots;
    if (!plot) throw new Error('no plot to rewrite');
    const bowtie: PlotGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [106.5, 10.5],
          [106.501, 10.501],
          [106.501, 10.5],
          [106.5, 10.501],
          [106.5, 10.5],
        ],
      ],
    };
    const failure = store.savePlots([{ type: 'Feature', geometry: bowtie, properties: plot.properties }], {
      audit: { action: 'import', actor: lan, sourceId: null },
    });
    await expect(failure).rejects.toMatchObject({ status: 422 });
    expect(await plotLog(before)).toEqual([]);
  });

  test('plot audit rows cannot be changed or deleted: the database refuses', async () => {
    const rows = await plotLog();
    expect(rows.length).toBeGreaterThan(0);
    await expect(
      client.query("update audit_log set account_name = 'ai đó' where entity = 'plot'"),
    ).rejects.toThrow(/append-only/);
    await expect(client.query("delete from audit_log where entity = 'plot'")).rejects.toThrow(/append-only/);
    expect(await plotLog()).toEqual(rows);
  });
});
