import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PlotFeature } from '../../domain/plot.ts';
import {
  auditCount,
  bilingualError,
  createEditor,
  type Harness,
  openHarness,
  type Session,
  signIn,
  storeCounts,
} from './hostile-harness.ts';
import { databaseKind } from './test-store.ts';

// Issue 9, item 7: lost updates and the audit log, counted in the database itself. Two editors with
// the same ETag: the second gets 412 (also when both arrive at once); no If-Match (or one that names
// no version of this record) is a 428; every accepted change writes exactly one audit row; refused
// writes (412, 428, 422, 403, 401, 400) write none. Extends test/api/cluster-edits.test.ts.

let h: Harness;
let lan: Session;
let minh: Session;
let other: Session;
let viewer: Session;
const source = { sourceId: 'kh-4794', asOf: '2025-06-14' };

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
  h = await openHarness();
  await createEditor(h.store, 'lan', ['khanh-hoa']);
  await createEditor(h.store, 'minh', ['khanh-hoa']);
  await createEditor(h.store, 'khac', ['tinh-thu-nghiem']);
  await createEditor(h.store, 'xem', [], 'viewer');
  lan = await signIn(h.app, 'lan');
  minh = await signIn(h.app, 'minh');
  other = await signIn(h.app, 'khac');
  viewer = await signIn(h.app, 'xem');
});
afterAll(async () => h?.close());

type Method = 'patch' | 'put';
function send(session: Session | null, method: Method, path: string, body: unknown, ifMatch?: string) {
  let pending = request(h.app)
    [method](path)
    .send(body as object);
  if (session) pending = pending.set('Cookie', session.cookie).set('X-CSRF-Token', session.csrfToken);
  return ifMatch === undefined ? pending : pending.set('If-Match', ifMatch);
}
const clusterVersion = async (id: string) => (await h.store.getClusterVersioned(id))?.version;

describe(`lost updates and audit rows, on ${databaseKind}`, () => {
  test('PATCH: the first of two editors on one ETag wins (one row), the second gets 412 (no row)', async () => {
    const rows = await auditCount(h.client, 'cluster', 'song-cau');
    const etag = (await request(h.app).get('/api/clusters/song-cau').expect(200)).headers.etag;
    await send(lan, 'patch', '/api/clusters/song-cau', { stage: 'building', source }, etag).expect(200);
    expect(await auditCount(h.client, 'cluster', 'song-cau')).toBe(rows + 1);
    const stale = await send(
      minh,
      'patch',
      '/api/clusters/song-cau',
      { stage: 'planned', source },
      etag,
    ).expect(412);
    expect(stale.body.error.code).toBe('stale');
    expect(stale.body.error.message_vi.length).toBeGreaterThan(0);
    expect(await auditCount(h.client, 'cluster', 'song-cau')).toBe(rows + 1);
    expect((await h.store.getClusterVersioned('song-cau'))?.feature.properties.stage).toBe('building');
  });

  test('PATCH: two editors sending at the same moment on one ETag: exactly one 200, one 412, one audit row', async () => {
    for (let round = 0; round < 5; round++) {
      const rows = await auditCount(h.client, 'cluster', 'song-cau');
      const version = await clusterVersion('song-cau');
      const etag = `"cluster-song-cau-v${version}"`;
      const answers = await Promise.all([
        send(
          lan,
          'patch',
          '/api/clusters/song-cau',
          { figures: { workerCount: { value: round * 2 } }, source },
          etag,
        ),
        send(
          minh,
          'patch',
          '/api/clusters/song-cau',
          { figures: { workerCount: { value: round * 2 + 1 } }, source },
          etag,
        ),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 412]);
      expect(await auditCount(h.client, 'cluster', 'song-cau')).toBe(rows + 1);
      expect(await clusterVersion('song-cau')).toBe((version ?? 0) + 1);
    }
  });

  test('cluster boundary: simultaneous redraws on one ETag: one wins with one row; the other is 412', async () => {
    const rows = await auditCount(h.client, 'cluster', 'song-cau');
    const version = await clusterVersion('song-cau');
    const etag = `"cluster-song-cau-v${version}"`;
    const answers = await Promise.all([
      send(
        lan,
        'put',
        '/api/clusters/song-cau/boundary',
        { geometry: rectangle(0, 0, 400, 400), source },
        etag,
      ),
      send(
        minh,
        'put',
        '/api/clusters/song-cau/boundary',
        { geometry: rectangle(0, 0, 450, 450), source },
        etag,
      ),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 412]);
    expect(await auditCount(h.client, 'cluster', 'song-cau')).toBe(rows + 1);
  });

  test('plot boundary: simultaneous redraws on one ETag: one wins with one row; the other is 412', async () => {
    const plot: PlotFeature = {
      type: 'Feature',
      geometry: rectangle(0, 0, 100, 100),
      properties: {
        id: 'sc-audit',
        clusterId: 'song-cau',
        provinceId: 'khanh-hoa',
        label: 'AU',
        status: 'available',
        permittedIndustries: [],
        tenant: null,
        contact: null,
        origin: 'import',
        sourceId: 'kh-4794',
        asOf: null,
      },
    };
    await h.store.savePlots([plot], { audit: { action: 'import', actor: null, sourceId: 'kh-4794' } });
    const rows = await auditCount(h.client, 'plot', 'sc-audit');
    expect(rows).toBe(1);
    const answers = await Promise.all([
      send(
        lan,
        'put',
        '/api/plots/sc-audit/boundary',
        { geometry: rectangle(0, 0, 100, 120), source },
        '"plot-sc-audit-v1"',
      ),
      send(
        minh,
        'put',
        '/api/plots/sc-audit/boundary',
        { geometry: rectangle(0, 0, 120, 100), source },
        '"plot-sc-audit-v1"',
      ),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 412]);
    expect(await auditCount(h.client, 'plot', 'sc-audit')).toBe(rows + 1);
    // And a later accepted redraw: one more row, not two.
    await send(
      lan,
      'put',
      '/api/plots/sc-audit/boundary',
      { geometry: rectangle(0, 0, 90, 90), source },
      '"plot-sc-audit-v2"',
    ).expect(200);
    expect(await auditCount(h.client, 'plot', 'sc-audit')).toBe(rows + 2);
  });

  test('every refused write (428, 412, 422, 403, 401, 400) writes no audit row and changes nothing', async () => {
    const version = await clusterVersion('song-cau');
    const current = `"cluster-song-cau-v${version}"`;
    const plotVersion = (await h.store.getPlot('sc-audit'))?.version;
    const plotEtag = `"plot-sc-audit-v${plotVersion}"`;
    const before = await storeCounts(h.client);
    const change = { stage: 'planned', source };
    const shape = { geometry: rectangle(0, 0, 300, 300), source };
    const cases: [string, number, () => request.Test][] = [
      ['PATCH without If-Match', 428, () => send(lan, 'patch', '/api/clusters/song-cau', change)],
      ['PATCH with If-Match: *', 428, () => send(lan, 'patch', '/api/clusters/song-cau', change, '*')],
      [
        'PATCH with a weak ETag',
        428,
        () => send(lan, 'patch', '/api/clusters/song-cau', change, `W/${current}`),
      ],
      [
        'PATCH with another cluster’s ETag',
        428,
        () => send(lan, 'patch', '/api/clusters/song-cau', change, `"cluster-dien-tho-v${version}"`),
      ],
      [
        'PATCH with a list of ETags',
        428,
        () => send(lan, 'patch', '/api/clusters/song-cau', change, `${current}, "cluster-song-cau-v1"`),
      ],
      [
        'PATCH with a regex in If-Match',
        428,
        () => send(lan, 'patch', '/api/clusters/song-cau', change, '"cluster-song-cau-v.*"'),
      ],
      [
        'PATCH with a stale ETag',
        412,
        () => send(lan, 'patch', '/api/clusters/song-cau', change, '"cluster-song-cau-v1"'),
      ],
      [
        'PATCH with a future ETag',
        412,
        () =>
          send(lan, 'patch', '/api/clusters/song-cau', change, `"cluster-song-cau-v${(version ?? 0) + 7}"`),
      ],
      [
        'PATCH citing an unknown source',
        422,
        () =>
          send(
            lan,
            'patch',
            '/api/clusters/song-cau',
            { stage: 'planned', source: { ...source, sourceId: 'khong-co' } },
            current,
          ),
      ],
      [
        'PATCH by an editor of another province',
        403,
        () => send(other, 'patch', '/api/clusters/song-cau', change, current),
      ],
      ['PATCH by a viewer', 403, () => send(viewer, 'patch', '/api/clusters/song-cau', change, current)],
      ['PATCH signed out', 401, () => send(null, 'patch', '/api/clusters/song-cau', change, current)],
      [
        'PATCH with an unknown field',
        400,
        () => send(lan, 'patch', '/api/clusters/song-cau', { ...change, name: 'x' }, current),
      ],
      ['boundary without If-Match', 428, () => send(lan, 'put', '/api/clusters/song-cau/boundary', shape)],
      [
        'boundary with a stale ETag',
        412,
        () => send(lan, 'put', '/api/clusters/song-cau/boundary', shape, '"cluster-song-cau-v1"'),
      ],
      [
        'boundary that is a bow-tie',
        422,
        () =>
          send(
            lan,
            'put',
            '/api/clusters/song-cau/boundary',
            {
              geometry: {
                type: 'Polygon',
                coordinates: [[at(0, 0), at(300, 300), at(300, 0), at(0, 300), at(0, 0)]],
              },
              source,
            },
            current,
          ),
      ],
      [
        'boundary by an editor of another province',
        403,
        () => send(other, 'put', '/api/clusters/song-cau/boundary', shape, current),
      ],
      ['plot boundary without If-Match', 428, () => send(lan, 'put', '/api/plots/sc-audit/boundary', shape)],
      [
        'plot boundary with a stale ETag',
        412,
        () =>
          send(
            lan,
            'put',
            '/api/plots/sc-audit/boundary',
            { geometry: rectangle(0, 0, 50, 50), source },
            '"plot-sc-audit-v1"',
          ),
      ],
      [
        'plot boundary outside its cluster',
        422,
        () =>
          send(
            lan,
            'put',
            '/api/plots/sc-audit/boundary',
            { geometry: rectangle(5000, 5000, 5100, 5100), source },
            plotEtag,
          ),
      ],
      [
        'plot boundary by a viewer',
        403,
        () =>
          send(
            viewer,
            'put',
            '/api/plots/sc-audit/boundary',
            { geometry: rectangle(0, 0, 50, 50), source },
            plotEtag,
          ),
      ],
      [
        'plot boundary by an editor of another province',
        403,
        () =>
          send(
            other,
            'put',
            '/api/plots/sc-audit/boundary',
            { geometry: rectangle(0, 0, 50, 50), source },
            plotEtag,
          ),
      ],
    ];
    for (const [what, status, attempt] of cases) {
      const response = await attempt();
      expect(response.status, `${what}: ${JSON.stringify(response.body).slice(0, 200)}`).toBe(status);
      bilingualError(response.body);
      expect(await storeCounts(h.client), what).toEqual(before);
    }
    expect(await clusterVersion('song-cau')).toBe(version);
  });

  test('each accepted change is exactly one audit row, naming its editor, source and the version it replaced', async () => {
    for (const [session, name, stage] of [
      [lan, 'Người lan', 'operating'],
      [minh, 'Người minh', 'building'],
      [lan, 'Người lan', 'operating'],
    ] as const) {
      const version = (await clusterVersion('song-cau')) ?? 0;
      const total = (await storeCounts(h.client))?.audit ?? 0;
      await send(
        session,
        'patch',
        '/api/clusters/song-cau',
        { stage, source },
        `"cluster-song-cau-v${version}"`,
      ).expect(200);
      expect((await storeCounts(h.client))?.audit).toBe(total + 1);
      const [row] = await h.client.query<{
        account_name: string;
        source_id: string;
        before: { version: number };
      }>(
        "select account_name, source_id, before from audit_log where entity = 'cluster' and entity_id = 'song-cau' order by id desc limit 1",
      );
      expect(row).toMatchObject({ account_name: name, source_id: 'kh-4794', before: { version } });
    }
  });
});
