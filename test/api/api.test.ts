import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiError, ProvinceDetail, ProvinceList } from '../../domain/api.ts';
import { ClusterFeatureCollection } from '../../domain/cluster.ts';
import { createApp } from '../../server/app.ts';
import type { AtlasStore } from '../../server/store/store.ts';
import { databaseKind, openFreshStore, silentLogger } from './test-store.ts';

let store: AtlasStore;
let cleanup: () => Promise<void>;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  ({ store, cleanup } = await openFreshStore());
  app = createApp({ store: Promise.resolve(store), logger: silentLogger });
});
afterAll(async () => cleanup());

const expectError = (body: unknown, mention: string) => {
  const parsed = ApiError.parse(body);
  expect(parsed.error.message_vi).toContain(mention);
  expect(parsed.error.message_en).toContain(mention);
};

describe(`API on ${databaseKind}`, () => {
  test('health says ready and which database it runs on', async () => {
    const response = await request(app).get('/healthz').expect(200);
    expect(response.body).toEqual({ status: 'ok', database: databaseKind });
  });

  test('lists both provinces with the clusters held for each', async () => {
    const response = await request(app).get('/api/provinces').expect(200);
    const { provinces } = ProvinceList.parse(response.body);
    const counts = Object.fromEntries(provinces.map((province) => [province.id, province.clusterCount]));
    expect(counts).toEqual({ 'khanh-hoa': 11, 'hoa-binh': 0 });
  });

  test('gives a province its reported figures, each with a source it also returns', async () => {
    const response = await request(app).get('/api/provinces/khanh-hoa').expect(200);
    const detail = ProvinceDetail.parse(response.body);
    const planned = detail.province.figures.find((figure) => figure.key === 'plannedAreaHa');
    expect(planned).toMatchObject({ value: 669, unit: 'ha', approximate: true, sourceId: 'kh-4794' });
    const sourceIds = new Set(detail.sources.map((source) => source.id));
    for (const figure of detail.province.figures) expect(sourceIds).toContain(figure.sourceId);
    expect(detail.sources.find((source) => source.id === 'kh-4794')?.number).toBe('4794/KH-UBND');
  });

  test('sets computed figures beside the reported ones, gap included', async () => {
    const response = await request(app).get('/api/provinces/khanh-hoa').expect(200);
    const { reconciliation, clusterCountsByStage } = ProvinceDetail.parse(response.body);
    expect(reconciliation.find((row) => row.key === 'plannedAreaHaFromReportedParts')).toMatchObject({
      computed: 559.45,
      difference: -109.55,
      status: 'differs',
    });
    expect(reconciliation.find((row) => row.key === 'clustersInPlan')).toMatchObject({
      computed: 11,
      status: 'differs',
    });
    expect(clusterCountsByStage).toMatchObject({ planned: 5, established: 4, operating: 2 });
  });

  test('knows Hòa Bình by its totals only', async () => {
    const response = await request(app).get('/api/provinces/hoa-binh').expect(200);
    const detail = ProvinceDetail.parse(response.body);
    const value = (key: string) => detail.province.figures.find((figure) => figure.key === key)?.value;
    expect(value('plannedAreaHa')).toBe(866.605);
    expect(value('clearedSharePercent')).toBe(24.28);
    expect(value('previousPlanAreaHa')).toBe(663.4);
    expect(detail.reconciliation.find((row) => row.key === 'establishedAreaFromClusters')).toMatchObject({
      reported: null,
      status: 'unknown',
    });
  });

  test('serves the clusters of a province as GeoJSON, every one flagged illustrative', async () => {
    const response = await request(app)
      .get('/api/clusters?province=khanh-hoa')
      .expect(200)
      .expect('Content-Type', /application\/geo\+json/);
    const collection = ClusterFeatureCollection.parse(JSON.parse(response.text));
    expect(collection.features.map((feature) => feature.properties.id).sort()).toEqual(
      [
        'cam-thanh-nam',
        'cam-thinh-dong',
        'dien-tho',
        'dien-tho-2',
        'khanh-binh',
        'khatoco-ninh-ich',
        'ninh-xuan',
        'son-binh',
        'song-cau',
        'trang-e-2',
        'trang-e-3',
      ].sort(),
    );
    for (const feature of collection.features) {
      expect(feature.properties.geometrySource).toBe('illustrative');
      expect(feature.geometry.type).toBe('MultiPolygon');
    }
  });

  test('leaves unknown figures out rather than reporting 0', async () => {
    const response = await request(app).get('/api/clusters?province=khanh-hoa&stage=operating').expect(200);
    const collection = ClusterFeatureCollection.parse(JSON.parse(response.text));
    const songCau = collection.features.find((feature) => feature.properties.id === 'song-cau');
    expect(songCau?.properties.figures).toEqual({});
    expect(songCau?.properties.targets[0]).toMatchObject({ kind: 'occupancy', value: 45 });
  });

  test('filters by stage, comma-separated or repeated', async () => {
    const ids = async (query: string) => {
      const response = await request(app).get(`/api/clusters?${query}`).expect(200);
      return JSON.parse(response.text)
        .features.map((feature: { id: string }) => feature.id)
        .sort();
    };
    expect(await ids('stage=operating')).toEqual(['khatoco-ninh-ich', 'song-cau']);
    expect(await ids('stage=operating,established')).toHaveLength(6);
    expect(await ids('stage=operating&stage=established')).toHaveLength(6);
    expect(await ids('province=hoa-binh')).toEqual([]);
  });

  test('answers a bad stage with a 400 that names the parameter and the allowed values', async () => {
    const response = await request(app).get('/api/clusters?stage=opperating').expect(400);
    expectError(response.body, '"stage"');
    expect(response.body.error.message_en).toContain('operating');
  });

  test('answers a malformed province id with a 400, an unknown one with a 404', async () => {
    expectError(
      (await request(app).get('/api/clusters?province=Kh%C3%A1nh%20H%C3%B2a').expect(400)).body,
      '"province"',
    );
    expectError((await request(app).get('/api/clusters?province=atlantis').expect(404)).body, 'atlantis');
    expectError((await request(app).get('/api/provinces/atlantis').expect(404)).body, 'atlantis');
    expectError((await request(app).get('/api/provinces/DROP%20TABLE').expect(400)).body, '"id"');
  });

  test('rejects an unknown or repeated single-valued parameter, naming it', async () => {
    expectError((await request(app).get('/api/clusters?provnce=khanh-hoa').expect(400)).body, '"provnce"');
    expectError(
      (await request(app).get('/api/clusters?province=khanh-hoa&province=hoa-binh').expect(400)).body,
      '"province"',
    );
  });

  test('lets a client revalidate a layer: ETag, Cache-Control and 304 on a matching If-None-Match', async () => {
    const first = await request(app).get('/api/clusters?province=khanh-hoa').expect(200);
    expect(first.headers['cache-control']).toBe('no-cache');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await request(app)
      .get('/api/clusters?province=khanh-hoa')
      .set('If-None-Match', etag)
      .expect(304);
    expect(again.text).toBe('');
    const other = await request(app)
      .get('/api/clusters?province=hoa-binh')
      .set('If-None-Match', etag)
      .expect(200);
    expect(other.headers.etag).not.toBe(etag);
  });

  test('compresses answers for clients that accept gzip', async () => {
    const response = await request(app)
      .get('/api/provinces/khanh-hoa')
      .set('Accept-Encoding', 'gzip')
      .expect(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(ProvinceDetail.parse(response.body).province.id).toBe('khanh-hoa');
  });

  test('answers an unknown API path with a JSON 404', async () => {
    const response = await request(app).get('/api/nothing-here').expect(404);
    expectError(response.body, '/nothing-here');
  });
});

describe('before the store is ready', () => {
  test('health and API answer 503 with Retry-After, not a hang or a 500', async () => {
    const starting = createApp({ store: new Promise(() => {}), logger: silentLogger });
    const health = await request(starting).get('/healthz').expect(503);
    expect(health.headers['retry-after']).toBe('2');
    expect(ApiError.parse(health.body).error.code).toBe('starting');
    await request(starting).get('/api/provinces').expect(503);
  });
});
