import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SessionInfo } from '../../domain/account.ts';
import type { BoundaryRefusal } from '../../domain/boundary-change.ts';
import type { PlotFeature } from '../../domain/plot.ts';
import { PlotDetail, PlotOutlines } from '../../domain/plot-api.ts';
import { createApp } from '../../server/app.ts';
import type { AtlasStore } from '../../server/store/store.ts';
import { databaseKind, openFreshStore, silentLogger } from './test-store.ts';

let store: AtlasStore;
let cleanup: () => Promise<void>;
let app: ReturnType<typeof createApp>;
const PASSWORD = 'mật-khẩu-lô-đất-2026';
const source = { sourceId: 'kh-4794', asOf: '2025-06-14' };
let session: { cookie: string; csrfToken: string };

// Metres east/north of a point near Sông Cầu's illustrative shape, as lon/lat.
const ORIGIN = [108.985, 12.29] as const;
const at = (east: number, north: number): [number, number] => [
  ORIGIN[0] + east / (111_320 * Math.cos((ORIGIN[1] * Math.PI) / 180)),
  ORIGIN[1] + north / 110_600,
];
const rectangle = (west: number, south: number, east: number, north: number) => ({
  type: 'Polygon' as const,
  coordinates: [[at(west, south), at(east, south), at(east, north), at(west, north), at(west, south)]],
});
/** A plot of the fictional test layout: recorded, as an import would bring it. */
const plot = (id: string, label: string, shape: ReturnType<typeof rectangle>): PlotFeature => ({
  type: 'Feature',
  geometry: shape,
  properties: {
    id,
    clusterId: 'song-cau',
    provinceId: 'khanh-hoa',
    label,
    status: 'available',
    permittedIndustries: [],
    tenant: null,
    contact: null,
    origin: 'import',
    sourceId: 'kh-4794',
    asOf: null,
  },
});

beforeAll(async () => {
  ({ store, cleanup } = await openFreshStore());
  app = createApp({ store: Promise.resolve(store), logger: silentLogger });
  await store.accounts.create({
    username: 'lan',
    displayName: 'Trần Thị Lan',
    role: 'editor',
    provinceIds: ['khanh-hoa'],
    password: PASSWORD,
  });
  const login = await request(app).post('/api/auth/login').send({ username: 'lan', password: PASSWORD });
  session = {
    cookie: (login.headers['set-cookie'] as unknown as string[])[0]?.split(';')[0] ?? '',
    csrfToken: SessionInfo.parse(login.body).csrfToken ?? '',
  };
  // A real (drawn) boundary for the cluster, 400 m × 400 m, then two plots inside it.
  await request(app)
    .put('/api/clusters/song-cau/boundary')
    .set('Cookie', session.cookie)
    .set('X-CSRF-Token', session.csrfToken)
    .set('If-Match', '"cluster-song-cau-v1"')
    .send({ geometry: rectangle(0, 0, 400, 400), source })
    .expect(200);
  await store.savePlots(
    [plot('sc-a', 'A', rectangle(0, 0, 100, 100)), plot('sc-b', 'B', rectangle(100, 0, 200, 100))],
    {
      audit: { action: 'import', actor: null, sourceId: 'kh-4794' },
    },
  );
});
afterAll(async () => cleanup());

const put = (id: string, body: unknown, ifMatch?: string) => {
  const pending = request(app)
    .put(`/api/plots/${id}/boundary`)
    .set('Cookie', session.cookie)
    .set('X-CSRF-Token', session.csrfToken)
    .send(body as object);
  return ifMatch ? pending.set('If-Match', ifMatch) : pending;
};
const detail = async (id: string) =>
  PlotDetail.parse((await request(app).get(`/api/plots/${id}`).expect(200)).body);

describe(`redrawing a plot's boundary, on ${databaseKind}`, () => {
  test('a plot carries its version, and the cluster lists its plots as outlines', async () => {
    expect((await detail('sc-a')).version).toBe(1);
    const outlines = PlotOutlines.parse(
      (await request(app).get('/api/clusters/song-cau/plot-outlines').expect(200)).body,
    );
    expect(outlines.plots.map((item) => [item.id, item.label, item.origin])).toEqual([
      ['sc-a', 'A', 'import'],
      ['sc-b', 'B', 'import'],
    ]);
  });

  test('a redraw inside the cluster is saved, re-measured, and recorded with the plot before and after', async () => {
    const response = await put(
      'sc-a',
      { geometry: rectangle(0, 0, 100, 150), source },
      '"plot-sc-a-v1"',
    ).expect(200);
    expect(response.body).toMatchObject({ id: 'sc-a', version: 2, areaMeasure: 'vn2000-plane' });
    expect(response.body.areaM2).toBeCloseTo(15_000, -2);
    const after = await detail('sc-a');
    expect(after.version).toBe(2);
    expect(after.areaM2).toBeCloseTo(15_000, -2);
    expect(after.properties).toMatchObject({ geometrySourceId: 'kh-4794', geometryAsOf: '2025-06-14' });
    const [latest, previous] = await store.plotHistory('sc-a');
    expect(latest).toMatchObject({ action: 'update', accountName: 'Trần Thị Lan', sourceId: 'kh-4794' });
    expect(latest?.before?.version).toBe(1);
    expect(latest?.after?.version).toBe(2);
    expect(latest?.before?.geometry.coordinates[0]).toHaveLength(5);
    expect(previous?.action).toBe('import');
  });

  test('over the neighbouring plot it is refused with the overlap, and nothing is written', async () => {
    const response = await put(
      'sc-a',
      { geometry: rectangle(0, 0, 150, 150), source },
      '"plot-sc-a-v2"',
    ).expect(422);
    const body = response.body as BoundaryRefusal;
    expect(body.check?.findings).toMatchObject([
      { kind: 'plot-overlap', severity: 'error', plotId: 'sc-b', label: 'B' },
    ]);
    expect(body.error.message_vi).toContain('lô B');
    expect((await detail('sc-a')).version).toBe(2);
    expect(await store.plotHistory('sc-a')).toHaveLength(2);
  });

  test('beyond the cluster’s real boundary it is refused with the area outside', async () => {
    const response = await put(
      'sc-a',
      { geometry: rectangle(-100, 0, 100, 150), source },
      '"plot-sc-a-v2"',
    ).expect(422);
    const body = response.body as BoundaryRefusal;
    const outside = body.check?.findings.find((finding) => finding.kind === 'outside-cluster');
    expect(outside).toMatchObject({ severity: 'error' });
    // 100 m × 150 m outside.
    expect(outside?.kind === 'outside-cluster' && outside.outsideHa).toBeCloseTo(1.5, 1);
    expect(body.error.message_en).toContain("outside the cluster's boundary");
  });

  test('a stale version gets 412, none gets 428, a multipolygon 422; nothing is written', async () => {
    await put('sc-a', { geometry: rectangle(0, 0, 100, 120), source }, '"plot-sc-a-v1"').expect(412);
    await put('sc-a', { geometry: rectangle(0, 0, 100, 120), source }).expect(428);
    const multi = { type: 'MultiPolygon', coordinates: [rectangle(0, 0, 100, 120).coordinates] };
    await put('sc-a', { geometry: multi, source }, '"plot-sc-a-v2"').expect(422);
    await put('khong-co', { geometry: rectangle(0, 0, 100, 120), source }, '"plot-khong-co-v1"').expect(404);
    expect((await detail('sc-a')).version).toBe(2);
  });
});
