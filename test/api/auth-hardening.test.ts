import express, { type Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AccountList, SessionInfo } from '../../domain/account.ts';
import { ApiError } from '../../domain/api.ts';
import { createApp } from '../../server/app.ts';
import { csrfGuard, loadSession } from '../../server/auth/middleware.ts';
import { LoginThrottle } from '../../server/auth/throttle.ts';
import { errorHandler } from '../../server/errors.ts';
import { authRoutes } from '../../server/routes/auth.ts';
import type { AtlasStore } from '../../server/store/store.ts';
import { databaseKind, openFreshStore, silentLogger } from './test-store.ts';

// What auth.test.ts does not already show: a page on another site submitting a form with the
// victim's cookie, CORS for the embed's allowed sites, the sign-in throttle by address and over
// time, and the session cookie behind a TLS-terminating proxy.

const PASSWORD = 'mat-khau-du-dai-1';
const EVIL = 'https://evil.example';

let store: AtlasStore;
let cleanup: () => Promise<void>;
let app: Express;

beforeAll(async () => {
  ({ store, cleanup } = await openFreshStore());
  app = createApp({
    store: Promise.resolve(store),
    logger: silentLogger,
    embedAllowedOrigins: ['https://sct.khanhhoa.gov.vn'],
  });
  await store.accounts.create({
    username: 'quantri',
    displayName: 'Quản Trị Viên',
    role: 'admin',
    provinceIds: [],
    password: PASSWORD,
  });
  await store.accounts.create({
    username: 'bientap.kh',
    displayName: 'Nguyễn Văn A',
    role: 'editor',
    provinceIds: ['khanh-hoa'],
    password: PASSWORD,
  });
});
afterAll(async () => cleanup?.());

const errorOf = (response: request.Response) => ApiError.parse(response.body).error;
const setCookieOf = (response: request.Response) =>
  ((response.headers['set-cookie'] as unknown as string[] | undefined) ?? []).find((cookie) =>
    cookie.startsWith('ccn_session='),
  );

async function signIn(target: Express, username: string, headers: Record<string, string> = {}) {
  const response = await request(target)
    .post('/api/auth/login')
    .set(headers)
    .send({ username, password: PASSWORD })
    .expect(200);
  const cookie = setCookieOf(response)?.split(';')[0];
  const { csrfToken } = SessionInfo.parse(response.body);
  if (!cookie || !csrfToken) throw new Error('no session');
  return { cookie, csrfToken, setCookie: setCookieOf(response) ?? '' };
}

const accountNames = async () => (await store.accounts.list()).map((account) => account.username).sort();

describe(`a form another site submits with the victim's cookie is refused, on ${databaseKind}`, () => {
  test('urlencoded, text/plain (JSON smuggled in) and multipart, with Origin, with Referer only, or with neither: 403, nothing changes', async () => {
    const admin = await signIn(app, 'quantri');
    const before = await accountNames();
    const account = {
      username: 'ke-gian',
      displayName: 'Kẻ Gian',
      role: 'admin',
      provinceIds: [],
      password: 'mat-khau-ke-gian-1',
    };
    const bodies: [string, string][] = [
      [
        'application/x-www-form-urlencoded',
        new URLSearchParams({
          username: account.username,
          password: account.password,
          role: 'admin',
        }).toString(),
      ],
      // The classic JSON CSRF: a form with enctype=text/plain whose one field spells out JSON.
      ['text/plain', `${JSON.stringify(account).slice(0, -1)},"x":"=1"}`],
      [
        'multipart/form-data; boundary=----x',
        `------x\r\nContent-Disposition: form-data; name="username"\r\n\r\nke-gian\r\n------x--\r\n`,
      ],
    ];
    const senders: [string, Record<string, string>][] = [
      ['Origin', { Origin: EVIL, Referer: `${EVIL}/trap.html` }],
      ['Referer only', { Referer: `${EVIL}/trap.html` }],
      // A page with Referrer-Policy: no-referrer, in a browser that sends no Origin: no CSRF token.
      ['neither', {}],
    ];
    for (const [type, body] of bodies) {
      for (const [label, headers] of senders) {
        for (const path of ['/api/accounts', '/api/auth/logout', '/api/provinces/khanh-hoa/imports']) {
          const response = await request(app)
            .post(path)
            .set('Cookie', admin.cookie)
            .set('Content-Type', type)
            .set(headers)
            .send(body);
          expect(response.status, `${path}, ${type}, ${label}: ${JSON.stringify(response.body)}`).toBe(403);
          expect(errorOf(response).code).toBe('csrf');
          expect(errorOf(response).message_vi).toMatch(/từ chối/);
          expect(errorOf(response).message_en).toMatch(/refused/);
        }
      }
    }
    // A cross-site sign-in form: another site must not sign the visitor in to its own account.
    for (const type of ['application/x-www-form-urlencoded', 'text/plain']) {
      const login = await request(app)
        .post('/api/auth/login')
        .set('Content-Type', type)
        .set('Origin', EVIL)
        .send(`username=quantri&password=${PASSWORD}`);
      expect(login.status).toBe(403);
      expect(setCookieOf(login)).toBeUndefined();
    }
    expect(await accountNames()).toEqual(before);
    // The session survived every attempt to sign it out.
    const still = await request(app).get('/api/auth/session').set('Cookie', admin.cookie).expect(200);
    expect(SessionInfo.parse(still.body).account?.username).toBe('quantri');
    // And the same admin, from the app itself, can create accounts: the refusals were not for lack of rights.
    const listed = await request(app).get('/api/accounts').set('Cookie', admin.cookie).expect(200);
    expect(AccountList.parse(listed.body).accounts.length).toBe(before.length);
  });
});

describe(`CORS never opens writes, not even to the embed's allowed sites, on ${databaseKind}`, () => {
  test('preflights for writes under /api, /tiles and /ogc get no Access-Control-Allow-Origin; reads never allow credentials', async () => {
    for (const origin of [EVIL, 'https://sct.khanhhoa.gov.vn', 'null']) {
      for (const [path, method] of [
        ['/api/clusters/song-cau', 'PATCH'],
        ['/api/accounts', 'POST'],
        ['/api/provinces/khanh-hoa/imports', 'POST'],
        ['/api/auth/login', 'POST'],
        ['/tiles/clusters/8/203/120.mvt', 'DELETE'],
        ['/ogc/collections/clusters/items', 'POST'],
      ] as const) {
        const preflight = await request(app)
          .options(path)
          .set('Origin', origin)
          .set('Access-Control-Request-Method', method)
          .set('Access-Control-Request-Headers', 'content-type, x-csrf-token');
        expect(preflight.status, `${origin} ${method} ${path}`).toBeLessThan(500);
        expect(
          preflight.headers['access-control-allow-origin'],
          `${origin} ${method} ${path}`,
        ).toBeUndefined();
        expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
        expect(preflight.headers['access-control-allow-headers']).toBeUndefined();
      }
      // A simple cross-site write (no preflight) is refused, and its answer is unreadable to the page.
      const simple = await request(app)
        .post('/api/auth/logout')
        .set('Origin', origin)
        .set('Content-Type', 'text/plain')
        .send('x');
      expect(simple.status).toBe(403);
      expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    }
    for (const path of ['/api/provinces', '/api/auth/session', '/ogc/collections']) {
      const read = await request(app).get(path).set('Origin', EVIL);
      expect(read.headers['access-control-allow-origin'], path).toBe('*');
      // `*` without credentials: another site reads only what the public sees.
      expect(read.headers['access-control-allow-credentials'], path).toBeUndefined();
    }
  });
});

/** A bare sign-in app whose throttles run on a clock the test moves. */
function throttledApp(now: () => number) {
  const small = express();
  const getStore = async () => store;
  const throttles = {
    byUsername: new LoginThrottle({ maxFailures: 5, windowMs: 15 * 60_000, baseDelayMs: 30_000 }, now),
    byAddress: new LoginThrottle({ maxFailures: 20, windowMs: 15 * 60_000, baseDelayMs: 30_000 }, now),
  };
  small.use('/api', loadSession(getStore), csrfGuard);
  small.use('/api', authRoutes(getStore, { throttles }));
  small.use(errorHandler(silentLogger));
  return small;
}

const attempt = (target: Express, username: string, password: string, headers: Record<string, string> = {}) =>
  request(target).post('/api/auth/login').set(headers).send({ username, password });

describe(`repeated failed sign-ins are slowed, on ${databaseKind}`, () => {
  test('per name: five failures, then 429 with Retry-After even for the right password; the wait doubles; it ends', async () => {
    let clock = Date.parse('2026-03-01T08:00:00Z');
    const target = throttledApp(() => clock);
    for (let index = 0; index < 5; index++) {
      await attempt(target, 'bientap.kh', `sai-mat-khau-${index}`).expect(401);
      clock += 1000;
    }
    const held = await attempt(target, 'bientap.kh', PASSWORD).expect(429);
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(held.headers['retry-after'])).toBeLessThanOrEqual(30);
    expect(errorOf(held).code).toBe('too_many_attempts');
    expect(errorOf(held).message_vi).toContain('thử lại sau');
    expect(errorOf(held).message_en).toContain('try again');
    expect(setCookieOf(held)).toBeUndefined();
    // Case and spaces do not make it another name.
    await attempt(target, '  BienTap.KH ', PASSWORD).expect(429);

    // Once the wait is over, one more failure waits twice as long.
    clock += 31_000;
    await attempt(target, 'bientap.kh', 'sai-mat-khau-6').expect(401);
    const longer = await attempt(target, 'bientap.kh', PASSWORD).expect(429);
    expect(Number(longer.headers['retry-after'])).toBeGreaterThan(30);
    expect(Number(longer.headers['retry-after'])).toBeLessThanOrEqual(60);

    // After it, the right password signs in and the count starts again.
    clock += 61_000;
    await attempt(target, 'bientap.kh', PASSWORD).expect(200);
    await attempt(target, 'bientap.kh', 'sai-mat-khau-7').expect(401);
    await attempt(target, 'bientap.kh', PASSWORD).expect(200);
  });

  test('per address: twenty failures over many names hold up the next name, and X-Forwarded-For does not get round it', async () => {
    const target = throttledApp(() => Date.now());
    for (let index = 0; index < 20; index++) {
      // Without TRUST_PROXY a client-chosen X-Forwarded-For is not its address.
      await attempt(target, `doan-${index}`, 'sai-mat-khau', {
        'X-Forwarded-For': `198.51.100.${index}`,
      }).expect(401);
    }
    const held = await attempt(target, 'quantri', PASSWORD, { 'X-Forwarded-For': '198.51.100.200' }).expect(
      429,
    );
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
    expect(setCookieOf(held)).toBeUndefined();
  });

  test('behind a trusted proxy, each client address counts apart', async () => {
    const proxied = createApp({ store: Promise.resolve(store), logger: silentLogger, trustProxy: 1 });
    for (let index = 0; index < 20; index++) {
      await attempt(proxied, `doan-${index}`, 'sai-mat-khau', { 'X-Forwarded-For': '203.0.113.7' }).expect(
        401,
      );
    }
    await attempt(proxied, 'quantri', PASSWORD, { 'X-Forwarded-For': '203.0.113.7' }).expect(429);
    // Another office behind the same nginx is not locked out by the first one's failures.
    await attempt(proxied, 'quantri', PASSWORD, { 'X-Forwarded-For': '203.0.113.8' }).expect(200);
  });
});

describe(`the session cookie behind a TLS-terminating proxy, on ${databaseKind}`, () => {
  test('Secure, HttpOnly and SameSite=Strict when the trusted proxy says HTTPS; the origin check then wants https', async () => {
    const proxied = createApp({ store: Promise.resolve(store), logger: silentLogger, trustProxy: 1 });
    const https = {
      'X-Forwarded-Proto': 'https',
      Host: 'atlas.example.vn',
      'X-Forwarded-For': '203.0.113.20',
    };
    const session = await signIn(proxied, 'bientap.kh', { ...https, Origin: 'https://atlas.example.vn' });
    const attributes = session.setCookie.split(';').map((part) => part.trim());
    expect(attributes).toContain('Secure');
    expect(attributes).toContain('HttpOnly');
    expect(attributes).toContain('SameSite=Strict');
    expect(attributes).toContain('Path=/');

    // An http:// page on the same host (a downgrade) is another origin.
    const downgraded = await request(proxied)
      .post('/api/auth/logout')
      .set(https)
      .set('Origin', 'http://atlas.example.vn')
      .set('Cookie', session.cookie)
      .set('X-CSRF-Token', session.csrfToken)
      .expect(403);
    expect(errorOf(downgraded).code).toBe('csrf');

    const out = await request(proxied)
      .post('/api/auth/logout')
      .set(https)
      .set('Origin', 'https://atlas.example.vn')
      .set('Cookie', session.cookie)
      .set('X-CSRF-Token', session.csrfToken)
      .expect(200);
    const cleared = (setCookieOf(out) ?? '').split(';').map((part) => part.trim());
    expect(cleared).toContain('Secure');
    expect(cleared).toContain('HttpOnly');
    expect(cleared).toContain('SameSite=Strict');
  });

  test('without TRUST_PROXY a client claiming X-Forwarded-Proto: https is not believed', async () => {
    const session = await signIn(app, 'bientap.kh', { 'X-Forwarded-Proto': 'https' });
    const attributes = session.setCookie.split(';').map((part) => part.trim());
    expect(attributes).not.toContain('Secure');
    expect(attributes).toContain('HttpOnly');
    expect(attributes).toContain('SameSite=Strict');
  });
});
