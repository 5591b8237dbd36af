import { readFileSync } from 'node:fs';
import express from 'express';
import { strToU8, zipSync } from 'fflate';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SessionInfo } from '../../domain/account.ts';
import { ApiError } from '../../domain/api.ts';
import { ImportEvent } from '../../domain/import-api.ts';
import { createApp } from '../../server/app.ts';
import { csrfGuard, loadSession } from '../../server/auth/middleware.ts';
import { errorHandler } from '../../server/errors.ts';
import { authRoutes } from '../../server/routes/auth.ts';
import { importRoutes } from '../../server/routes/imports.ts';
import type { AtlasStore } from '../../server/store/store.ts';
import { bundleWithTestProvince, testClusterId, testProvinceId } from './fixtures/test-province.ts';
import { databaseKind, openFreshStore, silentLogger } from './test-store.ts';

const PASSWORD = 'mật-khẩu-thử-nghiệm-2026';
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/import/${name}`, import.meta.url)));
const boundaryFile = fixture('test-province-boundary.geojson');

let store: AtlasStore;
let cleanup: () => Promise<void>;
let app: express.Express;

beforeAll(async () => {
  ({ store, cleanup } = await openFreshStore({ geodata: bundleWithTestProvince() }));
  app = createApp({ store: Promise.resolve(store), logger: silentLogger });
  await store.accounts.create({
    username: 'thu',
    displayName: 'Ngô Thị Thu',
    role: 'editor',
    provinceIds: [testProvinceId],
    password: PASSWORD,
  });
  await store.accounts.create({
    username: 'lan',
    displayName: 'Trần Thị Lan',
    role: 'editor',
    provinceIds: ['khanh-hoa'],
    password: PASSWORD,
  });
});
afterAll(async () => cleanup());

type Session = { cookie: string; csrfToken: string };

async function signIn(target: express.Express, username: string): Promise<Session> {
  const response = await request(target)
    .post('/api/auth/login')
    .send({ username, password: PASSWORD })
    .expect(200);
  const cookie = (response.headers['set-cookie'] as unknown as string[])[0]?.split(';')[0] ?? '';
  return { cookie, csrfToken: SessionInfo.parse(response.body).csrfToken ?? '' };
}

/** Reads the answer as text whatever its type, so NDJSON can be split into lines. */
const asText = (response: request.Response, callback: (error: Error | null, body: string) => void) => {
  let text = '';
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    text += chunk;
  });
  response.on('end', () => callback(null, text));
};

function upload(
  session: Session,
  bytes: Uint8Array,
  query: Record<string, string>,
  options: { target?: express.Express; province?: string } = {},
) {
  return request(options.target ?? app)
    .post(`/api/provinces/${options.province ?? testProvinceId}/imports?${new URLSearchParams(query)}`)
    .set('Cookie', session.cookie)
    .set('X-CSRF-Token', session.csrfToken)
    .set('Content-Type', 'application/octet-stream')
    .buffer(true)
    .parse(asText as never)
    .send(Buffer.from(bytes));
}

/** The NDJSON answer's events, each checked against the shared schema. */
function events(response: request.Response): ImportEvent[] {
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
  const lines = String(response.body).split('\n').filter(Boolean);
  return lines.map((line) => ImportEvent.parse(JSON.parse(line)));
}

const errorOf = (response: request.Response) => ApiError.parse(JSON.parse(String(response.body))).error;

/** Everything an import could change, to show a refused one changed nothing. */
async function snapshot() {
  return {
    version: store.dataVersion(),
    cluster: await store.getClusterVersioned(testClusterId),
    history: (await store.clusterHistory(testClusterId)).length,
  };
}

const bowtie = strToU8(
  JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { name: 'CCN Thử nghiệm' },
        geometry: {
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
        },
      },
    ],
  }),
);

describe(`importing a file in the app, on ${databaseKind}`, () => {
  test('a dry run streams progress then the plan: a match without diacritics and the area difference; nothing is written', async () => {
    const thu = await signIn(app, 'thu');
    const before = await snapshot();
    const answer = events(await upload(thu, boundaryFile, { fileName: 'test-province-boundary.geojson' }));
    const last = answer.at(-1);
    expect(answer.length).toBeGreaterThan(1);
    expect(answer.slice(0, -1).every((event) => event.type === 'progress')).toBe(true);
    expect(answer[0]).toMatchObject({ type: 'progress', phase: 'check', total: 1 });
    if (last?.type !== 'plan') throw new Error(`expected the plan last, got ${JSON.stringify(last)}`);
    const { plan } = last;
    expect(plan).toMatchObject({ format: 'geojson', itemsRead: 1, unknownFields: ['ghi_chu'], problems: [] });
    expect(plan.crs).toMatchObject({ code: 'wgs84', from: 'default' });
    const [item] = plan.items;
    expect(item).toMatchObject({
      reference: 'CCN Thu nghiem',
      match: { clusterId: testClusterId, name: 'CCN Thử nghiệm', by: 'name' },
      hasBoundary: true,
      replaces: 'illustrative',
    });
    expect(item).not.toHaveProperty('geometry');
    const comparison = item?.area?.comparisons[0];
    expect(comparison).toMatchObject({ key: 'plannedAreaHa', declaredHa: 27.5 });
    expect(comparison?.differencePercent).toBeGreaterThan(30);
    expect(plan.warnings.map((warning) => warning.en).join(' ')).toMatch(/differs by \+3\d\.\d\d%/);
    expect(await snapshot()).toEqual(before);
  });

  test('matching is restricted to the province: a cluster of another province is not found', async () => {
    const thu = await signIn(app, 'thu');
    const other = strToU8(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { cluster: 'song-cau' }, geometry: null }],
      }),
    );
    const last = events(await upload(thu, other, { fileName: 'x.geojson' })).at(-1);
    expect(last?.type === 'plan' && last.plan.items[0]?.match).toBeNull();
    expect(last?.type === 'plan' && last.plan.problems[0]?.en).toMatch(/there is no cluster "song-cau"/);
  });

  test('a commit needs an existing source: 400 without one, 422 for an unknown one, nothing written', async () => {
    const thu = await signIn(app, 'thu');
    const before = await snapshot();
    const missing = await upload(thu, boundaryFile, { fileName: 'x.geojson', commit: 'true' }).expect(400);
    expect(errorOf(missing)).toMatchObject({ code: 'missing_parameter' });
    expect(errorOf(missing).message_vi).toContain('văn bản nguồn');
    const unknown = await upload(thu, boundaryFile, {
      fileName: 'x.geojson',
      commit: 'true',
      source: 'khong-co',
    }).expect(422);
    expect(errorOf(unknown).message_en).toContain('khong-co');
    expect(await snapshot()).toEqual(before);
  });

  test('parameter errors are bilingual 400s naming the parameter', async () => {
    const thu = await signIn(app, 'thu');
    const cases: [Record<string, string>, RegExp][] = [
      [{}, /"fileName" parameter is missing/],
      [{ fileName: 'x.docx' }, /Invalid "fileName"/],
      [{ fileName: 'x.zip', crs: 'epsg:2154' }, /Invalid "crs".*Unknown CRS/],
      [{ fileName: 'x.zip', asOf: '2024-02-30' }, /Invalid "asOf"/],
      [{ fileName: 'x.zip', commit: 'yes' }, /Invalid "commit"/],
      [{ fileName: 'x.zip', plots: 'true' }, /Unknown parameter "plots"/],
    ];
    for (const [query, message] of cases) {
      const response = await upload(thu, boundaryFile, query).expect(400);
      expect(errorOf(response).message_en, JSON.stringify(query)).toMatch(message);
      expect(errorOf(response).message_vi).not.toBe('');
    }
  });

  test('an invalid geometry: the dry run names PostGIS’s reason, the commit is refused, nothing written', async () => {
    const thu = await signIn(app, 'thu');
    const before = await snapshot();
    const dry = events(await upload(thu, bowtie, { fileName: 'x.geojson' })).at(-1);
    if (dry?.type !== 'plan') throw new Error('expected a plan');
    expect(dry.plan.items[0]?.invalidReason).toMatch(/Self-intersection/);
    expect(dry.plan.problems[0]?.en).toMatch(/Feature 1: invalid geometry \(PostGIS\): Self-intersection/);

    const commit = events(
      await upload(thu, bowtie, { fileName: 'x.geojson', commit: 'true', source: 'test-fixture' }),
    );
    const last = commit.at(-1);
    if (last?.type !== 'error') throw new Error(`expected an error, got ${JSON.stringify(last)}`);
    expect(last).toMatchObject({ status: 422, error: { code: 'invalid_data' } });
    expect(last.error.message_en).toMatch(/nothing changed.*Self-intersection/);
    expect(last.plan?.problems).toHaveLength(1);
    expect(commit.some((event) => event.type === 'progress' && event.phase === 'write')).toBe(false);
    expect(await snapshot()).toEqual(before);
  });

  test('hostile and broken files are refused with a clear 422 and nothing written', async () => {
    const thu = await signIn(app, 'thu');
    const before = await snapshot();
    const entity = `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x SYSTEM "file:///etc/passwd">]><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>&x;</name></Placemark></Document></kml>`;
    const cases: [string, Uint8Array, RegExp][] = [
      ['x.zip', strToU8('PK but not really a zip'), /not a readable ZIP/],
      [
        'x.zip',
        zipSync({ '../x.shp': fixture('vn2000-utm-49n.shp'), 'x.dbf': fixture('vn2000-utm-49n.dbf') }),
        /"\.\.\/x\.shp" pointing outside/,
      ],
      ['x.kml', strToU8(entity), /DOCTYPE\/ENTITY declaration — refused/],
      ['x.geojson', strToU8('{"type":"FeatureCollection","features":[{'), /GeoJSON|JSON/],
    ];
    for (const [fileName, bytes, message] of cases) {
      for (const commit of ['false', 'true']) {
        const response = await upload(thu, bytes, { fileName, commit, source: 'test-fixture' }).expect(422);
        expect(errorOf(response), fileName).toMatchObject({ code: 'unreadable_file' });
        expect(errorOf(response).message_en, fileName).toMatch(message);
      }
    }
    const empty = await upload(thu, new Uint8Array(0), { fileName: 'x.geojson' }).expect(400);
    expect(errorOf(empty).code).toBe('empty_file');
    expect(await snapshot()).toEqual(before);
  });

  test('an editor of another province is refused with 403, and nothing is written', async () => {
    const lan = await signIn(app, 'lan');
    const before = await snapshot();
    const response = await upload(lan, boundaryFile, {
      fileName: 'x.geojson',
      commit: 'true',
      source: 'test-fixture',
    }).expect(403);
    expect(errorOf(response).code).toBe('forbidden');
    expect(errorOf(response).message_vi).toContain(testProvinceId);
    expect(await snapshot()).toEqual(before);
  });

  test('a body over the limit is a bilingual 413, not a 500', async () => {
    // The route's own limit is 200 MB; a router with a 1 KB one shows the same answer.
    const small = express();
    const getStore = async () => store;
    small.use('/api', loadSession(getStore), csrfGuard);
    small.use('/api', authRoutes(getStore), importRoutes(getStore, { maxBytes: 1024 }));
    small.use(errorHandler(silentLogger));
    const thu = await signIn(small, 'thu');
    const before = await snapshot();
    const response = await upload(
      thu,
      new Uint8Array(4096).fill(32),
      { fileName: 'x.geojson' },
      { target: small },
    );
    expect(response.status).toBe(413);
    expect(errorOf(response)).toMatchObject({ code: 'file_too_large' });
    expect(errorOf(response).message_vi).toContain('1 KB');
    expect(await snapshot()).toEqual(before);
  });

  test('a commit streams check and write progress, writes atomically and audits the change under the account', async () => {
    const thu = await signIn(app, 'thu');
    const before = await snapshot();
    const answer = events(
      await upload(thu, boundaryFile, {
        fileName: 'test-province-boundary.geojson',
        commit: 'true',
        source: 'test-fixture',
        asOf: '2025-06-14',
      }),
    );
    const last = answer.at(-1);
    if (last?.type !== 'result') throw new Error(`expected the result, got ${JSON.stringify(last)}`);
    expect(last.result).toEqual({ boundariesUpdated: 1, figuresUpdated: 0 });
    const phases = answer.flatMap((event) => (event.type === 'progress' ? [event.phase] : []));
    expect(phases).toContain('check');
    expect(phases.at(-1)).toBe('write');

    const after = await store.getClusterVersioned(testClusterId);
    expect(after?.version).toBe((before.cluster?.version ?? 0) + 1);
    expect(after?.feature.properties.geometrySource).toBe('import');
    expect(JSON.stringify(after?.feature.geometry.coordinates)).toContain('[106.5055,10.5055]');
    const [latest] = await store.clusterHistory(testClusterId);
    expect(latest).toMatchObject({ action: 'import', accountName: 'Ngô Thị Thu', sourceId: 'test-fixture' });
    expect(latest?.after.version).toBe(after?.version);
    expect(store.dataVersion()).not.toBe(before.version);
  });
});
