import type { Position } from 'geojson';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SessionInfo } from '../../domain/account.ts';
import { ApiError } from '../../domain/api.ts';
import type { BoundaryRefusal } from '../../domain/boundary-change.ts';
import { ClusterFeatureCollection } from '../../domain/cluster.ts';
import { ClusterHistory, ClusterRecord, StaleWrite } from '../../domain/history.ts';
import { createApp } from '../../server/app.ts';
import type { AtlasStore } from '../../server/store/store.ts';
import { databaseKind, openFreshStore, silentLogger } from './test-store.ts';

let store: AtlasStore;
let cleanup: () => Promise<void>;
let app: ReturnType<typeof createApp>;
const PASSWORD = 'mật-khẩu-ranh-giới-2026';
const source = { sourceId: 'kh-4794', asOf: '2025-06-14' };
type Session = { cookie: string; csrfToken: string };
let lan: Session;

// Near Sông Cầu's illustrative shape (Khánh Hòa): metres east/north of a point, as lon/lat.
const ORIGIN = [108.985, 12.29] as const;
const at = (east: number, north: number): [number, number] => [
  ORIGIN[0] + east / (111_320 * Math.cos((ORIGIN[1] * Math.PI) / 180)),
  ORIGIN[1] + north / 110_600,
];
const rectangle = (west: number, south: number, east: number, north: number) => ({
  type: 'Polygon' as const,
  coordinates: [[at(west, south), at(east, south), at(east, north), at(west, north), at(west, south)]],
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
  const response = await request(app).post('/api/auth/login').send({ username: 'lan', password: PASSWORD });
  lan = {
    cookie: (response.headers['set-cookie'] as unknown as string[])[0]?.split(';')[0] ?? '',
    csrfToken: SessionInfo.parse(response.body).csrfToken ?? '',
  };
});
afterAll(async () => cleanup());

const put = (clusterId: string, body: unknown, ifMatch?: string) => {
  const pending = request(app)
    .put(`/api/clusters/${clusterId}/boundary`)
    .set('Cookie', lan.cookie)
    .set('X-CSRF-Token', lan.csrfToken)
    .send(body as object);
  return ifMatch ? pending.set('If-Match', ifMatch) : pending;
};
const versionOf = async (clusterId: string) =>
  ClusterRecord.parse((await request(app).get(`/api/clusters/${clusterId}`).expect(200)).body).version;
const historyOf = async (clusterId: string) =>
  ClusterHistory.parse((await request(app).get(`/api/clusters/${clusterId}/history`).expect(200)).body)
    .entries;
const refusal = (body: unknown) => body as BoundaryRefusal;

describe(`drawing a cluster boundary, on ${databaseKind}`, () => {
  test('a drawn boundary is stored, flagged drawn with its source, and recorded once with both areas', async () => {
    const shape = rectangle(0, 0, 400, 500);
    const response = await put('song-cau', { geometry: shape, source }, '"cluster-song-cau-v1"').expect(200);
    expect(response.headers.etag).toBe('"cluster-song-cau-v2"');
    const { feature } = ClusterRecord.parse(response.body);
    expect(feature.properties).toMatchObject({
      geometrySource: 'drawn',
      geometrySourceId: 'kh-4794',
      geometryAsOf: '2025-06-14',
    });
    expect(feature.properties.geometryNote).toBeUndefined();
    // Stored as a one-part multipolygon, the same vertices within PostGIS's 6 decimals.
    const stored = feature.geometry.type === 'MultiPolygon' ? feature.geometry.coordinates[0]?.[0] : [];
    shape.coordinates[0]?.forEach((position: Position, index: number) => {
      expect(stored?.[index]?.[0]).toBeCloseTo(position[0] ?? 0, 6);
      expect(stored?.[index]?.[1]).toBeCloseTo(position[1] ?? 0, 6);
    });

    const [latest, ...earlier] = await historyOf('song-cau');
    expect(earlier).toHaveLength(1);
    expect(latest).toMatchObject({
      action: 'update',
      accountName: 'Trần Thị Lan',
      sourceId: 'kh-4794',
      version: 2,
    });
    const boundary = latest?.differences.find((difference) => difference.path === 'boundary');
    const areas = boundary as { before: { areaHa: number }; after: { areaHa: number } } | undefined;
    expect(areas?.after.areaHa).toBeCloseTo(20, 0);
    expect(areas?.before.areaHa).toBeGreaterThan(0);
    expect(latest?.differences.find((difference) => difference.path === 'geometrySource')).toMatchObject({
      before: 'illustrative',
      after: 'drawn',
    });

    // The province's map reads the new shape at once.
    const clusters = ClusterFeatureCollection.parse(
      (await request(app).get('/api/clusters?province=khanh-hoa').expect(200)).body,
    );
    const onMap = clusters.features.find((item) => item.properties.id === 'song-cau');
    expect(onMap?.properties.geometrySource).toBe('drawn');
  });

  test('a boundary over a real boundary is refused with the overlap, and nothing is written', async () => {
    const before = { version: await versionOf('dien-tho'), history: (await historyOf('dien-tho')).length };
    const response = await put(
      'dien-tho',
      { geometry: rectangle(300, 100, 800, 600), source },
      `"cluster-dien-tho-v${before.version}"`,
    ).expect(422);
    const body = refusal(response.body);
    expect(body.error.code).toBe('invalid_boundary');
    expect(body.error.message_vi).toContain('Chồng lấn');
    expect(body.error.message_en).toContain('Overlaps');
    const overlap = body.check?.findings.find((finding) => finding.kind === 'overlap');
    expect(overlap).toMatchObject({ severity: 'error', clusterId: 'song-cau' });
    // 100 m × 400 m shared.
    expect(overlap?.kind === 'overlap' && overlap.overlapHa).toBeCloseTo(4, 0);
    expect(await versionOf('dien-tho')).toBe(before.version);
    expect(await historyOf('dien-tho')).toHaveLength(before.history);
  });

  test('the same shape moved beside it, sharing only an edge, is accepted', async () => {
    const version = await versionOf('dien-tho');
    await put(
      'dien-tho',
      { geometry: rectangle(400, 0, 900, 500), source },
      `"cluster-dien-tho-v${version}"`,
    ).expect(200);
  });

  test('over an illustrative shape the overlap is only a warning: the boundary is saved', async () => {
    const illustrative = ClusterFeatureCollection.parse(
      (await request(app).get('/api/clusters?province=khanh-hoa').expect(200)).body,
    ).features.find((item) => item.properties.id === 'ninh-xuan');
    expect(illustrative?.properties.geometrySource).toBe('illustrative');
    const ring = (
      illustrative?.geometry.type === 'Polygon'
        ? illustrative.geometry.coordinates[0]
        : illustrative?.geometry.coordinates[0]?.[0]
    ) as [number, number][];
    const [x = 0, y = 0] = ring[0] ?? [];
    const over = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [x - 0.002, y - 0.002],
          [x + 0.002, y - 0.002],
          [x + 0.002, y + 0.002],
          [x - 0.002, y + 0.002],
          [x - 0.002, y - 0.002],
        ],
      ],
    };
    const version = await versionOf('khatoco-ninh-ich');
    await put(
      'khatoco-ninh-ich',
      { geometry: over, source },
      `"cluster-khatoco-ninh-ich-v${version}"`,
    ).expect(200);
  });

  test('a bow-tie is refused with where it crosses itself', async () => {
    const version = await versionOf('trang-e-2');
    const bowTie = {
      type: 'Polygon',
      coordinates: [[at(0, 3000), at(300, 3300), at(300, 3000), at(0, 3300), at(0, 3000)]],
    };
    const response = await put(
      'trang-e-2',
      { geometry: bowTie, source },
      `"cluster-trang-e-2-v${version}"`,
    ).expect(422);
    const body = refusal(response.body);
    expect(body.check?.findings.map((finding) => finding.kind)).toContain('self-intersection');
    expect(body.error.message_vi).toContain('tự cắt');
    expect(await versionOf('trang-e-2')).toBe(version);
  });

  test('a hole outside its shell is refused by the shared check, with its reason', async () => {
    const version = await versionOf('trang-e-2');
    const shell = rectangle(0, 3000, 300, 3300).coordinates[0] ?? [];
    const hole = rectangle(1000, 3000, 1100, 3100).coordinates[0]?.slice().reverse() ?? [];
    const response = await put(
      'trang-e-2',
      { geometry: { type: 'Polygon', coordinates: [shell, hole] }, source },
      `"cluster-trang-e-2-v${version}"`,
    ).expect(422);
    expect(refusal(response.body).error.message_en).toMatch(/hole lies outside the outer boundary/i);
    expect(await versionOf('trang-e-2')).toBe(version);
  });

  test('a hole inside another hole, which only PostGIS catches, is refused with PostGIS’s reason', async () => {
    const version = await versionOf('trang-e-2');
    const shell = rectangle(0, 3000, 300, 3300).coordinates[0] ?? [];
    const outerHole = rectangle(50, 3050, 250, 3250).coordinates[0]?.slice().reverse() ?? [];
    const innerHole = rectangle(100, 3100, 200, 3200).coordinates[0]?.slice().reverse() ?? [];
    const response = await put(
      'trang-e-2',
      { geometry: { type: 'Polygon', coordinates: [shell, outerHole, innerHole] }, source },
      `"cluster-trang-e-2-v${version}"`,
    ).expect(422);
    expect(refusal(response.body).error.message_en).toMatch(
      /PostGIS: the shape is invalid \(Holes are nested/,
    );
    expect(await versionOf('trang-e-2')).toBe(version);
  });

  test('a stale version gets 412 with what changed; no If-Match gets 428', async () => {
    const stale = await put(
      'song-cau',
      { geometry: rectangle(0, 0, 300, 300), source },
      '"cluster-song-cau-v1"',
    ).expect(412);
    const body = StaleWrite.parse(stale.body);
    expect(body.current.version).toBe(2);
    expect(body.changesSince[0]?.differences.map((difference) => difference.path)).toContain('boundary');
    await put('song-cau', { geometry: rectangle(0, 0, 300, 300), source }).expect(428);
    expect(await versionOf('song-cau')).toBe(2);
  });

  test('bad bodies are refused in both languages and write nothing', async () => {
    const version = await versionOf('son-binh');
    const ifMatch = `"cluster-son-binh-v${version}"`;
    const shape = rectangle(0, 6000, 300, 6300);
    const unclosed = {
      type: 'Polygon',
      coordinates: [[at(0, 6000), at(300, 6000), at(300, 6300), at(0, 6300)]],
    };
    const cases: [unknown, number][] = [
      [{ geometry: shape }, 400],
      [{ geometry: unclosed, source }, 422],
      [{ geometry: { type: 'Point', coordinates: [109, 12] }, source }, 422],
      [{ geometry: shape, source, extra: 1 }, 400],
      [{ geometry: shape, source: { sourceId: 'no-such-document', asOf: '2025-06-14' } }, 422],
      [{ geometry: rectangle(0, 0, 1, 1), source: { ...source, asOf: '14/06/2025' } }, 400],
      [
        {
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [2.35, 48.85],
                [2.36, 48.85],
                [2.36, 48.86],
                [2.35, 48.85],
              ],
            ],
          },
          source,
        },
        422,
      ],
    ];
    for (const [body, status] of cases) {
      const response = await put('son-binh', body, ifMatch).expect(status);
      const error = ApiError.parse(response.body).error;
      expect(error.message_vi.length).toBeGreaterThan(10);
      expect(error.message_en).not.toBe(error.message_vi);
    }
    expect(await versionOf('son-binh')).toBe(version);
  });

  test('an editor of another province and the public may not draw (every role: auth.test.ts)', async () => {
    await store.accounts.create({
      username: 'bientap.hb',
      displayName: 'Editor Hòa Bình',
      role: 'editor',
      provinceIds: ['hoa-binh'],
      password: PASSWORD,
    });
    const response = await request(app)
      .post('/api/auth/login')
      .send({ username: 'bientap.hb', password: PASSWORD });
    const cookie = (response.headers['set-cookie'] as unknown as string[])[0]?.split(';')[0] ?? '';
    const csrf = SessionInfo.parse(response.body).csrfToken ?? '';
    await request(app)
      .put('/api/clusters/son-binh/boundary')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .set('If-Match', '"cluster-son-binh-v1"')
      .send({ geometry: rectangle(0, 6000, 300, 6300), source })
      .expect(403);
    await request(app)
      .put('/api/clusters/son-binh/boundary')
      .set('If-Match', '"cluster-son-binh-v1"')
      .send({ geometry: rectangle(0, 6000, 300, 6300), source })
      .expect(401);
  });
});
