import type { Server } from 'node:http';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SessionInfo } from '../../domain/account.ts';
import { createAtlasServer } from '../../server/atlas-server.ts';
import type { FrontDoor } from '../../server/front-door.ts';
import type { AtlasStore } from '../../server/store/store.ts';
import { databaseKind, openFreshStore, silentLogger } from './test-store.ts';

let store: AtlasStore;
let cleanup: () => Promise<void>;
let frontDoor: FrontDoor;
let server: Server;
const PASSWORD = 'mật-khẩu-thử-nghiệm-2026';
const CLUSTERS = '/api/clusters?province=khanh-hoa';
const TILE = '/tiles/clusters/8/205/119.mvt';

beforeAll(async () => {
  ({ store, cleanup } = await openFreshStore());
  // As main.ts serves: the front door before the app.
  ({ server, frontDoor } = createAtlasServer({ store: Promise.resolve(store), logger: silentLogger }));
  await store.accounts.create({
    username: 'lan',
    displayName: 'Trần Thị Lan',
    role: 'editor',
    provinceIds: ['khanh-hoa'],
    password: PASSWORD,
  });
});
afterAll(async () => {
  server.close();
  await cleanup();
});

/** The headers a replay must repeat exactly (Date and Connection are the socket's own). */
const replayed = (headers: Record<string, unknown>) => {
  const { date: _date, connection: _connection, 'keep-alive': _keepAlive, ...rest } = headers;
  return rest;
};

describe(`the front door replays cached public answers, on ${databaseKind}`, () => {
  test('the second ask of a layer is answered from the front door, byte for byte and header for header', async () => {
    const before = frontDoor.hits;
    const first = await request(server).get(CLUSTERS).set('Accept-Encoding', 'gzip').buffer(true).expect(200);
    expect(frontDoor.hits).toBe(before);
    const second = await request(server)
      .get(CLUSTERS)
      .set('Accept-Encoding', 'gzip')
      .buffer(true)
      .expect(200);
    expect(frontDoor.hits).toBe(before + 1);
    expect(second.body).toEqual(first.body);
    expect(replayed(second.headers)).toEqual(replayed(first.headers));
    // What Express set the first time is all there: security headers, CORS, encoding, validator.
    expect(second.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(second.headers['access-control-allow-origin']).toBe('*');
    expect(second.headers['content-encoding']).toBe('gzip');
    expect(second.headers['cache-control']).toBe('no-cache');
    expect(second.body.features.length).toBeGreaterThan(0);
  });

  test('a client holding the ETag gets a 304 with no body', async () => {
    const { headers } = await request(server).get(CLUSTERS).set('Accept-Encoding', 'gzip').expect(200);
    const before = frontDoor.hits;
    const response = await request(server)
      .get(CLUSTERS)
      .set('Accept-Encoding', 'gzip')
      .set('If-None-Match', String(headers.etag))
      .expect(304);
    expect(frontDoor.hits).toBe(before + 1);
    expect(response.text ?? '').toBe('');
    expect(response.headers.etag).toBe(headers.etag);
    expect(response.headers['content-length']).toBeUndefined();
  });

  test('another Accept-Encoding is recorded apart, so a client that takes no gzip never gets gzip', async () => {
    await request(server).get(CLUSTERS).set('Accept-Encoding', 'identity').expect(200);
    const plain = await request(server).get(CLUSTERS).set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.text).type).toBe('FeatureCollection');
  });

  test('tiles are replayed too', async () => {
    const first = await request(server).get(TILE).set('Accept-Encoding', 'gzip').buffer(true).expect(200);
    const before = frontDoor.hits;
    const second = await request(server).get(TILE).set('Accept-Encoding', 'gzip').buffer(true).expect(200);
    expect(frontDoor.hits).toBe(before + 1);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
  });

  test('errors, requests with a cookie and unmarked routes always reach the app', async () => {
    const before = frontDoor.hits;
    for (let i = 0; i < 2; i++) {
      await request(server).get('/api/clusters?province=khong-co').expect(404);
      await request(server).get(CLUSTERS).set('Cookie', 'atlas_session=x').expect(200);
      await request(server).get('/api/clusters/song-cau').expect(200);
      await request(server).get('/healthz').expect(200);
    }
    expect(frontDoor.hits).toBe(before);
  });

  test('an edit changes the data version: the next ask reaches the app and gets the new answer', async () => {
    const cached = await request(server).get(CLUSTERS).set('Accept-Encoding', 'gzip').expect(200);
    const login = await request(server).post('/api/auth/login').send({ username: 'lan', password: PASSWORD });
    const cookie = (login.headers['set-cookie'] as unknown as string[])[0]?.split(';')[0] ?? '';
    const { csrfToken } = SessionInfo.parse(login.body);
    await request(server)
      .patch('/api/clusters/song-cau')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrfToken ?? '')
      .set('If-Match', '"cluster-song-cau-v1"')
      .send({ stage: 'building', source: { sourceId: 'kh-4794', asOf: '2025-06-14' } })
      .expect(200);
    const before = frontDoor.hits;
    const fresh = await request(server).get(CLUSTERS).set('Accept-Encoding', 'gzip').expect(200);
    expect(frontDoor.hits).toBe(before);
    expect(fresh.headers.etag).not.toBe(cached.headers.etag);
    const songCau = fresh.body.features.find(
      (f: { properties: { id: string } }) => f.properties.id === 'song-cau',
    );
    expect(songCau.properties.stage).toBe('building');
    // …and the new answer is the one replayed from then on.
    const again = await request(server).get(CLUSTERS).set('Accept-Encoding', 'gzip').expect(200);
    expect(frontDoor.hits).toBe(before + 1);
    expect(again.headers.etag).toBe(fresh.headers.etag);
  });
});
