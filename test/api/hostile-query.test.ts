import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bilingualError, type Harness, openHarness, storeCounts } from './hostile-harness.ts';
import { databaseKind } from './test-store.ts';

// Issue 9, item 1: quotes, comments, OR 1=1, LIKE wildcards and SQL/expression text in every
// filter, sort and property parameter the API accepts. Each is either refused with a bilingual 400
// that names the parameter (values are checked against allow-lists and id patterns) or treated as
// a plain value (a literal match: nothing found); never a 500, and the store is unchanged.

let h: Harness;
let before: Awaited<ReturnType<typeof storeCounts>>;

beforeAll(async () => {
  h = await openHarness();
  before = await storeCounts(h.client);
});
afterAll(async () => h?.close());

/** Hostile texts, each a complete value of one parameter. */
const hostile = [
  "'",
  "khanh-hoa'--",
  "khanh-hoa' OR 1=1 --",
  '" OR "1"="1',
  '1 OR 1=1',
  '%',
  '_',
  'khanh%',
  'song-cau_',
  "'; drop table clusters; --",
  '1); delete from audit_log; --',
  'name_vi desc',
  'area; select pg_sleep(5)',
  '$1',
  '\\',
  '*',
  '(select 1)',
  'stage = stage',
  'null',
  '1e308',
  '-1',
  'NaN',
];

/** Each parameter with the base query it is added to (so required companions are present). */
const queryParameters: { path: string; name: string; base?: Record<string, string> }[] = [
  { path: '/api/clusters', name: 'province' },
  { path: '/api/clusters', name: 'stage' },
  { path: '/api/clusters', name: 'asOf' },
  { path: '/api/provinces/khanh-hoa', name: 'asOf' },
  ...[
    'province',
    'cluster',
    'status',
    'minAreaHa',
    'maxAreaHa',
    'minInfrastructurePercent',
    'wastewater',
    'bbox',
    'sort',
    'limit',
    'offset',
  ].map((name) => ({ path: '/api/plots', name })),
  { path: '/api/export/clusters.csv', name: 'province' },
  { path: '/api/export/clusters.csv', name: 'stage' },
  { path: '/api/export/plots.geojson', name: 'province' },
  { path: '/api/reports/national-database', name: 'province', base: { period: '2024-h1' } },
  { path: '/api/reports/national-database', name: 'period', base: { province: 'khanh-hoa' } },
  {
    path: '/api/reports/national-database',
    name: 'format',
    base: { province: 'khanh-hoa', period: '2024-h1' },
  },
  ...['province_id', 'stage', 'infrastructure_investor', 'wastewater_state', 'geometry_source'].map(
    (name) => ({
      path: '/ogc/collections/clusters/items',
      name,
    }),
  ),
  ...['cluster_id', 'province_id', 'status', 'origin'].map((name) => ({
    path: '/ogc/collections/plots/items',
    name,
  })),
  ...['cluster_id', 'province_id', 'state'].map((name) => ({
    path: '/ogc/collections/wastewater-plants/items',
    name,
  })),
  ...['bbox', 'limit', 'offset', 'f'].map((name) => ({ path: '/ogc/collections/clusters/items', name })),
];

/** A value the parameter accepts (shape-wise), if any; a hostile one must not be read as it. */
async function get(path: string, query: Record<string, string>) {
  return request(h.app).get(path).query(query);
}

describe(`hostile values in query parameters, on ${databaseKind}`, () => {
  test('the report period parameter used in the base query is valid (sanity)', async () => {
    const response = await get('/api/reports/national-database', {
      province: 'khanh-hoa',
      period: '2024-h1',
      format: 'json',
    });
    expect(response.status).toBe(200);
  });

  test.each(queryParameters)(
    '$path ?$name=<hostile>: 400 naming "$name", never a 500',
    async ({ path, name, base }) => {
      for (const value of hostile) {
        const response = await get(path, { ...base, [name]: value });
        const label = `${path}?${name}=${value}`;
        // `f` answers a format it does not know with the default one (OGC content negotiation); the
        // value never reaches the database either way.
        if (name === 'f') {
          expect([200, 400, 406], label).toContain(response.status);
          continue;
        }
        // `1e308`, `-1`, `null` are well-formed for some parameters (`null` is id-shaped) and then match
        // nothing literally: an empty 200 or a 404 for an unknown province; otherwise a 400.
        if (response.status === 200 || response.status === 404) {
          expect(['1e308', '-1', 'null', 'NaN'], label).toContain(value);
          if (response.status === 404) bilingualError(response.body);
          continue;
        }
        expect(response.status, label).toBe(400);
        const error = bilingualError(response.body);
        expect(`${error.message_en} ${error.message_vi}`, label).toContain(`"${name}"`);
      }
    },
  );

  test('unknown parameters (filter, sortby, properties, a column name, SQL as a name) are refused by name', async () => {
    const cases: [string, string, string][] = [
      ['/ogc/collections/clusters/items', 'filter', "name_vi LIKE '%'"],
      ['/ogc/collections/clusters/items', 'filter-lang', 'cql2-text'],
      ['/ogc/collections/clusters/items', 'sortby', '-name_vi'],
      ['/ogc/collections/clusters/items', 'properties', 'name_vi,doc'],
      ['/ogc/collections/clusters/items', 'name_vi', '%'],
      ['/ogc/collections/clusters/items', 'id', "' OR 1=1 --"],
      ['/ogc/collections/plots/items', 'label', '_'],
      ['/ogc/collections/plots/items', 'tenant', '%'],
      ['/api/clusters', 'name', '%'],
      ['/api/clusters', 'q', "' OR 1=1 --"],
      ['/api/clusters', "stage' OR 1=1 --", 'operating'],
      ['/api/plots', 'search', '%'],
      ['/api/plots', 'order by label', 'x'],
      ['/api/export/plots.csv', 'stage', 'operating'],
    ];
    for (const [path, name, value] of cases) {
      const response = await get(path, { [name]: value });
      expect(response.status, `${path}?${name}`).toBe(400);
      const error = bilingualError(response.body);
      expect(error.code).toBe('unknown_parameter');
      expect(error.message_en).toContain(`"${name}"`);
    }
  });

  test('hostile ids in paths are a 400 or 404, never a match of everything', async () => {
    const paths = [
      '/api/clusters/song-cau%27%20OR%201%3D1%20--',
      '/api/clusters/%25',
      '/api/clusters/_',
      '/api/clusters/song-ca_',
      '/api/clusters/%25/history',
      '/api/provinces/%25',
      '/api/provinces/khanh-ho_',
      "/api/provinces/khanh-hoa'--",
      '/api/plots/%25',
      '/api/plots/_',
      '/api/plots/1%20OR%201%3D1',
      '/api/clusters/%25/plot-outlines',
      '/api/export/%25.csv',
      '/api/export/clusters.%25',
      "/api/export/clusters'--.csv",
      '/ogc/collections/%25/items',
      "/ogc/collections/clusters'--/items",
      '/ogc/collections/clusters/items/%25',
      '/ogc/collections/clusters/items/_',
      '/ogc/collections/clusters/items/song-ca_',
      '/ogc/collections/clusters/items/song-cau%27%20OR%201%3D1%20--',
      '/ogc/collections/plots/items/%25',
      '/ogc/collections/wastewater-plants/items/%25-wwtp',
      '/ogc/collections/wastewater-plants/items/_-wwtp',
      '/tiles/%25.json',
      "/tiles/clusters'--/0/0/0.mvt",
    ];
    for (const path of paths) {
      const response = await request(h.app).get(path);
      expect([400, 404], path).toContain(response.status);
      bilingualError(response.body);
    }
  });

  test('a literal id still finds exactly its own record (the refusals above are not blanket)', async () => {
    await request(h.app).get('/api/clusters/song-cau').expect(200);
    const item = await request(h.app).get('/ogc/collections/clusters/items/song-cau').expect(200);
    expect(item.body.id).toBe('song-cau');
    const filtered = await get('/ogc/collections/clusters/items', {
      province_id: 'khanh-hoa',
      limit: '1000',
    });
    expect(filtered.status).toBe(200);
    expect(
      filtered.body.features.every(
        (f: { properties: { province_id: string } }) => f.properties.province_id === 'khanh-hoa',
      ),
    ).toBe(true);
    // An id-shaped value that is no province matches nothing, not everything.
    const none = await get('/ogc/collections/clusters/items', { province_id: 'khanh-ho' });
    expect(none.status).toBe(200);
    expect(none.body.features).toEqual([]);
    expect(none.body.numberMatched).toBe(0);
  });

  test('after all of it the store is unchanged: same counts, versions and audit rows', async () => {
    expect(await storeCounts(h.client)).toEqual(before);
    // And the tables are all still there and answering.
    const clusters = await request(h.app).get('/api/clusters').expect(200);
    expect(clusters.body.features.length).toBeGreaterThan(0);
  });
});
