import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../server/app.ts';
import { maxRequestZoom } from '../../server/tiles/tile-layers.ts';
import { bilingualError, type Harness, listen, openHarness, rawGet } from './hostile-harness.ts';
import { databaseKind, silentLogger } from './test-store.ts';

// Issue 9, item 2: tile coordinates off the grid and path traversal (`../`, `%2e%2e%2f`, `..%2f`,
// `%2e%2e/`, backslashes, double encoding, NUL) on /tiles, /fonts, /basemap, glyph/sprite paths
// and the client's static files. Sent over raw HTTP so the path reaches the server unnormalised.
// Always a 4xx, never a file's contents.

let h: Harness;
let server: Awaited<ReturnType<typeof listen>>;
let root: string;
const SECRET = 'TOP-SECRET-MARKER-4711';

beforeAll(async () => {
  h = await openHarness();
  // A built client of our own, with a secret file next to it (outside the served folder).
  root = mkdtempSync(join(tmpdir(), 'ccn-hostile-paths-'));
  const clientDir = join(root, 'client');
  mkdirSync(join(clientDir, 'assets'), { recursive: true });
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>CCN</title>');
  writeFileSync(join(clientDir, 'embed.html'), '<!doctype html><title>embed</title>');
  writeFileSync(join(clientDir, 'embed.js'), 'void 0;');
  writeFileSync(join(clientDir, 'assets', 'app-abc.js'), 'void 0;');
  writeFileSync(join(root, 'secret.txt'), SECRET);
  const app = createApp({ store: Promise.resolve(h.store), logger: silentLogger, clientDir });
  server = await listen(app);
});
afterAll(async () => {
  await server?.close();
  await h?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** What must never appear in an answer: /etc/passwd, the repository's package.json, the secret. */
function expectNoLeak(body: string, label: string) {
  expect(body, label).not.toMatch(/root:.*:0:0:/);
  expect(body, label).not.toContain('"devDependencies"');
  expect(body, label).not.toContain('"name": "ccn-atlas"');
  expect(body, label).not.toContain(SECRET);
}

const get = (path: string) => rawGet(server.port, path);

describe(`tile coordinates off the grid, on ${databaseKind}`, () => {
  test('the corners of the grid are served (200), so the refusals below are about the numbers', async () => {
    for (const path of [
      '/tiles/clusters/0/0/0.mvt',
      `/tiles/plots/${maxRequestZoom}/${2 ** maxRequestZoom - 1}/${2 ** maxRequestZoom - 1}.mvt`,
    ]) {
      const response = await get(path);
      expect([200, 204], path).toContain(response.status);
    }
  });

  test('z < 0, z > max (23, 24, 25, 99), x or y ≥ 2^z, negatives, decimals, exponents, huge numbers, words: 400, bilingual', async () => {
    const big = '9'.repeat(40);
    const paths = [
      '/tiles/clusters/-1/0/0.mvt',
      `/tiles/clusters/${maxRequestZoom + 1}/0/0.mvt`,
      '/tiles/clusters/24/0/0.mvt',
      '/tiles/clusters/25/0/0.mvt',
      '/tiles/clusters/99/0/0.mvt',
      '/tiles/clusters/0/1/0.mvt',
      '/tiles/clusters/0/0/1.mvt',
      '/tiles/clusters/3/8/0.mvt',
      '/tiles/clusters/3/0/8.mvt',
      '/tiles/clusters/3/-1/0.mvt',
      '/tiles/clusters/3/0/-1.mvt',
      '/tiles/clusters/1.5/0/0.mvt',
      '/tiles/clusters/3/1.0/0.mvt',
      '/tiles/clusters/3/0/0.5.mvt',
      '/tiles/clusters/1e1/0/0.mvt',
      '/tiles/clusters/3/0x1/0.mvt',
      '/tiles/clusters/3/+1/0.mvt',
      '/tiles/clusters/3/%201/0.mvt',
      '/tiles/clusters/3/01/0.mvt',
      '/tiles/clusters/NaN/0/0.mvt',
      '/tiles/clusters/Infinity/0/0.mvt',
      `/tiles/clusters/${big}/0/0.mvt`,
      `/tiles/clusters/3/${big}/0.mvt`,
      `/tiles/clusters/3/0/${big}.mvt`,
      '/tiles/clusters/3/0/0.png',
      '/tiles/clusters/3/0/0',
      '/tiles/clusters/3/0',
      '/tiles/clusters/3/0/0/0.mvt',
      '/tiles/clusters/3/0/0.mvt%00',
    ];
    for (const path of paths) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      const error = bilingualError(JSON.parse(response.body));
      expect(error.code, path).toBe('invalid_tile');
    }
  });

  test('an unknown layer is a 404 naming the layers there are', async () => {
    for (const path of ['/tiles/basemap/0/0/0.mvt', '/tiles/%00/0/0/0.mvt', '/tiles/..json']) {
      const response = await get(path);
      expect([400, 404], path).toContain(response.status);
      bilingualError(JSON.parse(response.body));
    }
  });
});

describe('path traversal on every file-serving path', () => {
  const targets = ['package.json', 'etc/passwd', 'secret.txt'];
  /** `../` written every way a server might decode it, repeated deep enough to reach `/`. */
  const ups = [
    '../',
    '..%2f',
    '..%2F',
    '%2e%2e%2f',
    '%2e%2e/',
    '%2E%2E%2F',
    '..%5c',
    '..\\',
    '%252e%252e%252f',
    '.%2e/',
  ];
  const prefixes = [
    '/tiles/',
    '/tiles/clusters/',
    '/tiles/clusters/0/0/',
    '/fonts/',
    '/fonts/be-vietnam-pro/',
    '/fonts/be-vietnam-pro/files/',
    '/fonts/Be%20Vietnam%20Pro/0-255.pbf/',
    '/glyphs/',
    '/sprites/',
    '/icons/',
    '/basemap/',
    '/assets/',
    '/',
    '/embed/',
    '/ogc/',
    '/api/',
  ];

  test.each(prefixes)('%s + ../ (every encoding) → 4xx, never a file', async (prefix) => {
    for (const up of ups) {
      for (const target of targets) {
        const path = `${prefix}${up.repeat(8)}${target}`;
        const response = await get(path);
        expect(response.status, path).toBeGreaterThanOrEqual(400);
        expect(response.status, path).toBeLessThan(500);
        expectNoLeak(response.body, path);
      }
    }
  });

  test('a NUL byte, an absolute path, a dot-file: 4xx, never a file', async () => {
    const paths = [
      '/fonts/be-vietnam-pro/be-vietnam-pro-latin-400-normal.woff2%00.txt',
      '/basemap/land.geojson%00',
      '/basemap//etc/passwd',
      '/basemap/%2fetc%2fpasswd',
      '/fonts/be-vietnam-pro/%2fetc%2fpasswd',
      '/fonts/be-vietnam-pro/../package.json',
      '/fonts/be-vietnam-pro/../../../package.json',
      '/basemap/.env',
      '/.env',
      '/.git/config',
      '/assets/../../secret.txt',
      '/index.html/../../secret.txt',
    ];
    for (const path of paths) {
      const response = await get(path);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.status, path).toBeLessThan(500);
      expectNoLeak(response.body, path);
    }
  });

  test('the files that are meant to be served still are (the checks above are not blanket refusals)', async () => {
    expect((await get('/basemap/land.geojson')).status).toBe(200);
    expect((await get('/fonts/be-vietnam-pro/be-vietnam-pro-latin-400-normal.woff2')).status).toBe(200);
    expect((await get('/')).status).toBe(200);
    expect((await get('/assets/app-abc.js')).status).toBe(200);
    // Other woff2 families, or the font package's own package.json, are not reachable.
    const fontPackage = await get('/fonts/be-vietnam-pro/../package.json');
    expect(fontPackage.status).toBeGreaterThanOrEqual(400);
  });
});
