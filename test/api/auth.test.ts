import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type AccountCreate,
  AccountList,
  AccountSummary,
  roleAtLeast,
  SessionInfo,
} from '../../domain/account.ts';
import { ApiError } from '../../domain/api.ts';
import { createApp } from '../../server/app.ts';
import { hashPassword, verifyPassword } from '../../server/auth/password.ts';
import { type WriteRoute, writeRoutes } from '../../server/auth/write-routes.ts';
import type { AtlasStore } from '../../server/store/store.ts';
import { databaseKind, openFreshStore, silentLogger } from './test-store.ts';

let store: AtlasStore;
let cleanup: () => Promise<void>;
let app: Express;

const PASSWORD = 'mat-khau-du-dai-1';
const people = {
  admin: { username: 'quantri', displayName: 'Quản Trị Viên', role: 'admin', provinceIds: [] },
  editorKhanhHoa: {
    username: 'bientap.kh',
    displayName: 'Nguyễn Văn A',
    role: 'editor',
    provinceIds: ['khanh-hoa'],
  },
  editorHoaBinh: {
    username: 'bientap.hb',
    displayName: 'Trần Thị B',
    role: 'editor',
    provinceIds: ['hoa-binh'],
  },
  viewer: { username: 'xem', displayName: 'Lê Văn C', role: 'viewer', provinceIds: [] },
} satisfies Record<string, Omit<AccountCreate, 'password'>>;
type Person = keyof typeof people;

beforeAll(async () => {
  ({ store, cleanup } = await openFreshStore());
  app = createApp({ store: Promise.resolve(store), logger: silentLogger });
  for (const person of Object.values(people)) await store.accounts.create({ ...person, password: PASSWORD });
});
afterAll(async () => cleanup());

type Session = { cookie: string; csrfToken: string; account: AccountSummary };

/** The `name=value` of the session cookie a response sets, and the attributes it gives. */
function sessionCookieOf(response: request.Response): string | undefined {
  const header = response.headers['set-cookie'] as unknown as string[] | undefined;
  return header?.find((cookie) => cookie.startsWith('ccn_session='));
}

async function signIn(username: string, password = PASSWORD): Promise<Session> {
  const response = await request(app).post('/api/auth/login').send({ username, password }).expect(200);
  const info = SessionInfo.parse(response.body);
  const cookie = sessionCookieOf(response)?.split(';')[0];
  if (!cookie || !info.account || !info.csrfToken) throw new Error('no session');
  return { cookie, csrfToken: info.csrfToken, account: info.account };
}
const signInAs = (person: Person) => signIn(people[person].username);

const errorOf = (response: request.Response) => ApiError.parse(response.body).error;

describe(`passwords on ${databaseKind}`, () => {
  test('are hashed with scrypt and a salt of their own, never kept as typed', async () => {
    const first = await hashPassword(PASSWORD);
    const second = await hashPassword(PASSWORD);
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(first).not.toContain(PASSWORD);
    expect(first).not.toBe(second);
    expect(await verifyPassword(PASSWORD, first)).toBe(true);
    expect(await verifyPassword(`${PASSWORD}x`, first)).toBe(false);
    expect(await verifyPassword(PASSWORD, 'scrypt$1024$8$1$bad')).toBe(false);
  });
});

describe(`signing in and out on ${databaseKind}`, () => {
  test('a sign-in sets an HttpOnly, SameSite=Strict session cookie and answers who signed in', async () => {
    const response = await request(app)
      .post('/api/auth/login')
      .send({ username: 'BienTap.KH', password: PASSWORD })
      .expect(200);
    const cookie = sessionCookieOf(response) ?? '';
    expect(cookie).toMatch(/^ccn_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).toContain('Max-Age=43200');
    // Plain HTTP here: a Secure cookie would never come back.
    expect(cookie).not.toContain('Secure');
    expect(response.headers['cache-control']).toBe('no-store');
    const info = SessionInfo.parse(response.body);
    expect(info.account).toMatchObject({
      username: 'bientap.kh',
      role: 'editor',
      provinceIds: ['khanh-hoa'],
    });
    expect(info.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(response.body)).not.toContain('scrypt');
  });

  test('the session answers null for the public and the account with its CSRF token when signed in', async () => {
    const anonymous = await request(app).get('/api/auth/session').expect(200);
    expect(anonymous.headers['cache-control']).toBe('no-store');
    expect(SessionInfo.parse(anonymous.body)).toEqual({ account: null, csrfToken: null });

    const session = await signInAs('viewer');
    const signedIn = await request(app).get('/api/auth/session').set('Cookie', session.cookie).expect(200);
    expect(SessionInfo.parse(signedIn.body)).toEqual({
      account: session.account,
      csrfToken: session.csrfToken,
    });
  });

  test('a made-up or malformed cookie is the public, not an error', async () => {
    for (const cookie of [
      'ccn_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      'ccn_session=%%%',
      'other=1',
    ]) {
      const response = await request(app).get('/api/auth/session').set('Cookie', cookie).expect(200);
      expect(SessionInfo.parse(response.body).account).toBeNull();
    }
  });

  test('signing out ends the session and clears the cookie', async () => {
    const session = await signInAs('viewer');
    const response = await request(app)
      .post('/api/auth/logout')
      .set('Cookie', session.cookie)
      .set('X-CSRF-Token', session.csrfToken)
      .expect(200);
    expect(sessionCookieOf(response)).toMatch(/^ccn_session=;.*Expires=Thu, 01 Jan 1970/);
    const after = await request(app).get('/api/auth/session').set('Cookie', session.cookie).expect(200);
    expect(SessionInfo.parse(after.body).account).toBeNull();
  });

  test('a wrong password and an unknown username get the same answer', async () => {
    const wrongPassword = await request(app)
      .post('/api/auth/login')
      .send({ username: 'xem', password: 'khong-dung-mat-khau' })
      .expect(401);
    const unknownUser = await request(app)
      .post('/api/auth/login')
      .send({ username: 'khong-co-ai', password: 'khong-dung-mat-khau' })
      .expect(401);
    expect(errorOf(wrongPassword)).toEqual(errorOf(unknownUser));
    expect(errorOf(wrongPassword).message_vi).toBe('Sai tên đăng nhập hoặc mật khẩu.');
    expect(sessionCookieOf(wrongPassword)).toBeUndefined();
  });

  test('a body that is not JSON, or not a sign-in, is a bilingual 400', async () => {
    const broken = await request(app)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username": ')
      .expect(400);
    expect(errorOf(broken).message_vi).toContain('không đọc được');
    const missing = await request(app).post('/api/auth/login').send({ username: 'xem' }).expect(400);
    expect(errorOf(missing).message_en).toContain('password');
  });

  test('a sign-in sent as a form, as another site could, is refused', async () => {
    await request(app)
      .post('/api/auth/login')
      .type('form')
      .send({ username: 'xem', password: PASSWORD })
      .expect(415);
  });

  test('after five failures the sixth attempt waits, even with the right password', async () => {
    await store.accounts.create({
      username: 'bi-doan',
      displayName: 'Bị Đoán',
      role: 'viewer',
      provinceIds: [],
      password: PASSWORD,
    });
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await request(app)
        .post('/api/auth/login')
        .send({ username: 'bi-doan', password: `sai-${attempt}-mat-khau` })
        .expect(401);
    }
    const sixth = await request(app)
      .post('/api/auth/login')
      .send({ username: 'BI-DOAN', password: PASSWORD })
      .expect(429);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    expect(errorOf(sixth).code).toBe('too_many_attempts');
    expect(errorOf(sixth).message_vi).toContain('thử lại sau');
    // Other names are not held up by it.
    await signInAs('viewer');
  });

  test('a disabled account cannot sign in, and its sessions end', async () => {
    const created = await store.accounts.create({
      username: 'da-nghi',
      displayName: 'Đã Nghỉ',
      role: 'editor',
      provinceIds: ['khanh-hoa'],
      password: PASSWORD,
    });
    const session = await signIn('da-nghi');
    await store.accounts.update(created.id, { disabled: true });
    const refused = await request(app)
      .post('/api/auth/login')
      .send({ username: 'da-nghi', password: PASSWORD })
      .expect(403);
    expect(errorOf(refused).code).toBe('account_disabled');
    const after = await request(app).get('/api/auth/session').set('Cookie', session.cookie).expect(200);
    expect(SessionInfo.parse(after.body).account).toBeNull();
  });
});

describe(`CSRF and CORS on ${databaseKind}`, () => {
  test('a write without the CSRF token, or with a wrong one, is refused', async () => {
    const session = await signInAs('viewer');
    const missing = await request(app).post('/api/auth/logout').set('Cookie', session.cookie).expect(403);
    expect(errorOf(missing).code).toBe('csrf');
    const wrong = await request(app)
      .post('/api/auth/logout')
      .set('Cookie', session.cookie)
      .set('X-CSRF-Token', session.csrfToken.split('').reverse().join(''))
      .expect(403);
    expect(errorOf(wrong).code).toBe('csrf');
    expect(errorOf(wrong).message_vi).toContain('CSRF');
  });

  test('a write naming another origin is refused, one naming this origin goes through', async () => {
    const session = await signInAs('viewer');
    for (const [header, value] of [
      ['Origin', 'https://evil.example'],
      ['Origin', 'null'],
      ['Referer', 'https://evil.example/page.html'],
    ] as const) {
      const response = await request(app)
        .post('/api/auth/logout')
        .set('Cookie', session.cookie)
        .set('X-CSRF-Token', session.csrfToken)
        .set(header, value)
        .expect(403);
      expect(errorOf(response).code).toBe('csrf');
    }
    const crossSiteLogin = await request(app)
      .post('/api/auth/login')
      .set('Origin', 'https://evil.example')
      .send({ username: 'xem', password: PASSWORD })
      .expect(403);
    expect(errorOf(crossSiteLogin).code).toBe('csrf');

    await request(app)
      .post('/api/auth/logout')
      .set('Host', 'atlas.example:8080')
      .set('Cookie', session.cookie)
      .set('X-CSRF-Token', session.csrfToken)
      .set('Origin', 'http://atlas.example:8080')
      .expect(200);
  });

  test('a preflight for a write from another site gets no Access-Control-Allow-Origin', async () => {
    for (const method of ['POST', 'PATCH', 'DELETE', 'PUT']) {
      const response = await request(app)
        .options('/api/accounts')
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', method)
        .set('Access-Control-Request-Headers', 'content-type, x-csrf-token');
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    }
    const read = await request(app)
      .options('/api/provinces')
      .set('Origin', 'https://gis.example')
      .set('Access-Control-Request-Method', 'GET');
    expect(read.headers['access-control-allow-origin']).toBe('*');
  });
});

describe(`accounts, for admins only, on ${databaseKind}`, () => {
  const write = (session: Session, method: 'post' | 'patch', path: string) =>
    request(app)[method](path).set('Cookie', session.cookie).set('X-CSRF-Token', session.csrfToken);

  test('the public, editors and viewers cannot list accounts', async () => {
    expect(errorOf(await request(app).get('/api/accounts').expect(401)).code).toBe('unauthenticated');
    for (const person of ['editorKhanhHoa', 'viewer'] as const) {
      const session = await signInAs(person);
      const response = await request(app).get('/api/accounts').set('Cookie', session.cookie).expect(403);
      expect(errorOf(response).code).toBe('forbidden');
      expect(errorOf(response).message_vi).toContain('Quản trị');
    }
  });

  test('an admin lists, creates and changes accounts', async () => {
    const admin = await signInAs('admin');
    const list = AccountList.parse(
      (await request(app).get('/api/accounts').set('Cookie', admin.cookie).expect(200)).body,
    );
    expect(list.accounts.map((account) => account.username)).toContain('bientap.kh');
    expect(JSON.stringify(list)).not.toContain('scrypt');

    const created = AccountSummary.parse(
      (
        await write(admin, 'post', '/api/accounts')
          .send({
            username: 'Pham.D',
            displayName: 'Phạm Văn D',
            role: 'editor',
            provinceIds: ['hoa-binh'],
            password: 'mot-mat-khau-moi',
          })
          .expect(201)
      ).body,
    );
    expect(created).toMatchObject({ username: 'Pham.D', role: 'editor', provinceIds: ['hoa-binh'] });

    const taken = await write(admin, 'post', '/api/accounts')
      .send({ username: 'pham.d', displayName: 'X', role: 'viewer', password: 'mot-mat-khau-moi' })
      .expect(409);
    expect(errorOf(taken).code).toBe('username_taken');
    const short = await write(admin, 'post', '/api/accounts')
      .send({ username: 'ngan', displayName: 'X', role: 'viewer', password: '123456789' })
      .expect(400);
    expect(errorOf(short).message_en).toContain('password');
    await write(admin, 'post', '/api/accounts')
      .send({
        username: 'tinh-la',
        displayName: 'X',
        role: 'editor',
        provinceIds: ['khong-co'],
        password: 'mot-mat-khau-moi',
      })
      .expect(422);

    const promoted = await write(admin, 'patch', `/api/accounts/${created.id}`)
      .send({ role: 'viewer', displayName: 'Phạm Văn Đ' })
      .expect(200);
    expect(AccountSummary.parse(promoted.body)).toMatchObject({
      role: 'viewer',
      provinceIds: [],
      displayName: 'Phạm Văn Đ',
    });
    await write(admin, 'patch', `/api/accounts/${created.id}`)
      .send({ password: 'mat-khau-thu-hai' })
      .expect(200);
    await request(app)
      .post('/api/auth/login')
      .send({ username: 'pham.d', password: 'mot-mat-khau-moi' })
      .expect(401);
    await signIn('pham.d', 'mat-khau-thu-hai');
    await write(admin, 'patch', '/api/accounts/khong-co').send({ disabled: true }).expect(404);
  });

  test('the last admin cannot be demoted or disabled', async () => {
    const admin = await signInAs('admin');
    for (const patch of [{ role: 'viewer' }, { disabled: true }]) {
      const response = await write(admin, 'patch', `/api/accounts/${admin.account.id}`)
        .send(patch)
        .expect(409);
      expect(errorOf(response).code).toBe('last_admin');
    }
  });
});

/** Every non-GET route the app serves, as `METHOD pattern`, found by walking its routers. */
function appWriteRoutes(express: Express): string[] {
  type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };
  const found: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) {
          if (!['get', 'head', 'options', '_all'].includes(method)) {
            found.push(`${method.toUpperCase()} ${layer.route.path}`);
          }
        }
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((express as unknown as { router: { stack: Layer[] } }).router.stack);
  return found;
}

describe(`every write route checks roles on ${databaseKind}`, () => {
  test('every write route the app serves is in the registry', () => {
    const registered = writeRoutes.map((route) => `${route.method} ${route.pattern}`);
    const served = appWriteRoutes(app);
    expect(served.length).toBeGreaterThan(0);
    for (const route of served)
      expect(registered, `${route} is not in server/auth/write-routes.ts`).toContain(route);
  });

  const call = (
    route: WriteRoute,
    session: Session | null,
    options: { csrf?: boolean; origin?: string } = {},
  ) => {
    let pending = request(app)[route.method.toLowerCase() as 'post' | 'put' | 'patch' | 'delete'](
      route.examplePath,
    );
    if (session) pending = pending.set('Cookie', session.cookie);
    if (session && options.csrf !== false) pending = pending.set('X-CSRF-Token', session.csrfToken);
    if (options.origin) pending = pending.set('Origin', options.origin);
    for (const [name, value] of Object.entries(route.exampleHeaders ?? {}))
      pending = pending.set(name, value);
    return route.exampleBody === undefined ? pending : pending.send(route.exampleBody as object);
  };
  const editorOf = (provinceId: string): Person => {
    const person = (['editorKhanhHoa', 'editorHoaBinh'] as const).find((key) =>
      people[key].provinceIds.includes(provinceId),
    );
    if (!person) throw new Error(`the test has no editor for ${provinceId}`);
    return person;
  };

  for (const route of writeRoutes) {
    const name = `${route.method} ${route.examplePath}`;
    if (route.minimumRole === 'public') {
      test(`${name} is refused from another origin`, async () => {
        const response = await call(route, null, { origin: 'https://evil.example' }).expect(403);
        expect(errorOf(response).code).toBe('csrf');
      });
      continue;
    }
    const minimumRole = route.minimumRole;

    test(`${name} is refused to the public, without CSRF, and from another origin`, async () => {
      expect(errorOf(await call(route, null).expect(401)).code).toBe('unauthenticated');
      const admin = await signInAs('admin');
      expect(errorOf(await call(route, admin, { csrf: false }).expect(403)).code).toBe('csrf');
      expect(errorOf(await call(route, admin, { origin: 'https://evil.example' }).expect(403)).code).toBe(
        'csrf',
      );
    });

    test(`${name} is refused to roles below ${minimumRole} and to editors of other provinces`, async () => {
      const below: Person[] = [];
      if (!roleAtLeast('viewer', minimumRole)) below.push('viewer');
      if (!roleAtLeast('editor', minimumRole)) below.push('editorKhanhHoa', 'editorHoaBinh');
      else if (route.provinceId !== null) {
        below.push(editorOf(route.provinceId) === 'editorKhanhHoa' ? 'editorHoaBinh' : 'editorKhanhHoa');
      }
      for (const person of below) {
        const response = await call(route, await signInAs(person)).expect(403);
        expect(errorOf(response).code, person).toBe('forbidden');
      }
    });

    test(`${name} lets through an admin${route.provinceId ? ` and the editor of ${route.provinceId}` : ''}`, async () => {
      const allowed: Person[] = ['admin'];
      if (route.provinceId !== null && roleAtLeast('editor', minimumRole))
        allowed.push(editorOf(route.provinceId));
      if (route.provinceId === null && roleAtLeast('editor', minimumRole)) allowed.push('editorKhanhHoa');
      if (roleAtLeast('viewer', minimumRole)) allowed.push('viewer');
      for (const person of allowed) {
        const response = await call(route, await signInAs(person));
        expect([401, 403], `${person}: ${JSON.stringify(response.body)}`).not.toContain(response.status);
      }
    });
  }
});
