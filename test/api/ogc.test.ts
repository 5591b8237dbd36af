import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiError } from '../../domain/api.ts';
import type { ClusterFeature } from '../../domain/cluster.ts';
import { occupancyPercent } from '../../domain/occupancy.ts';
import { createApp } from '../../server/app.ts';
import type { GeodataBundle } from '../../server/geodata/read-geodata.ts';
import { ogcCollectionIds } from '../../server/ogc/collections.ts';
import { conformanceClasses } from '../../server/ogc/conformance.ts';
import { layoutCluster } from '../../server/plots/layout-cluster.ts';
import { ogcRoutes } from '../../server/routes/ogc.ts';
import type { AtlasStore } from '../../server/store/store.ts';
import { bundleWithTestProvince, testClusterId, testProvinceId } from './fixtures/test-province.ts';
import { databaseKind, openFreshStore, silentLogger } from './test-store.ts';

/** A removed cluster whose name would run as a script if a page pasted it unescaped. */
const hostileCluster: ClusterFeature = {
  type: 'Feature',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [106.6, 10.6],
        [106.603, 10.6],
        [106.603, 10.603],
        [106.6, 10.603],
        [106.6, 10.6],
      ],
    ],
  },
  properties: {
    id: 'cum-ten-la',
    provinceId: testProvinceId,
    name: { vi: 'CCN <script>alert("vi")</script> & Co', en: '<img src=x onerror=alert(1)>' },
    aliases: [],
    stage: 'removed',
    stageSourceId: 'test-fixture',
    locality: null,
    infrastructureInvestor: null,
    wastewaterPlant: null,
    infrastructure: {},
    clearance: null,
    obstacles: [],
    targets: [],
    figures: {},
    geometrySource: 'illustrative',
    sourceIds: ['test-fixture'],
  },
};

function bundle(): GeodataBundle {
  const base = bundleWithTestProvince();
  return {
    ...base,
    contentHash: `${base.contentHash}+hostile-name`,
    clusters: { ...base.clusters, features: [...base.clusters.features, hostileCluster] },
  };
}

let store: AtlasStore;
let cleanup: () => Promise<void>;
let app: ReturnType<typeof createApp>;
const geodata = bundle();
const clusterCount = geodata.clusters.features.length;

beforeAll(async () => {
  ({ store, cleanup } = await openFreshStore({ geodata }));
  app = createApp({ store: Promise.resolve(store), logger: silentLogger });
});
afterAll(async () => cleanup());

type Link = { href: string; rel: string; type: string; title: string };
type Feature = {
  type: 'Feature';
  id: string;
  geometry: { type: string };
  properties: Record<string, unknown>;
};
type Items = {
  type: 'FeatureCollection';
  features: Feature[];
  numberMatched: number;
  numberReturned: number;
  timeStamp: string;
  links: Link[];
};

const json = async (path: string, type = 'application/json') => {
  const response = await request(app).get(path).expect(200);
  expect(response.headers['content-type']).toContain(type);
  return response.body;
};
const items = async (path: string) => (await json(path, 'application/geo+json')) as Items;
const refused = async (path: string, status: number, mention: string) => {
  const response = await request(app).get(path).expect(status);
  const { error } = ApiError.parse(response.body);
  expect(error.message_vi).toContain(mention);
  expect(error.message_en).toContain(mention);
  return error;
};
const link = (links: Link[], rel: string, type?: string) =>
  links.find((candidate) => candidate.rel === rel && (type === undefined || candidate.type === type));
/** The path and query of an absolute link, for supertest. */
const local = (href: string) => {
  const url = new URL(href);
  return `${url.pathname}${url.search}`;
};

describe(`OGC API – Features on ${databaseKind}`, () => {
  test('the landing page links itself, its HTML, the OpenAPI document, conformance and the data', async () => {
    const response = await request(app).get('/ogc').set('Host', 'atlas.example.vn').expect(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['cache-control']).toBe('no-cache');
    const links: Link[] = response.body.links;
    expect(link(links, 'self')).toMatchObject({
      href: 'http://atlas.example.vn/ogc',
      type: 'application/json',
    });
    expect(link(links, 'alternate')).toMatchObject({
      href: 'http://atlas.example.vn/ogc?f=html',
      type: 'text/html',
    });
    expect(link(links, 'service-desc')).toMatchObject({
      href: 'http://atlas.example.vn/ogc/api',
      type: 'application/vnd.oai.openapi+json;version=3.0',
    });
    expect(link(links, 'service-doc')).toMatchObject({
      href: 'http://atlas.example.vn/ogc/api.html',
      type: 'text/html',
    });
    expect(link(links, 'conformance')?.href).toBe('http://atlas.example.vn/ogc/conformance');
    expect(link(links, 'data')).toMatchObject({
      href: 'http://atlas.example.vn/ogc/collections',
      type: 'application/json',
    });
    expect(response.body.title).toContain('Cụm công nghiệp');
  });

  test('answers an unchanged document with 304 when revalidated with its ETag', async () => {
    // Links are absolute, so the body (and its ETag) depends on the Host the client used.
    const host = 'atlas.example.vn';
    const first = await request(app)
      .get('/ogc/collections/clusters/items?limit=3')
      .set('Host', host)
      .expect(200);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    await request(app)
      .get('/ogc/collections/clusters/items?limit=3')
      .set('Host', host)
      .set('If-None-Match', etag)
      .expect(304);
  });

  test('declares Core, GeoJSON, HTML, OpenAPI 3.0 and the Part 3 queryables classes', async () => {
    const body = await json('/ogc/conformance');
    expect(body.conformsTo).toEqual([...conformanceClasses]);
    expect(body.conformsTo).toContain('http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core');
    expect(body.conformsTo).toContain('http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30');
    expect(body.conformsTo).toContain(
      'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters',
    );
  });

  test('lists the three collections with their extents; an empty one gets Viet Nam’s', async () => {
    const body = await json('/ogc/collections');
    expect(body.collections.map((collection: { id: string }) => collection.id)).toEqual([
      ...ogcCollectionIds,
    ]);
    const byId = Object.fromEntries(
      body.collections.map((collection: { id: string }) => [collection.id, collection]),
    );
    expect(byId.plots.extent.spatial.bbox).toEqual([[102.1, 8.4, 109.5, 23.4]]);
    expect(byId.plots.extent.spatial.crs).toBe('http://www.opengis.net/def/crs/OGC/1.3/CRS84');
    const [west, south, east, north] = byId.clusters.extent.spatial.bbox[0];
    for (const feature of geodata.clusters.features) {
      const positions =
        feature.geometry.type === 'Polygon'
          ? feature.geometry.coordinates.flat()
          : feature.geometry.coordinates.flat(2);
      for (const [lon = 0, lat = 0] of positions) {
        expect(lon).toBeGreaterThanOrEqual(west);
        expect(lon).toBeLessThanOrEqual(east);
        expect(lat).toBeGreaterThanOrEqual(south);
        expect(lat).toBeLessThanOrEqual(north);
      }
    }
    // The test cluster's plant lies inside the test cluster.
    const [plantWest, plantSouth, plantEast, plantNorth] = byId['wastewater-plants'].extent.spatial.bbox[0];
    expect(plantWest).toBeGreaterThanOrEqual(106.5 - 1e-6);
    expect(plantEast).toBeLessThanOrEqual(106.505 + 1e-6);
    expect(plantSouth).toBeGreaterThanOrEqual(10.5 - 1e-6);
    expect(plantNorth).toBeLessThanOrEqual(10.505 + 1e-6);
  });

  test('a collection links its items, queryables, schema and, for tiled layers, its TileJSON', async () => {
    const clusters = await json('/ogc/collections/clusters');
    expect(clusters.id).toBe('clusters');
    expect(clusters.description).toContain('removed');
    expect(clusters.extent.temporal.interval).toEqual([[null, null]]);
    expect(link(clusters.links, 'items', 'application/geo+json')?.href).toMatch(
      /\/ogc\/collections\/clusters\/items$/,
    );
    expect(link(clusters.links, 'items', 'text/html')?.href).toMatch(/items\?f=html$/);
    expect(link(clusters.links, 'http://www.opengis.net/def/rel/ogc/1.0/queryables')?.type).toBe(
      'application/schema+json',
    );
    expect(link(clusters.links, 'describedBy')?.type).toBe('application/schema+json');
    expect(link(clusters.links, 'tiles')).toMatchObject({ type: 'application/json' });
    expect(link(clusters.links, 'tiles')?.href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/tiles\/clusters\.json$/);
    const plots = await json('/ogc/collections/plots');
    expect(link(plots.links, 'tiles')?.href).toMatch(/\/tiles\/plots\.json$/);
    const plants = await json('/ogc/collections/wastewater-plants');
    expect(link(plants.links, 'tiles')).toBeUndefined();
  });

  test('a generated layout shows in the plots collection and its extent', async () => {
    const result = await layoutCluster(
      store,
      'song-cau',
      { plotWidthM: 50, plotDepthM: 80, roadWidthM: 12 },
      { actor: null },
    );
    expect(result.plotCount).toBeGreaterThanOrEqual(90);
    const plots = await json('/ogc/collections/plots');
    const [west, south, east, north] = plots.extent.spatial.bbox[0];
    expect(east - west).toBeLessThan(0.1);
    expect(north - south).toBeLessThan(0.1);
    const page = await items('/ogc/collections/plots/items?limit=1');
    expect(page.numberMatched).toBe(result.plotCount);
  });

  test('pages through every plot with next links: each once, counts consistent, prev and self links', async () => {
    const seen: string[] = [];
    let path: string | null = '/ogc/collections/plots/items?limit=7';
    let pages = 0;
    let matched = -1;
    while (path) {
      const page: Items = await items(path);
      pages += 1;
      matched = page.numberMatched;
      expect(page.numberReturned).toBe(page.features.length);
      expect(page.features.length).toBeLessThanOrEqual(7);
      expect(Number.isNaN(Date.parse(page.timeStamp))).toBe(false);
      expect(link(page.links, 'self', 'application/geo+json')).toBeDefined();
      expect(link(page.links, 'alternate', 'text/html')?.href).toContain('f=html');
      if (pages > 1) expect(link(page.links, 'prev', 'application/geo+json')).toBeDefined();
      else expect(link(page.links, 'prev')).toBeUndefined();
      seen.push(...page.features.map((feature) => feature.id));
      const next = link(page.links, 'next', 'application/geo+json');
      path = next ? local(next.href) : null;
    }
    expect(pages).toBe(Math.ceil(matched / 7));
    expect(seen).toHaveLength(matched);
    expect(new Set(seen).size).toBe(matched);
    expect(seen).toEqual([...seen].sort());
    const past = await items(`/ogc/collections/plots/items?offset=${matched + 3}`);
    expect(past).toMatchObject({ features: [], numberMatched: matched, numberReturned: 0 });
  });

  test('pages default to 100 features', async () => {
    const page = await items('/ogc/collections/plots/items');
    expect(page.numberReturned).toBe(Math.min(100, page.numberMatched));
  });

  test('clusters come flat, removed ones included, and unknown figures are null, never 0', async () => {
    const page = await items('/ogc/collections/clusters/items?limit=1000');
    expect(page.numberMatched).toBe(clusterCount);
    const byId = Object.fromEntries(page.features.map((feature) => [feature.id, feature]));
    const songCau = byId['song-cau'];
    expect(songCau?.properties).toMatchObject({
      id: 'song-cau',
      name_vi: 'CCN Sông Cầu',
      province_id: 'khanh-hoa',
      stage: 'operating',
      stage_vi: 'Đang hoạt động',
      locality_vi: 'huyện Khánh Vĩnh',
      occupancy_percent: null,
      planned_area_ha: null,
      infrastructure_percent: null,
      wastewater_state: null,
      geometry_source: 'illustrative',
      source_ids: 'kh-4794',
    });
    // Flat: every value a string, a number or null, as GIS fields hold them.
    for (const feature of page.features) {
      for (const value of Object.values(feature.properties)) {
        expect(value === null || ['string', 'number'].includes(typeof value)).toBe(true);
      }
    }
    const test = byId[testClusterId]?.properties;
    const figures = geodata.clusters.features.find((feature) => feature.properties.id === testClusterId)
      ?.properties.figures;
    const occupancy = occupancyPercent(
      figures?.leasedIndustrialLandHa?.value,
      figures?.leasableIndustrialLandHa?.value,
    );
    expect(test?.occupancy_percent).toBe(occupancy === null ? null : Math.round(occupancy * 100) / 100);
    // Eight of ten components reported done: at least 80%, the exact share unknown.
    expect(test).toMatchObject({ infrastructure_minimum_percent: 80, infrastructure_percent: null });
    expect(test).toMatchObject({ wastewater_state: 'compliant', wastewater_capacity_m3_per_day: 800 });
    expect(byId['cum-ten-la']?.properties.stage).toBe('removed');
  });

  test('filters by bbox: only what touches the box', async () => {
    const page = await items('/ogc/collections/clusters/items?bbox=106.49,10.49,106.51,10.51');
    expect(page.features.map((feature) => feature.id)).toEqual([testClusterId]);
    const self = link(page.links, 'self');
    expect(new URL(self?.href ?? '').searchParams.get('bbox')).toBe('106.49,10.49,106.51,10.51');
    const threeD = await items('/ogc/collections/clusters/items?bbox=106.49,10.49,0,106.51,10.51,100');
    expect(threeD.numberMatched).toBe(1);
    const none = await items('/ogc/collections/wastewater-plants/items?bbox=100,20,101,21');
    expect(none.numberMatched).toBe(0);
  });

  test('filters by queryables, and the next link keeps the filter', async () => {
    const operating = await items('/ogc/collections/clusters/items?stage=operating&limit=1');
    expect(operating.features.every((feature) => feature.properties.stage === 'operating')).toBe(true);
    expect(operating.numberMatched).toBe(
      geodata.clusters.features.filter((feature) => feature.properties.stage === 'operating').length,
    );
    const next = link(operating.links, 'next');
    expect(new URL(next?.href ?? '').searchParams.get('stage')).toBe('operating');
    const khanhHoa = await items('/ogc/collections/clusters/items?province_id=khanh-hoa&limit=1000');
    expect(khanhHoa.features.every((feature) => feature.properties.province_id === 'khanh-hoa')).toBe(true);
    expect(khanhHoa.numberMatched).toBeGreaterThan(5);
    const available = await items(
      '/ogc/collections/plots/items?status=available&cluster_id=song-cau&limit=1',
    );
    expect(available.numberMatched).toBeGreaterThanOrEqual(90);
    expect((await items('/ogc/collections/plots/items?status=leased')).numberMatched).toBe(0);
    const compliant = await items('/ogc/collections/wastewater-plants/items?state=compliant');
    expect(compliant.features.map((feature) => feature.id)).toEqual([`${testClusterId}-wwtp`]);
    expect((await items('/ogc/collections/wastewater-plants/items?state=planned')).numberMatched).toBe(0);
  });

  test('the queryables are a JSON Schema with types, titles and allowed values', async () => {
    const body = await json('/ogc/collections/clusters/queryables', 'application/schema+json');
    expect(body.$schema).toMatch(/json-schema\.org/);
    expect(body.$id).toMatch(/\/ogc\/collections\/clusters\/queryables$/);
    expect(body.type).toBe('object');
    expect(body.properties.stage).toMatchObject({
      type: 'string',
      enum: ['planned', 'established', 'building', 'operating', 'removed'],
    });
    expect(body.properties.stage.title).toContain('Giai đoạn');
    expect(body.properties.province_id).toMatchObject({ type: 'string', pattern: '^[a-z0-9-]{1,80}$' });
    const plots = await json('/ogc/collections/plots/queryables', 'application/schema+json');
    expect(Object.keys(plots.properties)).toEqual(['cluster_id', 'province_id', 'status', 'origin']);
  });

  test('opens one feature of each collection, with its links', async () => {
    const songCau = await json('/ogc/collections/clusters/items/song-cau', 'application/geo+json');
    expect(songCau).toMatchObject({
      type: 'Feature',
      id: 'song-cau',
      properties: { name_vi: 'CCN Sông Cầu' },
    });
    expect(songCau.geometry.type).toBe('MultiPolygon');
    expect(link(songCau.links, 'self')?.href).toMatch(/\/ogc\/collections\/clusters\/items\/song-cau$/);
    expect(link(songCau.links, 'collection')?.href).toMatch(/\/ogc\/collections\/clusters$/);
    const plant = await json(
      `/ogc/collections/wastewater-plants/items/${testClusterId}-wwtp`,
      'application/geo+json',
    );
    expect(plant.geometry.type).toBe('Point');
    const [lon, lat] = plant.geometry.coordinates;
    expect(lon).toBeGreaterThan(106.5);
    expect(lon).toBeLessThan(106.505);
    expect(lat).toBeGreaterThan(10.5);
    expect(lat).toBeLessThan(10.505);
    expect(plant.properties).toMatchObject({
      cluster_id: testClusterId,
      cluster_name_vi: 'CCN Thử nghiệm',
      state: 'compliant',
      geometry_source: 'illustrative',
    });
    const [first] = (await items('/ogc/collections/plots/items?limit=1')).features;
    const plot = await json(`/ogc/collections/plots/items/${first?.id}`, 'application/geo+json');
    expect(plot.properties).toEqual(first?.properties);
    expect(plot.properties.area_ha).toBeCloseTo(plot.properties.area_m2 / 10_000, 6);
    expect(plot.properties.origin).toBe('generated');
  });

  test('an unknown collection or feature is a 404 that names it', async () => {
    await refused('/ogc/collections/lakes', 404, 'lakes');
    await refused('/ogc/collections/lakes/items', 404, 'lakes');
    await refused('/ogc/collections/clusters/items/no-such-cluster', 404, 'no-such-cluster');
    await refused('/ogc/collections/wastewater-plants/items/song-cau-wwtp', 404, 'song-cau-wwtp');
    await refused('/ogc/collections/plots/items/A%20B', 404, 'A B');
    await refused('/ogc/nothing-here', 404, 'nothing-here');
  });

  test('refuses a limit over 1000 plainly, and other bad parameters with a message naming them', async () => {
    await refused('/ogc/collections/plots/items?limit=1001', 400, '1000');
    await refused('/ogc/collections/plots/items?limit=0', 400, 'limit');
    await refused('/ogc/collections/plots/items?limit=ten', 400, 'limit');
    await refused('/ogc/collections/plots/items?offset=-1', 400, 'offset');
    await refused('/ogc/collections/plots/items?bbox=1,2,3', 400, 'bbox');
    await refused('/ogc/collections/plots/items?bbox=a,b,c,d', 400, 'bbox');
    await refused('/ogc/collections/plots/items?bbox=109,12,108,13', 400, 'bbox');
    await refused('/ogc/collections/plots/items?bbox=100,-95,101,0', 400, 'bbox');
    const unknown = await refused('/ogc/collections/plots/items?filter=1', 400, '"filter"');
    expect(unknown.message_en).toContain('limit');
    expect(unknown.message_en).toContain('status');
    await refused('/ogc/collections/clusters/items?status=available', 400, '"status"');
    await refused('/ogc/collections/clusters/items?stage=operating&stage=planned', 400, 'stage');
    await refused('/ogc/collections/clusters?limit=1', 400, '"limit"');
    await refused('/ogc/collections/clusters/items?f=xml', 400, '"f"');
  });

  test('filter values with quotes, comment dashes or wildcards are refused, never matched', async () => {
    await refused(
      `/ogc/collections/clusters/items?stage=${encodeURIComponent("operating' or '1'='1")}`,
      400,
      'stage',
    );
    await refused(
      `/ogc/collections/clusters/items?province_id=${encodeURIComponent("khanh-hoa'--")}`,
      400,
      'province_id',
    );
    await refused(`/ogc/collections/plots/items?cluster_id=${encodeURIComponent('%')}`, 400, 'cluster_id');
    await refused(`/ogc/collections/plots/items?status=${encodeURIComponent('available"')}`, 400, 'status');
    await refused(
      `/ogc/collections/plots/items?province_id=${encodeURIComponent('khanh_hoa')}`,
      400,
      'province_id',
    );
  });

  test('a browser gets HTML pages with every piece of data escaped', async () => {
    const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const page = await request(app)
      .get('/ogc/collections/clusters/items?limit=1000')
      .set('Accept', browser)
      .expect(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('<html lang="vi">');
    expect(page.text).toContain('<table>');
    expect(page.text).toContain('CCN Sông Cầu');
    expect(page.text).toContain('CCN &lt;script&gt;alert(&quot;vi&quot;)&lt;/script&gt; &amp; Co');
    expect(page.text).not.toContain('<script>');
    expect(page.text).not.toContain('<img');
    expect(page.text).toMatch(
      /href="http:\/\/127\.0\.0\.1:\d+\/ogc\/collections\/clusters\/items\/song-cau"/,
    );
    const item = await request(app).get('/ogc/collections/clusters/items/cum-ten-la?f=html').expect(200);
    expect(item.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(item.text).not.toContain('<script>');
    const landing = await request(app).get('/ogc').set('Accept', browser).expect(200);
    expect(landing.text).toMatch(/href="http:\/\/127\.0\.0\.1:\d+\/ogc\/collections"/);
    for (const path of [
      '/ogc/conformance',
      '/ogc/collections',
      '/ogc/collections/plots',
      '/ogc/api',
      '/ogc/collections/plots/queryables',
    ]) {
      const response = await request(app).get(path).set('Accept', browser).expect(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    }
    const forced = await request(app).get('/ogc/collections?f=json').set('Accept', browser).expect(200);
    expect(forced.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  test('the OpenAPI document describes every route, and every path it lists answers', async () => {
    const response = await request(app).get('/ogc/api').expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/vnd\.oai\.openapi\+json; /);
    expect(response.headers['content-type']).toContain('version=3.0');
    const document = JSON.parse(response.text);
    expect(document.openapi).toMatch(/^3\.0\./);
    const server = new URL(document.servers[0].url);
    const paths = Object.keys(document.paths);

    // Every path answers 200, with an id taken from the collection itself.
    for (const path of paths) {
      let concrete = path;
      const collection = /^\/collections\/([^/]+)\/items\/\{featureId\}$/.exec(path)?.[1];
      if (collection) {
        const [first] = (await items(`/ogc/collections/${collection}/items?limit=1`)).features;
        expect(first, `an example feature of ${collection}`).toBeDefined();
        concrete = path.replace('{featureId}', first?.id ?? '');
      }
      expect(concrete).not.toContain('{');
      const answer = await request(app).get(`${server.pathname}${concrete === '/' ? '' : concrete}`);
      expect(answer.status, path).toBe(200);
      const declared = Object.keys(document.paths[path].get.responses['200'].content);
      expect(
        declared.some((type) =>
          String(answer.headers['content-type']).startsWith(type.split(';')[0] ?? type),
        ),
        path,
      ).toBe(true);
    }

    // Every route the router has is described.
    const router = ogcRoutes(async () => store);
    const routes = (router.stack as { route?: { path: string } }[])
      .map((layer) => layer.route?.path)
      .filter((path): path is string => typeof path === 'string');
    expect(routes.length).toBeGreaterThan(8);
    for (const route of routes) {
      const pattern = new RegExp(`^${route.replace(/:[A-Za-z]+/g, '[^/]+').replaceAll('.', '\\.')}$`);
      expect(
        paths.some((path) => pattern.test(path.replace(/\{[^}]+\}/g, 'x'))),
        route,
      ).toBe(true);
    }

    // Each items path lists the collection's queryables as parameters, as GDAL looks for them.
    const parameters = document.paths['/collections/clusters/items'].get.parameters.map(
      (parameter: { name?: string; $ref?: string }) => parameter.name ?? parameter.$ref,
    );
    expect(parameters).toEqual(
      expect.arrayContaining(['stage', 'province_id', '#/components/parameters/limit']),
    );
  });
});
