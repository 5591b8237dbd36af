import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SessionInfo } from '../../domain/account.ts';
import { ApiError, ProvinceDetail } from '../../domain/api.ts';
import { ClusterFeatureCollection } from '../../domain/cluster.ts';
import { ClusterHistory, ClusterRecord, StaleWrite } from '../../domain/history.ts';
import { createApp } from '../../server/app.ts';
import { migrate } from '../../server/store/migrate.ts';
import { openPgliteClient } from '../../server/store/pglite-client.ts';
import type { AtlasStore } from '../../server/store/store.ts';
import { databaseKind, openFreshStore, silentLogger } from './test-store.ts';

let store: AtlasStore;
let cleanup: () => Promise<void>;
let app: ReturnType<typeof createApp>;
const PASSWORD = 'mật-khẩu-thử-nghiệm-2026';
const people = {
  lan: { username: 'lan', displayName: 'Trần Thị Lan', role: 'editor', provinceIds: ['khanh-hoa'] },
  minh: { username: 'minh', displayName: 'Lê Văn Minh', role: 'editor', provinceIds: ['khanh-hoa'] },
} as const;
const source = { sourceId: 'kh-4794', asOf: '2025-06-14' };

beforeAll(async () => {
  ({ store, cleanup } = await openFreshStore());
  app = createApp({ store: Promise.resolve(store), logger: silentLogger });
  for (const person of Object.values(people)) {
    await store.accounts.create({ ...person, provinceIds: [...person.provinceIds], password: PASSWORD });
  }
});
afterAll(async () => cleanup());

async function signIn(username: string) {
  const response = await request(app)
    .post('/api/auth/login')
    .send({ username, password: PASSWORD })
    .expect(200);
  const cookie = (response.headers['set-cookie'] as unknown as string[])[0]?.split(';')[0] ?? '';
  const { csrfToken } = SessionInfo.parse(response.body);
  return { cookie, csrfToken: csrfToken ?? '' };
}

const patch = (session: { cookie: string; csrfToken: string }, body: unknown, ifMatch?: string) => {
  const pending = request(app)
    .patch('/api/clusters/song-cau')
    .set('Cookie', session.cookie)
    .set('X-CSRF-Token', session.csrfToken)
    .send(body as object);
  return ifMatch ? pending.set('If-Match', ifMatch) : pending;
};
const history = async () =>
  ClusterHistory.parse((await request(app).get('/api/clusters/song-cau/history').expect(200)).body).entries;

describe(`editing a cluster, on ${databaseKind}`, () => {
  test('reads a cluster with its version as a strong ETag', async () => {
    const response = await request(app).get('/api/clusters/song-cau').expect(200);
    expect(response.headers.etag).toBe('"cluster-song-cau-v1"');
    expect(ClusterRecord.parse(response.body).version).toBe(1);
  });

  test('a write without If-Match is refused with 428, and nothing is recorded', async () => {
    const lan = await signIn('lan');
    const response = await patch(lan, { stage: 'building', source }).expect(428);
    expect(ApiError.parse(response.body).error.message_vi).toContain('If-Match');
    expect(await history()).toHaveLength(1);
  });

  test('an editor’s change is written with its source and date, and recorded once', async () => {
    const lan = await signIn('lan');
    const change = {
      figures: { leasedIndustrialLandHa: { value: 12.5 } },
      infrastructure: { powerSupply: 'done' },
      source,
    };
    const response = await patch(lan, change, '"cluster-song-cau-v1"').expect(200);
    expect(response.headers.etag).toBe('"cluster-song-cau-v2"');
    const { feature } = ClusterRecord.parse(response.body);
    expect(feature.properties.figures.leasedIndustrialLandHa).toMatchObject({
      value: 12.5,
      sourceId: 'kh-4794',
      asOf: '2025-06-14',
    });
    const entries = await history();
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      action: 'update',
      accountName: 'Trần Thị Lan',
      sourceId: 'kh-4794',
      version: 2,
    });
    expect(entries[0]?.differences.map((difference) => difference.path)).toEqual([
      'figures.leasedIndustrialLandHa',
      'infrastructure.powerSupply',
    ]);
  });

  test('a second editor writing over the same version gets 412 and sees what changed meanwhile', async () => {
    const minh = await signIn('minh');
    const response = await patch(minh, { stage: 'building', source }, '"cluster-song-cau-v1"').expect(412);
    const stale = StaleWrite.parse(response.body);
    expect(stale.current.version).toBe(2);
    expect(stale.changesSince.map((entry) => entry.accountName)).toEqual(['Trần Thị Lan']);
    expect(stale.changesSince[0]?.differences[0]?.path).toBe('figures.leasedIndustrialLandHa');
    expect((await request(app).get('/api/clusters/song-cau')).body.feature.properties.stage).toBe(
      'operating',
    );
    expect(await history()).toHaveLength(2);
  });

  test('refused changes write nothing: no source, an unknown source, a negative area, an unknown field', async () => {
    const lan = await signIn('lan');
    const etag = '"cluster-song-cau-v2"';
    await patch(lan, { stage: 'building' }, etag).expect(400);
    const unknown = await patch(
      lan,
      { stage: 'building', source: { ...source, sourceId: 'khong-co' } },
      etag,
    ).expect(422);
    expect(ApiError.parse(unknown.body).error.message_en).toContain('khong-co');
    await patch(lan, { figures: { plannedAreaHa: { value: -3 } }, source }, etag).expect(400);
    await patch(lan, { colour: 'red', source }, etag).expect(400);
    expect(await history()).toHaveLength(2);
    expect((await request(app).get('/api/clusters/song-cau')).headers.etag).toBe(etag);
  });

  test('the map and the dashboard as of a past day show what was recorded then', async () => {
    // Days counted from the load the history records, so the test holds across midnight.
    const loadedAt = (await history()).at(-1)?.at ?? '';
    const today = loadedAt.slice(0, 10);
    const yesterday = new Date(Date.parse(loadedAt) - 86_400_000).toISOString().slice(0, 10);
    const past = ClusterFeatureCollection.parse(
      (await request(app).get(`/api/clusters?province=khanh-hoa&asOf=${yesterday}`).expect(200)).body,
    );
    // The day before the shipped data was loaded, nothing was recorded yet.
    expect(past.features).toEqual([]);
    const now = ClusterFeatureCollection.parse(
      (await request(app).get(`/api/clusters?province=khanh-hoa&asOf=${today}`).expect(200)).body,
    );
    const songCau = now.features.find((feature) => feature.properties.id === 'song-cau');
    expect(songCau?.properties.figures.leasedIndustrialLandHa?.value).toBe(12.5);
    const dashboard = ProvinceDetail.parse(
      (await request(app).get(`/api/provinces/khanh-hoa?asOf=${yesterday}`).expect(200)).body,
    );
    expect(Object.values(dashboard.clusterCountsByStage).every((count) => count === 0)).toBe(true);
    await request(app).get('/api/clusters?asOf=2999-01-01').expect(400);
    await request(app).get('/api/clusters?asOf=2024-02-30').expect(400);
  });
});

describe(`the audit log is append-only in the database itself, on ${databaseKind === 'pglite' ? 'PGlite' : 'PGlite too'}`, () => {
  test('update, delete and truncate are refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccn-audit-'));
    const client = await openPgliteClient(dir);
    try {
      await migrate(client);
      await client.query(
        "insert into audit_log (action, entity, entity_id, after) values ('load', 'cluster', 'x', '{}'::jsonb)",
      );
      await expect(client.query("update audit_log set entity_id = 'y'")).rejects.toThrow(/append-only/);
      await expect(client.query('delete from audit_log')).rejects.toThrow(/append-only/);
      await expect(client.exec('truncate audit_log')).rejects.toThrow(/append-only/);
      expect(await client.query('select entity_id from audit_log')).toEqual([{ entity_id: 'x' }]);
    } finally {
      await client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
