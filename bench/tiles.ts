/**
 * `npm run bench:tiles`: vector tiles over 100,000 plots. On PGlite (tiles encoded in Node) and, when
 * DATABASE_URL names a PostgreSQL + PostGIS server, on that server with ST_AsMVT, the baseline, in
 * the same run on the same synthetic data: cold encode time per zoom (median, p95), tile bytes,
 * and a cached tile through HTTP (median latency). Writes bench/results/tiles-latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { createApp } from '../server/app.ts';
import { layoutCluster } from '../server/plots/layout-cluster.ts';
import type { AtlasStore } from '../server/store/store.ts';
import { openFreshStore, silentLogger } from '../test/api/test-store.ts';
import { benchBundle, syntheticClusters } from './synthetic-plots.ts';

const [COLUMNS, ROWS] = [12, 12];
const LAYOUT = { plotWidthM: 20, plotDepthM: 30, roadWidthM: 8 };
const ZOOMS = [12, 13, 14, 15, 16];
const TILES_PER_ZOOM = 25;

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};
const tileOf = (lon: number, lat: number, z: number) => {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const radians = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2) * n);
  return { x, y };
};

/** Tiles over cluster centres and corners, the same list for every store. */
function sampleTiles(z: number) {
  const clusters = syntheticClusters(COLUMNS, ROWS);
  const tiles = new Map<string, { z: number; x: number; y: number }>();
  for (let index = 0; tiles.size < TILES_PER_ZOOM && index < clusters.length * 4; index++) {
    const cluster = clusters[(index * 37) % clusters.length];
    const ring = cluster?.geometry.type === 'Polygon' ? cluster.geometry.coordinates[0] : undefined;
    const [lon = 0, lat = 0] = ring?.[index % 4] ?? [];
    const { x, y } = tileOf(lon + 0.004 * ((index >> 2) % 2), lat + 0.004, z);
    tiles.set(`${z}/${x}/${y}`, { z, x, y });
  }
  return [...tiles.values()];
}

async function fill(store: AtlasStore) {
  const started = performance.now();
  let plots = 0;
  for (const cluster of syntheticClusters(COLUMNS, ROWS)) {
    plots += (await layoutCluster(store, cluster.properties.id, LAYOUT, { actor: null })).plotCount;
  }
  return { plots, seconds: (performance.now() - started) / 1000 };
}

async function measureStore(label: string, databaseUrl: string | undefined) {
  const { store, cleanup } = await openFreshStore({
    geodata: benchBundle(COLUMNS, ROWS),
    databaseUrl: databaseUrl ?? null,
  });
  try {
    const loaded = await fill(store);
    console.log(
      `${label}: ${loaded.plots} synthetic plots laid out and stored in ${loaded.seconds.toFixed(1)} s`,
    );
    const byZoom = [];
    for (const z of ZOOMS) {
      const times: number[] = [];
      const bytes: number[] = [];
      for (const { x, y } of sampleTiles(z)) {
        const started = performance.now();
        const tile = await store.tiles.encodeTile('plots', z, x, y);
        times.push(performance.now() - started);
        bytes.push(tile.length);
      }
      byZoom.push({
        z,
        tiles: times.length,
        medianMs: quantile(times, 0.5),
        p95Ms: quantile(times, 0.95),
        medianBytes: quantile(bytes, 0.5),
        maxBytes: Math.max(...bytes),
      });
    }
    const cached = await cachedLatency(store);
    return { label, plots: loaded.plots, loadSeconds: loaded.seconds, byZoom, cached };
  } finally {
    await cleanup();
  }
}

/** Median latency of a cached z14 tile through the real app over HTTP, after one warming request. */
async function cachedLatency(store: AtlasStore) {
  const app = createApp({ store: Promise.resolve(store), logger: silentLogger });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const [tile] = sampleTiles(14);
  const url = `http://127.0.0.1:${port}/tiles/plots/14/${tile?.x}/${tile?.y}.mvt`;
  const coldStarted = performance.now();
  await (await fetch(url)).arrayBuffer();
  const coldMs = performance.now() - coldStarted;
  const times: number[] = [];
  for (let index = 0; index < 200; index++) {
    const started = performance.now();
    await (await fetch(url, { headers: { 'Accept-Encoding': 'gzip' } })).arrayBuffer();
    times.push(performance.now() - started);
  }
  await new Promise((resolve) => server.close(resolve));
  return { coldMs, medianMs: quantile(times, 0.5), p99Ms: quantile(times, 0.99) };
}

const serverUrl = process.env.DATABASE_URL;
const results = [await measureStore('PGlite (Node encoder)', undefined)];
if (serverUrl) results.push(await measureStore('PostgreSQL (ST_AsMVT)', serverUrl));
else console.log('No DATABASE_URL: the ST_AsMVT baseline is skipped (see bench/README.md).');

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`\nPlot tiles, cold encode (machine: ${machine})`);
console.log(`zoom | ${results.map((r) => `${r.label}: median / p95 ms, median KB`).join(' | ')}`);
for (const [index, z] of ZOOMS.entries()) {
  const cells = results.map((r) => {
    const row = r.byZoom[index];
    return row
      ? `${row.medianMs.toFixed(1)} / ${row.p95Ms.toFixed(1)} ms, ${(row.medianBytes / 1024).toFixed(1)} KB`
      : '';
  });
  const ratio =
    results.length === 2 && results[0]?.byZoom[index] && results[1]?.byZoom[index]
      ? ` | PGlite ÷ ST_AsMVT: ${(results[0].byZoom[index].medianMs / results[1].byZoom[index].medianMs).toFixed(2)}× time, ${(results[0].byZoom[index].medianBytes / results[1].byZoom[index].medianBytes).toFixed(2)}× bytes`
      : '';
  console.log(`z${z} | ${cells.join(' | ')}${ratio}`);
}
for (const r of results) {
  console.log(
    `${r.label}: cached z14 tile over HTTP median ${r.cached.medianMs.toFixed(2)} ms, p99 ${r.cached.p99Ms.toFixed(2)} ms (first, uncached: ${r.cached.coldMs.toFixed(1)} ms)`,
  );
}
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./results/tiles-latest.json', import.meta.url),
  `${JSON.stringify({ machine, layout: LAYOUT, results }, null, 2)}\n`,
);
