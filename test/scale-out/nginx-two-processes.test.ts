/**
 * The scale-out path of the README (Triển khai): two app processes on one PostgreSQL + PostGIS
 * server, behind nginx running deploy/nginx/ccn-atlas.conf as written. Runs when DATABASE_URL names
 * a server this test may empty and an nginx binary exists; otherwise it is skipped, saying why.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import type { Position } from 'geojson';
import { PbfReader } from 'pbf';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SessionInfo } from '../../domain/account.ts';
import { ClusterFeatureCollection } from '../../domain/cluster.ts';
import { ClusterRecord } from '../../domain/history.ts';
import { openStore } from '../../server/store/open-store.ts';

const databaseUrl = process.env.DATABASE_URL || undefined;

/** nginx from NGINX, the PATH, or Debian's place for it. */
function findNginx(): string | null {
  const candidates = [process.env.NGINX, '/usr/sbin/nginx'].filter((path): path is string => Boolean(path));
  for (const path of candidates) if (existsSync(path)) return path;
  const found = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : null;
}
const nginxBinary = findNginx();
const skipReason = !databaseUrl
  ? 'DATABASE_URL is not set: the scale-out path needs a PostgreSQL + PostGIS server (the test empties its database)'
  : !nginxBinary
    ? 'no nginx binary (apt-get install nginx, or set NGINX=/path/to/nginx)'
    : null;
if (skipReason) console.warn(`[scale-out] skipped: ${skipReason}`);

const PASSWORD = 'mật-khẩu-mở-rộng-2026';
const CLUSTER = 'song-cau';
const PROVINCE = 'khanh-hoa';
const source = { sourceId: 'kh-4794', asOf: '2025-06-14' };
/** Longest wait for one process's write to reach the other and nginx: the poll is 1 s, nginx keeps 1–2 s. */
const PROPAGATION_LIMIT_MS = 10_000;

// ---- Processes: the two apps and nginx, each killed in afterAll whatever happened before. ----

type Child = { name: string; process: ChildProcess; output: string[] };
const children: Child[] = [];
const temporary: string[] = [];

function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const child: Child = {
    name,
    process: spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] }),
    output: [],
  };
  const keep = (chunk: Buffer) => {
    child.output.push(String(chunk));
    if (child.output.length > 200) child.output.shift();
  };
  child.process.stdout?.on('data', keep);
  child.process.stderr?.on('data', keep);
  children.push(child);
  return child;
}

async function stop(child: Child) {
  const { process: running } = child;
  if (running.exitCode !== null || running.signalCode !== null) return;
  const exited = new Promise((resolve) => running.once('exit', resolve));
  running.kill('SIGTERM');
  const timer = setTimeout(() => running.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

// A worker that dies without running afterAll must not leave servers behind.
process.once('exit', () => {
  for (const child of children) if (child.process.exitCode === null) child.process.kill('SIGKILL');
});

/** A port the system just gave out and took back: free for the child that binds it next. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

/** Polls `check` every 50 ms until it returns a value (not undefined); throws after `limitMs`. */
async function until<T>(what: string, limitMs: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + limitMs;
  let lastError: unknown = null;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: not within ${limitMs} ms${lastError ? ` (last error: ${String(lastError)})` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function waitHealthy(child: Child, base: string) {
  await until(`${child.name} answering at ${base}/healthz`, 90_000, async () => {
    if (child.process.exitCode !== null) {
      throw new Error(`${child.name} exited (${child.process.exitCode}):\n${child.output.join('')}`);
    }
    const response = await fetch(`${base}/healthz`);
    return response.status === 200 ? true : undefined;
  });
}

/** Empties the server database, as test/api/test-store.ts does, so both processes start as on day one. */
async function resetDatabase(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('drop schema if exists public cascade');
    await client.query('create schema public');
  } finally {
    await client.end();
  }
}

/** nginx's own file around the repository's template: paths under `prefix`, logs on stderr. */
function writeNginxConfig(prefix: string, ports: { listen: number; apps: [number, number] }) {
  const template = readFileSync(new URL('../../deploy/nginx/ccn-atlas.conf', import.meta.url), 'utf8');
  const site = template
    .replaceAll('{{LISTEN}}', `127.0.0.1:${ports.listen}`)
    .replaceAll('{{APP_PORT_1}}', String(ports.apps[0]))
    .replaceAll('{{APP_PORT_2}}', String(ports.apps[1]))
    .replaceAll('{{CACHE_DIR}}', join(prefix, 'cache'));
  expect(site).not.toMatch(/\{\{[A-Z0-9_]+\}\}/);
  writeFileSync(join(prefix, 'ccn-atlas.conf'), site);
  mkdirSync(join(prefix, 'temp'));
  writeFileSync(
    join(prefix, 'nginx.conf'),
    [
      // Run as root (CI), workers would be `nobody` and could not write this private directory.
      process.getuid?.() === 0 ? 'user root;' : '',
      'worker_processes 1;',
      'pid nginx.pid;',
      'error_log stderr warn;',
      'events { worker_connections 256; }',
      'http {',
      "  log_format cache '$request $status $upstream_cache_status upstream=$upstream_addr';",
      '  access_log access.log cache;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
        (kind) => `  ${kind}_temp_path temp/${kind};`,
      ),
      '  include ccn-atlas.conf;',
      '}',
    ].join('\n'),
  );
}

// ---- HTTP and tiles. ----

type Answer = { status: number; etag: string; cache: string; body: Buffer; headers: Headers };

async function get(base: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${base}${path}`, { headers: { 'Accept-Encoding': 'gzip', ...headers } });
  return {
    status: response.status,
    etag: response.headers.get('etag') ?? '',
    cache: response.headers.get('x-cache-status') ?? '',
    body: Buffer.from(await response.arrayBuffer()),
    headers: response.headers,
  };
}

/** The tile of zoom `z` holding a lon/lat point (slippy-map numbering, y from the north). */
function tileAt(lon: number, lat: number, z: number) {
  const n = 2 ** z;
  const latRad = (lat * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.asinh(Math.tan(latRad)) / Math.PI) / 2) * n);
  return `/tiles/clusters/${z}/${x}/${y}.mvt`;
}

/** The stage the tile gives the cluster, or undefined when the tile does not hold it. */
function tileStage(body: Buffer, id: string): unknown {
  const layer = new VectorTile(new PbfReader(new Uint8Array(body))).layers.clusters;
  for (let index = 0; index < (layer?.length ?? 0); index++) {
    const properties = layer?.feature(index).properties;
    if (properties?.id === id) return properties.stage;
  }
  return undefined;
}

const geoJsonStage = (body: Buffer, id: string) =>
  ClusterFeatureCollection.parse(JSON.parse(body.toString('utf8'))).features.find(
    (feature) => feature.properties.id === id,
  )?.properties.stage;

// ---- The test. ----

let nginxPrefix = '';
let appA = '';
let appB = '';
let proxy = '';
let tilePath = '';
const layerPath = `/api/clusters?province=${PROVINCE}`;

describe.skipIf(skipReason !== null)('two app processes on one PostgreSQL server behind nginx', () => {
  beforeAll(async () => {
    const url = databaseUrl as string;
    await resetDatabase(url);
    const [portA, portB, portProxy] = [await freePort(), await freePort(), await freePort()];
    appA = `http://127.0.0.1:${portA}`;
    appB = `http://127.0.0.1:${portB}`;
    proxy = `http://127.0.0.1:${portProxy}`;

    // Both start at once on the empty database: one migrates and loads, the other waits for it.
    const started = performance.now();
    const apps = (['A', 'B'] as const).map((name, index) => {
      const dataDir = mkdtempSync(join(tmpdir(), `ccn-atlas-scaleout-${name}-`));
      temporary.push(dataDir);
      return start(`app ${name}`, process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        ...process.env,
        PORT: String([portA, portB][index]),
        HOST: '127.0.0.1',
        DATABASE_URL: url,
        DATA_DIR: dataDir,
        TRUST_PROXY: '1',
        LOG_LEVEL: 'warn',
      });
    });
    await Promise.all([waitHealthy(apps[0] as Child, appA), waitHealthy(apps[1] as Child, appB)]);
    console.info(`[scale-out] both processes ready in ${Math.round(performance.now() - started)} ms`);

    // An editor of the province, written through a store of this test's own (DATA_DIR unused on a server).
    const store = await openStore({ databaseUrl: url, dataDir: tmpdir(), logger: pino({ level: 'silent' }) });
    try {
      await store.accounts.create({
        username: 'lan',
        displayName: 'Trần Thị Lan',
        role: 'editor',
        provinceIds: [PROVINCE],
        password: PASSWORD,
      });
    } finally {
      await store.close();
    }

    const prefix = mkdtempSync(join(tmpdir(), 'ccn-atlas-nginx-'));
    temporary.push(prefix);
    nginxPrefix = prefix;
    writeNginxConfig(prefix, { listen: portProxy, apps: [portA, portB] });
    const nginx = start(
      'nginx',
      nginxBinary as string,
      ['-p', prefix, '-e', 'stderr', '-c', 'nginx.conf', '-g', 'daemon off;'],
      process.env,
    );
    await waitHealthy(nginx, proxy);

    // The tile at zoom 12 holding the cluster's first vertex: the edit below must change it.
    const cluster = ClusterRecord.parse(await (await fetch(`${appA}/api/clusters/${CLUSTER}`)).json());
    const geometry = cluster.feature.geometry as { type: string; coordinates: unknown };
    const first = (geometry.coordinates as unknown[]).flat(
      geometry.type === 'MultiPolygon' ? 2 : 1,
    )[0] as Position;
    tilePath = tileAt(first[0] ?? 0, first[1] ?? 0, 12);
  });

  afterAll(async () => {
    for (const child of [...children].reverse()) await stop(child);
    const failed = children.filter(
      (child) => child.process.exitCode !== 0 && child.process.signalCode !== 'SIGTERM',
    );
    for (const child of failed) console.warn(`[scale-out] ${child.name} output:\n${child.output.join('')}`);
    for (const path of temporary) rmSync(path, { recursive: true, force: true });
  });

  test('nginx keeps the tile and the cluster GeoJSON, and revalidates them with the app by ETag', async () => {
    for (const path of [tilePath, layerPath]) {
      const first = await get(proxy, path);
      expect(first.status, path).toBe(200);
      expect(first.cache, path).toBe('MISS');
      expect(first.etag, path).toMatch(/^(W\/)?"[^"]+"$/);
      const second = await get(proxy, path);
      expect(['HIT', 'REVALIDATED'], path).toContain(second.cache);
      expect(second.etag, path).toBe(first.etag);
      expect(second.body.equals(first.body), path).toBe(true);
      // Once nginx's second is over, the copy is not dropped but revalidated: the app answers 304.
      const revalidated = await until(`${path} revalidated`, 5_000, async () => {
        const answer = await get(proxy, path);
        return answer.cache === 'REVALIDATED' ? answer : undefined;
      });
      expect(revalidated.etag, path).toBe(first.etag);
      expect(revalidated.body.equals(first.body), path).toBe(true);
      // A browser holding the copy gets a 304 from nginx.
      expect((await get(proxy, path, { 'If-None-Match': first.etag })).status, path).toBe(304);
      // The app sends the revalidation policy on to browsers and CDNs.
      expect(first.headers.get('cache-control'), path).toMatch(/no-cache/);
    }
    expect(tileStage((await get(proxy, tilePath)).body, CLUSTER)).toBe('operating');
  });

  test('nothing under /api/auth is cached, and nor is a cluster record', async () => {
    for (const path of ['/api/auth/session', `/api/clusters/${CLUSTER}`]) {
      await get(proxy, path);
      expect((await get(proxy, path)).cache, path).toBe('');
    }
  });

  test('an edit made through process A is served by process B and, with new ETags, through nginx', async () => {
    // Both processes have the layer and the tile in memory, nginx has them on disk.
    const before = {
      layer: await get(proxy, layerPath),
      tile: await get(proxy, tilePath),
      bLayer: await get(appB, layerPath),
      bTile: await get(appB, tilePath),
    };
    expect(geoJsonStage(before.bLayer.body, CLUSTER)).toBe('operating');
    expect(tileStage(before.bTile.body, CLUSTER)).toBe('operating');

    const login = await fetch(`${appA}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'lan', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const { csrfToken } = SessionInfo.parse(await login.json());
    const etag = (await get(appA, `/api/clusters/${CLUSTER}`)).etag;
    const patched = await fetch(`${appA}/api/clusters/${CLUSTER}`, {
      method: 'PATCH',
      headers: {
        'Content-Type': 'application/json',
        Cookie: cookie,
        'X-CSRF-Token': csrfToken ?? '',
        'If-Match': etag,
      },
      body: JSON.stringify({ stage: 'building', source }),
    });
    expect(patched.status, await patched.clone().text()).toBe(200);
    const written = performance.now();

    await until('process B serving the edit from its cache', PROPAGATION_LIMIT_MS, async () => {
      const answer = await get(appB, layerPath);
      return geoJsonStage(answer.body, CLUSTER) === 'building' ? answer : undefined;
    });
    const seenByB = performance.now() - written;
    const bTile = await get(appB, tilePath);
    expect(tileStage(bTile.body, CLUSTER)).toBe('building');
    expect(bTile.etag).not.toBe(before.bTile.etag);
    expect((await get(appB, `/api/clusters/${CLUSTER}`)).etag).toBe(patched.headers.get('etag'));

    const layer = await until('nginx serving the new GeoJSON', PROPAGATION_LIMIT_MS, async () => {
      const answer = await get(proxy, layerPath);
      return answer.etag !== before.layer.etag ? answer : undefined;
    });
    expect(geoJsonStage(layer.body, CLUSTER)).toBe('building');
    const tile = await until('nginx serving the new tile', PROPAGATION_LIMIT_MS, async () => {
      const answer = await get(proxy, tilePath);
      return answer.etag !== before.tile.etag ? answer : undefined;
    });
    expect(tileStage(tile.body, CLUSTER)).toBe('building');
    const seenThroughNginx = performance.now() - written;
    console.info(
      `[scale-out] edit on A: served by B after ${Math.round(seenByB)} ms, through nginx (GeoJSON and tile) after ${Math.round(seenThroughNginx)} ms`,
    );
    // Once changed, the new copies are what nginx keeps.
    expect((await get(proxy, tilePath)).etag).toBe(tile.etag);
  });

  test('a write through nginx: sign-in and PATCH pass the same-origin and CSRF checks behind the proxy', async () => {
    const origin = proxy;
    const login = await fetch(`${proxy}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin },
      body: JSON.stringify({ username: 'lan', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    expect(login.headers.get('x-cache-status') ?? '').toBe('');
    const cookie = login.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const { csrfToken } = SessionInfo.parse(await login.json());
    const before = await get(proxy, layerPath);
    const etag = (await get(proxy, `/api/clusters/${CLUSTER}`, { Cookie: cookie })).etag;
    const write = (from: string) =>
      fetch(`${proxy}/api/clusters/${CLUSTER}`, {
        method: 'PATCH',
        headers: {
          'Content-Type': 'application/json',
          Origin: from,
          Cookie: cookie,
          'X-CSRF-Token': csrfToken ?? '',
          'If-Match': etag,
        },
        body: JSON.stringify({ stage: 'operating', source }),
      });
    // Another site is still refused behind the proxy; this one is let through.
    expect((await write('http://evil.example')).status).toBe(403);
    const written = await write(origin);
    expect(written.status, await written.clone().text()).toBe(200);
    expect(written.headers.get('etag')).not.toBe(etag);
    const layer = await until(
      'nginx serving the GeoJSON written through it',
      PROPAGATION_LIMIT_MS,
      async () => {
        const answer = await get(proxy, layerPath);
        return geoJsonStage(answer.body, CLUSTER) === 'operating' ? answer : undefined;
      },
    );
    expect(layer.etag).not.toBe(before.etag);
  });

  test('nginx sent requests to both processes', () => {
    const upstreams = new Set(
      readFileSync(join(nginxPrefix, 'access.log'), 'utf8').match(/upstream=127\.0\.0\.1:\d+/g) ?? [],
    );
    expect([...upstreams].sort()).toEqual([`upstream=${appA.slice(7)}`, `upstream=${appB.slice(7)}`].sort());
  });

  test('with TRUST_PROXY=1 the sign-in throttle counts the address the proxy names, not the proxy', async () => {
    const signIn = (address: string, username: string, password: string) =>
      fetch(`${appA}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
        body: JSON.stringify({ username, password }),
      });
    // Different names, so only the address's count (20 failures) can block.
    let refused = 0;
    for (let attempt = 1; attempt <= 25 && refused === 0; attempt++) {
      const answer = await signIn('203.0.113.7', `khong-co-${attempt}`, 'sai-mat-khau-1234');
      if (answer.status === 429) refused = attempt;
      else expect(answer.status).toBe(401);
    }
    expect(refused).toBe(21);
    expect((await signIn('203.0.113.7', 'lan', PASSWORD)).status).toBe(429);
    // Another client behind the same proxy is not blocked by the first one's failures.
    expect((await signIn('203.0.113.8', 'lan', PASSWORD)).status).toBe(200);
  });
});
