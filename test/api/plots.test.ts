import { readFileSync } from 'node:fs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiError } from '../../domain/api.ts';
import { infrastructureCompleteness } from '../../domain/infrastructure.ts';
import { PLOT_PAGE_LIMIT_MAX, PlotDetail, PlotPage } from '../../domain/plot-api.ts';
import { createApp } from '../../server/app.ts';
import { importPlots } from '../../server/plots/import-plots.ts';
import { layoutCluster } from '../../server/plots/layout-cluster.ts';
import type { AtlasStore } from '../../server/store/store.ts';
import { bundleWithTestProvince, testClusterId, testProvinceId } from './fixtures/test-province.ts';
import { databaseKind, openFreshStore, silentLogger } from './test-store.ts';

let store: AtlasStore;
let cleanup: () => Promise<void>;
let app: ReturnType<typeof createApp>;
const importText = readFileSync(new URL('./fixtures/plots-import.geojson', import.meta.url), 'utf8');
const layout = { plotWidthM: 50, plotDepthM: 80, roadWidthM: 12 };
/** Written as the CLI does: a server-side tool, no account (test/api/plot-audit.test.ts checks the log). */
const tool = { actor: null };

beforeAll(async () => {
  ({ store, cleanup } = await openFreshStore({ geodata: bundleWithTestProvince() }));
  app = createApp({ store: Promise.resolve(store), logger: silentLogger });
});
afterAll(async () => cleanup());

const page = async (query: string) => {
  const response = await request(app).get(`/api/plots${query}`).expect(200);
  return PlotPage.parse(response.body);
};
const refused = async (query: string, status: number, mention: string) => {
  const response = await request(app).get(`/api/plots${query}`).expect(status);
  const { error } = ApiError.parse(response.body);
  expect(error.message_vi).toContain(mention);
  expect(error.message_en).toContain(mention);
  return error;
};

describe(`plots on ${databaseKind}`, () => {
  test('start with none: the list is empty, not an error', async () => {
    const empty = await page('?province=khanh-hoa');
    expect(empty).toMatchObject({ plots: [], numberMatched: 0, numberReturned: 0 });
  });

  test('a dry run of the layout tool says what it would write and writes nothing', async () => {
    const result = await layoutCluster(store, 'song-cau', layout, { dryRun: true, actor: null });
    expect(result.plotCount).toBeGreaterThan(20);
    expect(result.inserted).toBe(result.plotCount);
    expect((await page('?cluster=song-cau')).numberMatched).toBe(0);
  });

  test('a generated layout is stored, flagged generated with its parameters, and listed', async () => {
    const result = await layoutCluster(store, 'song-cau', layout, tool);
    const listed = await page('?cluster=song-cau&limit=500');
    expect(listed.numberMatched).toBe(result.plotCount);
    for (const plot of listed.plots) {
      expect(plot.properties.origin).toBe('generated');
      expect(plot.properties.layout).toMatchObject(layout);
      expect(plot.properties.sourceId).toBeNull();
      expect(plot.areaMeasure).toBe('vn2000-plane');
      // Full plots measure 50 × 80 m = 4,000 m² in the official plane, clipped ones less.
      expect(plot.areaM2).toBeLessThanOrEqual(4000 * 1.005);
    }
    expect(listed.plots.filter((plot) => Math.abs(plot.areaM2 - 4000) < 40).length).toBeGreaterThan(10);
  });

  test('imports plots from GeoJSON: clusters by id or name, Vietnamese statuses, source and date', async () => {
    const result = await importPlots(store, importText, {
      sourceId: 'kh-4794',
      asOf: '2024-06-14',
      actor: null,
    });
    expect(result).toMatchObject({ read: 4, inserted: 4, updated: 0 });
    const imported = (await page('?cluster=song-cau,khatoco-ninh-ich&limit=500')).plots.filter(
      (plot) => plot.properties.origin === 'import',
    );
    const byLabel = Object.fromEntries(imported.map((plot) => [plot.properties.label, plot.properties]));
    expect(byLabel['B-02']).toMatchObject({
      status: 'leased',
      tenant: 'Công ty Thử nghiệm',
      clusterId: 'song-cau',
    });
    expect(byLabel['B-03']).toMatchObject({ status: 'reserved', tenant: null });
    expect(byLabel['B-01']?.permittedIndustries).toEqual(['Chế biến nông sản', 'Cơ khí']);
    expect(byLabel['C-01']).toMatchObject({ id: 'khatoco-lo-c-01', sourceId: 'kh-4794', asOf: '2024-06-14' });
  });

  test('a new layout replaces the old generated plots and never touches imported ones', async () => {
    const before = (await page('?cluster=song-cau&limit=500')).plots;
    const result = await layoutCluster(store, 'song-cau', { ...layout, plotWidthM: 100 }, tool);
    expect(result.removed).toBeGreaterThan(0);
    const after = (await page('?cluster=song-cau&limit=500')).plots;
    expect(after.filter((plot) => plot.properties.origin === 'import')).toHaveLength(3);
    expect(after.filter((plot) => plot.properties.origin === 'generated')).toHaveLength(result.plotCount);
    expect(after.length).toBeLessThan(before.length);
  });

  test('filters by status, area, cluster and province, and counts what matched', async () => {
    const leased = await page('?status=leased');
    expect(leased.plots.map((plot) => plot.properties.label)).toEqual(['B-02']);
    const big = await page('?minAreaHa=0.5&limit=500');
    expect(big.plots.every((plot) => plot.areaHa >= 0.5)).toBe(true);
    const small = await page('?maxAreaHa=0.2&limit=500');
    expect(small.plots.every((plot) => plot.areaHa <= 0.2)).toBe(true);
    const all = await page('?limit=500');
    expect(big.numberMatched + small.numberMatched).toBeLessThanOrEqual(all.numberMatched);
    expect((await page('?province=hoa-binh')).numberMatched).toBe(0);
    expect((await page('?province=khanh-hoa')).numberMatched).toBe(all.numberMatched);
  });

  test('sorts by area both ways and pages with offset, without repeats or gaps', async () => {
    const ascending = (await page('?sort=area&limit=500')).plots.map((plot) => plot.areaM2);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    const descending = (await page('?sort=-area&limit=500')).plots.map((plot) => plot.areaM2);
    expect(descending).toEqual([...ascending].reverse());
    const first = await page('?sort=label&limit=7');
    const second = await page('?sort=label&limit=7&offset=7');
    expect(first.numberReturned).toBe(7);
    const ids = [...first.plots, ...second.plots].map((plot) => plot.properties.id);
    const whole = (await page('?sort=label&limit=14')).plots.map((plot) => plot.properties.id);
    expect(ids).toEqual(whole);
    const past = await page(`?offset=${first.numberMatched + 5}`);
    expect(past).toMatchObject({ plots: [], numberMatched: first.numberMatched });
  });

  test('filters by bbox: only plots that touch the box', async () => {
    const khatoco = await page('?bbox=109.12,12.39,109.14,12.42');
    expect(khatoco.plots.map((plot) => plot.properties.label)).toEqual(['C-01']);
    const [west, south, east, north] = khatoco.plots[0]?.bbox ?? [];
    expect(west).toBeGreaterThanOrEqual(109.12);
    expect(north).toBeLessThanOrEqual(12.42);
    expect(south).toBeLessThan(north ?? 0);
    expect(east).toBeGreaterThan(west ?? 0);
  });

  test('filters by the cluster’s infrastructure and wastewater plant', async () => {
    await layoutCluster(store, testClusterId, layout, tool);
    const complete = await page('?minInfrastructurePercent=80&limit=500');
    expect(complete.numberMatched).toBeGreaterThan(0);
    expect(complete.plots.every((plot) => plot.properties.clusterId === testClusterId)).toBe(true);
    expect(complete.plots[0]?.cluster.infrastructure).toEqual({
      percent: null,
      minimumPercent: 80,
      maximumPercent: 100,
    });
    expect((await page('?minInfrastructurePercent=81')).numberMatched).toBe(0);
    const compliant = await page('?wastewater=compliant&limit=500');
    expect(compliant.numberMatched).toBe(complete.numberMatched);
    expect(compliant.plots[0]?.cluster.wastewaterPlant).toEqual({
      state: 'compliant',
      capacityM3PerDay: 800,
      sourceId: 'test-fixture',
    });
    // No central meridian is known for the test province: measured on the ellipsoid, and said so.
    expect(compliant.plots[0]?.areaMeasure).toBe('ellipsoid');
    expect((await page(`?province=${testProvinceId}`)).numberMatched).toBe(complete.numberMatched);
  });

  test('the SQL filter agrees with the domain’s infrastructure completeness for every cluster', async () => {
    const clusters = (await store.listClusters({})).features.map((feature) => feature.properties);
    for (const cluster of clusters) {
      const { minimumPercent } = infrastructureCompleteness(cluster.infrastructure);
      const over = await store.listPlots({
        clusterIds: [cluster.id],
        minInfrastructurePercent: minimumPercent + 0.5,
        sort: 'label',
        limit: 1,
        offset: 0,
      });
      expect(over.numberMatched, cluster.id).toBe(0);
    }
  });

  test('opens one plot with its geometry, its cluster and whom to contact', async () => {
    const listed = (await page('?status=available&cluster=song-cau&sort=label&limit=500')).plots;
    const own = listed.find((plot) => plot.properties.label === 'B-01');
    const response = await request(app).get(`/api/plots/${own?.properties.id}`).expect(200);
    const detail = PlotDetail.parse(response.body);
    expect(detail.geometry.type).toBe('Polygon');
    expect(detail.contact).toMatchObject({
      from: 'plot',
      contact: { name: 'Ban quản lý CCN (dữ liệu thử)' },
    });
    expect(detail.cluster).toMatchObject({ id: 'song-cau', stage: 'operating', occupancy: null });
    // The card names every source the plot cites, whether or not the province cites it too.
    expect(detail.sources.map((source) => source.id)).toEqual(['kh-4794']);

    const generated = listed.find((plot) => plot.properties.origin === 'generated');
    const other = PlotDetail.parse(
      (await request(app).get(`/api/plots/${generated?.properties.id}`).expect(200)).body,
    );
    expect(other.contact.from).toBe('province-lead-agency');
    expect(other.contact.sourceId).toBe('kh-4794');
    expect(other.contact.description?.vi).toContain('Sở Công Thương');
  });

  test('an unknown plot is a 404, a malformed id a 400', async () => {
    const missing = await request(app).get('/api/plots/khong-co-lo-nay').expect(404);
    expect(ApiError.parse(missing.body).error.message_en).toContain('khong-co-lo-nay');
    await request(app).get('/api/plots/..%2F..%2Fetc').expect(400);
  });

  test('refuses bad parameters with a message naming them', async () => {
    await refused(`?limit=${PLOT_PAGE_LIMIT_MAX + 1}`, 400, 'limit');
    await refused('?limit=0', 400, 'limit');
    await refused('?limit=2.5', 400, 'limit');
    await refused('?offset=-1', 400, 'offset');
    await refused('?bbox=100,5,110,12', 400, 'bbox');
    await refused('?bbox=109,12,108,13', 400, 'bbox');
    await refused('?bbox=1,2,3', 400, 'bbox');
    await refused('?status=free', 400, 'status');
    await refused('?minAreaHa=abc', 400, 'minAreaHa');
    await refused('?minAreaHa=Infinity', 400, 'minAreaHa');
    await refused('?minAreaHa=3&maxAreaHa=1', 400, 'minAreaHa');
    await refused('?minInfrastructurePercent=101', 400, 'minInfrastructurePercent');
    await refused('?wastewater=yes', 400, 'wastewater');
    await refused('?sort=area%3B%20drop%20table%20plots', 400, 'sort');
    await refused("?cluster=x'%20or%201%3D1--", 400, 'cluster');
    await refused('?province=a&province=b', 400, 'province');
    await refused('?colour=red', 400, 'colour');
    expect((await page('?limit=500')).numberMatched).toBeGreaterThan(0);
  });

  test('an edit shows at once: the cached answer and its ETag change with the data', async () => {
    const first = await request(app).get('/api/plots?status=leased').expect(200);
    const etag = String(first.headers.etag);
    await request(app).get('/api/plots?status=leased').set('If-None-Match', etag).expect(304);
    const version = store.dataVersion();
    const khatoco = (await page('?cluster=khatoco-ninh-ich')).plots[0];
    if (!khatoco) throw new Error('fixture plot missing');
    const geometry = (await store.getPlot(khatoco.properties.id))?.geometry;
    if (!geometry) throw new Error('fixture geometry missing');
    await store.savePlots(
      [{ type: 'Feature', geometry, properties: { ...khatoco.properties, status: 'leased', tenant: null } }],
      { audit: { action: 'import', actor: null, sourceId: 'kh-4794' } },
    );
    expect(store.dataVersion()).toBeGreaterThan(version);
    const second = await request(app).get('/api/plots?status=leased').set('If-None-Match', etag).expect(200);
    expect(second.headers.etag).not.toBe(etag);
    expect(
      PlotPage.parse(second.body)
        .plots.map((plot) => plot.properties.label)
        .sort(),
    ).toEqual(['B-02', 'C-01']);
  });
});

describe(`plot import refuses bad files whole, on ${databaseKind}`, () => {
  const countAll = async () => (await page('?limit=1')).numberMatched;
  const feature = (geometry: unknown, properties: Record<string, unknown>) => ({
    type: 'Feature',
    geometry,
    properties: { cluster: 'song-cau', status: 'available', ...properties },
  });
  const square = {
    type: 'Polygon',
    coordinates: [
      [
        [108.974, 12.281],
        [108.975, 12.281],
        [108.975, 12.282],
        [108.974, 12.282],
        [108.974, 12.281],
      ],
    ],
  };
  const bowtie = {
    type: 'Polygon',
    coordinates: [
      [
        [108.974, 12.281],
        [108.975, 12.282],
        [108.975, 12.281],
        [108.974, 12.282],
        [108.974, 12.281],
      ],
    ],
  };
  const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
  const refusedImport = async (text: string, mention: string | RegExp) => {
    const before = await countAll();
    const failure = importPlots(store, text, { sourceId: 'kh-4794', asOf: null, actor: null });
    await expect(failure).rejects.toMatchObject({ status: 422 });
    await expect(failure).rejects.toHaveProperty('messageEn', expect.stringMatching(mention));
    expect(await countAll()).toBe(before);
  };

  test('not JSON, not GeoJSON, not a collection', async () => {
    await refusedImport('lô đất', /Invalid GeoJSON \(line 1\)/);
    await refusedImport('{}', /Invalid GeoJSON/);
    await refusedImport(JSON.stringify(square), /FeatureCollection/);
  });

  test('a self-intersecting plot, with PostGIS’s reason, and the good plots beside it not written', async () => {
    await refusedImport(
      collection(feature(square, { label: 'OK-1' }), feature(bowtie, { label: 'NƠ-1' })),
      /NƠ-1.*(Self-intersection|invalid)/i,
    );
  });

  test('unknown clusters, missing labels, bad statuses, tenants on free plots, duplicates: every one named', async () => {
    await refusedImport(
      collection(feature(square, { label: 'X', cluster: 'không có' })),
      /no cluster "không có"/,
    );
    await refusedImport(collection(feature(square, {})), /Feature 1: missing "label"/);
    await refusedImport(collection(feature(square, { label: 'X', status: 'free' })), /"status" must be/);
    await refusedImport(
      collection(feature(square, { label: 'X', tenant: 'Công ty A', status: 'available' })),
      /tenant "Công ty A" but its status is not leased/,
    );
    await refusedImport(
      collection(feature(square, { label: 'X' }), feature(square, { label: 'X' })),
      /Feature 2: plot "song-cau-x" appears twice/,
    );
    await refusedImport(
      collection(
        feature({ type: 'Point', coordinates: [108.97, 12.28] }, { label: 'P' }),
        feature(square, { label: 'Y' }),
      ),
      /Feature 1: a plot must be a Polygon/,
    );
  });

  test('an unknown source is refused before anything is read', async () => {
    await expect(
      importPlots(store, importText, { sourceId: 'khong-co', asOf: null, actor: null }),
    ).rejects.toMatchObject({
      status: 404,
    });
  });
});
