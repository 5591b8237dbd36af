/**
 * `npm run bench:tiles`: cold vector tiles z6–z16 over the synthetic national set (1,500 clusters,
 * 100,000 plots; bench/national/dataset.ts). For each zoom, a fixed sample of tiles that hold data
 * (the densest tiles, then tiles spread over the country), both layers where they are drawn
 * (`plots` from z13, its minzoom; below that `clusters` only). Each tile is encoded cold, by the
 * TileSource with no app cache, on:
 *   - PGlite, the embedded store (its PostGIS has no ST_AsMVT: tiles are made in Node);
 *   - PostgreSQL through the app's own path (ST_AsMVT), when DATABASE_URL names a server;
 *   - the baseline: the same ST_AsMVT statement sent raw on a bare connection, no app around it.
 * It prints median and p95 per zoom and layer, bytes against ST_AsMVT's, checks the issue's goals
 * (p95 ≤ 30 ms, bytes within 1.2×), and writes bench/results/tiles-latest.json with `writeResult`.
 * BENCH_SMOKE=1: a tiny set and 3 tiles per zoom, to keep the harness working.
 */
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Position } from 'geojson';
import pg from 'pg';
import type { ClusterFeature } from '../domain/cluster.ts';
import { createApp } from '../server/app.ts';
import { mvtTileQueries } from '../server/sql/tile-queries.ts';
import type { AtlasStore } from '../server/store/store.ts';
import type { FeatureIndex, IndexStats } from '../server/tiles/feature-index.ts';
import { tileBuffer, tileExtent, tileLayers } from '../server/tiles/tile-layers.ts';
import type { TileLayerId } from '../server/tiles/tile-source.ts';
import { silentLogger } from '../test/api/test-store.ts';
import {
  ISSUE_SET,
  NATIONAL_SOURCE_ID,
  type NationalOptions,
  nationalClusters,
  nationalPlots,
} from './national/dataset.ts';
import { openNationalStore } from './national/load.ts';
import { type GoalCheck, isSmoke, median, quantile, writeResult } from './result.ts';

const SMOKE = isSmoke();
const OPTIONS: NationalOptions = SMOKE ? { seed: 1, clusters: 20, plots: 500, provinces: 2 } : ISSUE_SET;
const ZOOMS = [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
const TILES_PER_ZOOM = SMOKE ? 3 : 30;
const GOAL_P95_MS = 30;
const GOAL_BYTES_RATIO = 1.2;

type Tile = { z: number; x: number; y: number };
type Engine = 'pglite' | 'postgresql' | 'baseline';
const engineLabels: Record<Engine, string> = {
  pglite: 'PGlite (Node)',
  postgresql: 'PostgreSQL (app, ST_AsMVT)',
  baseline: 'raw ST_AsMVT (baseline)',
};

/** The tile of zoom `z` holding a lon/lat point (slippy-map numbering). */
function tileOf(lon: number, lat: number, z: number): Tile {
  const n = 2 ** z;
  const radians = (lat * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.asinh(Math.tan(radians)) / Math.PI) / 2) * n);
  return { z, x, y };
}

/** The average of a cluster's outer ring: inside the synthetic rectangles. */
function clusterCentre(cluster: ClusterFeature): [number, number] {
  const { geometry } = cluster;
  const ring: Position[] =
    (geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.coordinates[0]?.[0]) ?? [];
  const open = ring.slice(0, -1);
  let [sumX, sumY] = [0, 0];
  for (const [lon = 0, lat = 0] of open) [sumX, sumY] = [sumX + lon, sumY + lat];
  return [sumX / open.length, sumY / open.length];
}

/**
 * A fixed sample of tiles at zoom `z` over weighted points: the densest tiles first (half the
 * sample), then tiles spread evenly over the points in their given order, until `TILES_PER_ZOOM`.
 */
function sampleTiles(points: readonly [number, number][], z: number): Tile[] {
  const weight = new Map<string, { tile: Tile; count: number; first: number }>();
  for (const [index, [lon, lat]] of points.entries()) {
    const tile = tileOf(lon, lat, z);
    const key = `${tile.x}/${tile.y}`;
    const known = weight.get(key);
    if (known) known.count += 1;
    else weight.set(key, { tile, count: 1, first: index });
  }
  const densest = [...weight.values()].sort((a, b) => b.count - a.count || a.first - b.first);
  const chosen = new Map<string, Tile>();
  for (const { tile } of densest.slice(0, Math.ceil(TILES_PER_ZOOM / 2)))
    chosen.set(`${tile.x}/${tile.y}`, tile);
  const stride = Math.max(1, Math.floor(points.length / TILES_PER_ZOOM));
  for (let index = 0; chosen.size < Math.min(TILES_PER_ZOOM, weight.size); index += stride) {
    const [lon, lat] = points[index % points.length] ?? [0, 0];
    const tile = tileOf(lon, lat, z);
    chosen.set(`${tile.x}/${tile.y}`, tile);
    if (index > points.length * 4) break;
  }
  return [...chosen.values()];
}

/** Plot centroids, cluster by cluster, from the store (the dataset's plots are laid out when loading). */
async function plotCentres(store: AtlasStore): Promise<[number, number][]> {
  const { plots } = await store.listPlots({ sort: 'cluster', limit: 1_000_000, offset: 0 });
  return plots.map((plot) => plot.centroid);
}

type Sample = { ms: number; bytes: number };
type Row = {
  z: number;
  layer: TileLayerId;
  tiles: number;
  byEngine: Partial<Record<Engine, { medianMs: number; p95Ms: number; medianBytes: number }>>;
  /** PGlite bytes ÷ baseline bytes, tile by tile: median and the worst (farthest from 1). */
  bytesRatio: { median: number; worst: number } | null;
  samples: Partial<Record<Engine, Sample[]>>;
};

async function timed(encode: () => Promise<Uint8Array>): Promise<Sample> {
  const started = performance.now();
  const bytes = await encode();
  return { ms: performance.now() - started, bytes: bytes.length };
}

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const heapUsed = () => {
  collectGarbage();
  return process.memoryUsage().heapUsed;
};

/**
 * The PGlite index's first read after the national set is loaded (so many changes that it reads
 * everything again, as after a restart), and the heap it holds then (the growth, garbage collected).
 */
async function measureBuild(index: FeatureIndex) {
  const before = heapUsed();
  const begun = performance.now();
  await index.ready();
  const ms = performance.now() - begun;
  return {
    ms,
    kind: index.lastSync?.kind ?? null,
    features: index.lastSync?.features ?? 0,
    heapMB: (heapUsed() - before) / 2 ** 20,
    held: index.size,
  };
}

type AfterWrite = {
  write: string;
  writeMs: number;
  /** The first tile over the change: the index reads what changed, then cuts the tile. */
  firstTileMs: number;
  /** The same tile once more, the index current: a plain cold tile. */
  nextTileMs: number;
  sync: IndexStats | null;
};

/**
 * On PGlite the first tile after a write pays for bringing the index up to date: for each kind of
 * write, the write, then the z14 plots tile over the first plot, twice.
 */
async function measureWrites(store: AtlasStore, index: FeatureIndex): Promise<AfterWrite[]> {
  const results: AfterWrite[] = [];
  const [first] = (await store.listPlots({ sort: 'cluster', limit: 1, offset: 0 })).plots;
  if (!first) return results;
  const tile = tileOf(first.centroid[0], first.centroid[1], 14);
  const actor = { accountId: 'bench', accountName: 'bench' };
  const after = async (label: string, write: () => Promise<unknown>) => {
    const begun = performance.now();
    await write();
    const writeMs = performance.now() - begun;
    const firstTile = await timed(() => store.tiles.encodeTile('plots', tile.z, tile.x, tile.y));
    const sync = index.lastSync;
    const nextTile = await timed(() => store.tiles.encodeTile('plots', tile.z, tile.x, tile.y));
    results.push({ write: label, writeMs, firstTileMs: firstTile.ms, nextTileMs: nextTile.ms, sync });
  };
  await after('one plot redrawn (moved 1 m)', async () => {
    const plot = await store.getPlot(first.properties.id);
    if (!plot) throw new Error(`no plot ${first.properties.id}`);
    const moved = {
      ...plot.geometry,
      coordinates: plot.geometry.coordinates.map((ring) =>
        ring.map(([lon = 0, lat = 0]) => [lon + 0.00001, lat]),
      ),
    } as typeof plot.geometry;
    const { geometry: _geometry, version, properties } = plot;
    await store.updatePlotBoundary(plot.properties.id, {
      expectedVersion: version,
      geometry: moved,
      next: properties,
      actor,
      sourceId: NATIONAL_SOURCE_ID,
    });
  });
  await after("its cluster edited (its name; the cluster's plots are read again too)", async () => {
    const cluster = await store.getClusterVersioned(first.properties.clusterId);
    if (!cluster) throw new Error(`no cluster ${first.properties.clusterId}`);
    const { properties } = cluster.feature;
    await store.updateCluster(properties.id, {
      expectedVersion: cluster.version,
      next: { ...properties, name: { vi: `${properties.name.vi}*`, en: `${properties.name.en}*` } },
      actor,
      sourceId: NATIONAL_SOURCE_ID,
    });
  });
  const batch = Math.min(5_000, Math.floor(OPTIONS.plots / 2));
  await after(`${batch.toLocaleString('en')} plots imported again (replaced as they were)`, async () => {
    const plots = [];
    for (const cluster of nationalPlots(nationalClusters(OPTIONS), OPTIONS)) {
      plots.push(...cluster);
      if (plots.length >= batch) break;
    }
    await store.savePlots(plots.slice(0, batch), {
      audit: { action: 'import', actor: null, sourceId: null },
    });
  });
  return results;
}

const serverUrl = process.env.DATABASE_URL || null;
const started = performance.now();
const pglite = await openNationalStore({ ...OPTIONS, databaseUrl: null });
console.log(`PGlite: ${pglite.plots} plots loaded in ${(pglite.loadMs / 1000).toFixed(1)} s`);
const index = (pglite.store.tiles as { index?: FeatureIndex | null }).index;
if (!index) throw new Error('the PGlite tile source has no feature index');
const build = await measureBuild(index);
console.log(
  `PGlite tile index: ${build.features} features read in ${build.ms.toFixed(0)} ms, ~${build.heapMB.toFixed(0)} MB of heap`,
);
const server = serverUrl ? await openNationalStore({ ...OPTIONS, databaseUrl: serverUrl }) : null;
if (server) console.log(`PostgreSQL: ${server.plots} plots loaded in ${(server.loadMs / 1000).toFixed(1)} s`);
else console.log('No DATABASE_URL: PostgreSQL and the ST_AsMVT baseline are skipped (see bench/README.md).');
const raw = serverUrl ? new pg.Client({ connectionString: serverUrl }) : null;
await raw?.connect();

const encoders: Partial<Record<Engine, (layer: TileLayerId, tile: Tile) => Promise<Uint8Array>>> = {
  pglite: (layer, { z, x, y }) => pglite.store.tiles.encodeTile(layer, z, x, y),
};
if (server && raw) {
  encoders.postgresql = (layer, { z, x, y }) => server.store.tiles.encodeTile(layer, z, x, y);
  encoders.baseline = async (layer, { z, x, y }) => {
    const result = await raw.query<{ tile: Buffer | null }>(mvtTileQueries[layer], [
      z,
      x,
      y,
      tileExtent,
      tileBuffer,
    ]);
    return result.rows[0]?.tile ?? new Uint8Array(0);
  };
}
const engines = Object.keys(encoders) as Engine[];

const clusterPoints = nationalClusters(OPTIONS).map(clusterCentre);
const plotPoints = await plotCentres(pglite.store);
console.log(
  `${clusterPoints.length} cluster centres, ${plotPoints.length} plot centres to sample tiles over`,
);

// Untimed first, for every engine alike: three tiles of each zoom away from the sample
// (connections, statement plans, the JIT), so the sample measures cold tiles, not a cold process.
for (const engine of engines) {
  for (const z of ZOOMS) {
    const layer = z >= tileLayers.plots.minzoom ? 'plots' : 'clusters';
    const points = layer === 'plots' ? plotPoints : clusterPoints;
    for (const [lon, lat] of points.slice(-3)) await encoders[engine]?.(layer, tileOf(lon, lat, z));
  }
}

const rows: Row[] = [];
for (const z of ZOOMS) {
  const layers = (['clusters', 'plots'] as const).filter((layer) => z >= tileLayers[layer].minzoom);
  for (const layer of layers) {
    const tiles = sampleTiles(layer === 'plots' ? plotPoints : clusterPoints, z);
    const samples: Partial<Record<Engine, Sample[]>> = {};
    for (const tile of tiles) {
      // Engines take turns tile by tile, so a slow minute does not land on one of them only.
      for (const engine of engines) {
        const encode = encoders[engine];
        if (!encode) continue;
        const list = samples[engine] ?? [];
        list.push(await timed(() => encode(layer, tile)));
        samples[engine] = list;
      }
    }
    const byEngine: Row['byEngine'] = {};
    for (const engine of engines) {
      const list = samples[engine] ?? [];
      byEngine[engine] = {
        medianMs: median(list.map((s) => s.ms)),
        p95Ms: quantile(
          list.map((s) => s.ms),
          0.95,
        ),
        medianBytes: median(list.map((s) => s.bytes)),
      };
    }
    const ratios = (samples.pglite ?? []).flatMap((sample, index) => {
      const base = samples.baseline?.[index]?.bytes;
      return base ? [sample.bytes / base] : [];
    });
    const worst = ratios.reduce((far, r) => (Math.abs(Math.log(r)) > Math.abs(Math.log(far)) ? r : far), 1);
    rows.push({
      z,
      layer,
      tiles: tiles.length,
      byEngine,
      bytesRatio: ratios.length > 0 ? { median: median(ratios), worst } : null,
      samples,
    });
    const cells = engines.map((engine) => {
      const e = byEngine[engine];
      return `${engine} ${e?.medianMs.toFixed(1)}/${e?.p95Ms.toFixed(1)} ms ${((e?.medianBytes ?? 0) / 1024).toFixed(1)} KB`;
    });
    console.log(`z${z} ${layer} (${tiles.length} tiles): ${cells.join(' | ')}`);
  }
}

const afterWrites = await measureWrites(pglite.store, index);

/** Median and p99 of a cached tile through the real app over HTTP (the cache the cold numbers skip). */
async function cachedLatency(store: AtlasStore, tile: Tile) {
  const app = createApp({ store: Promise.resolve(store), logger: silentLogger });
  const listening = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => listening.once('listening', resolve));
  const { port } = listening.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/tiles/plots/${tile.z}/${tile.x}/${tile.y}.mvt`;
  await (await fetch(url)).arrayBuffer();
  const times: number[] = [];
  for (let index = 0; index < (SMOKE ? 20 : 200); index++) {
    const begun = performance.now();
    await (await fetch(url, { headers: { 'Accept-Encoding': 'gzip' } })).arrayBuffer();
    times.push(performance.now() - begun);
  }
  await new Promise((resolve) => listening.close(resolve));
  return { medianMs: median(times), p99Ms: quantile(times, 0.99) };
}
const cachedTile = sampleTiles(plotPoints, 14)[0] ?? { z: 14, x: 0, y: 0 };
const cached = {
  pglite: await cachedLatency(pglite.store, cachedTile),
  ...(server ? { postgresql: await cachedLatency(server.store, cachedTile) } : {}),
};

await raw?.end();
await pglite.cleanup();
await server?.cleanup();

// ---- Report ----

const fmt = (ms: number | undefined) => (ms === undefined ? '—' : ms.toFixed(1));
const cell = (row: Row, engine: Engine) => {
  const e = row.byEngine[engine];
  return e ? `${fmt(e.medianMs)} / ${fmt(e.p95Ms)}` : '—';
};
const timeRatio = (row: Row, engine: Engine) => {
  const e = row.byEngine[engine];
  const base = row.byEngine.baseline;
  return e && base ? `${(e.medianMs / base.medianMs).toFixed(2)}×` : '—';
};
const tableLines = [
  '| zoom | layer | tiles | PGlite (Node): median / p95 ms | PostgreSQL app (ST_AsMVT): median / p95 ms | raw ST_AsMVT: median / p95 ms | PGlite ÷ raw | PG app ÷ raw | median KB: PGlite / ST_AsMVT | bytes PGlite ÷ ST_AsMVT: median (worst tile) |',
  '|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map((row) => {
    const kb = (engine: Engine) => {
      const bytes = row.byEngine[engine]?.medianBytes;
      return bytes === undefined ? '—' : (bytes / 1024).toFixed(1);
    };
    const bytes = row.bytesRatio
      ? `${row.bytesRatio.median.toFixed(3)} (${row.bytesRatio.worst.toFixed(3)})`
      : '—';
    return `| ${row.z} | ${row.layer} | ${row.tiles} | ${cell(row, 'pglite')} | ${cell(row, 'postgresql')} | ${cell(row, 'baseline')} | ${timeRatio(row, 'pglite')} | ${timeRatio(row, 'postgresql')} | ${kb('pglite')} / ${kb('baseline')} | ${bytes} |`;
  }),
];

const worstP95 = (engine: Engine) =>
  rows
    .filter((row) => row.byEngine[engine])
    .reduce<Row | null>(
      (worst, row) =>
        !worst || (row.byEngine[engine]?.p95Ms ?? 0) > (worst.byEngine[engine]?.p95Ms ?? 0) ? row : worst,
      null,
    );
const goals: GoalCheck[] = [];
for (const engine of ['pglite', 'postgresql'] as const) {
  const worst = worstP95(engine);
  if (!worst) continue;
  const p95 = worst.byEngine[engine]?.p95Ms ?? Number.NaN;
  const missed = rows.filter((row) => (row.byEngine[engine]?.p95Ms ?? 0) > GOAL_P95_MS);
  goals.push({
    goal: `cold tile p95 ≤ ${GOAL_P95_MS} ms, z6–z16, ${engineLabels[engine]}`,
    measured: `worst p95 ${p95.toFixed(1)} ms (z${worst.z} ${worst.layer})${missed.length > 0 ? `; over the goal: ${missed.map((r) => `z${r.z} ${r.layer}`).join(', ')}` : ''}`,
    met: missed.length === 0,
  });
}
const ratioRows = rows.filter((row) => row.bytesRatio);
if (ratioRows.length > 0) {
  const worst = ratioRows.reduce((far, row) =>
    Math.abs(Math.log(row.bytesRatio?.worst ?? 1)) > Math.abs(Math.log(far.bytesRatio?.worst ?? 1))
      ? row
      : far,
  );
  const ratio = worst.bytesRatio?.worst ?? 1;
  goals.push({
    goal: `tile bytes within ${GOAL_BYTES_RATIO}× of ST_AsMVT's (PGlite's Node tiles, every sampled tile)`,
    measured: `worst tile ${ratio.toFixed(3)}× (z${worst.z} ${worst.layer})`,
    met: ratio <= GOAL_BYTES_RATIO && ratio >= 1 / GOAL_BYTES_RATIO,
  });
}

const cachedLine = Object.entries(cached)
  .map(([engine, c]) => `${engine}: median ${c.medianMs.toFixed(2)} ms, p99 ${c.p99Ms.toFixed(2)} ms`)
  .join('; ');
const section = [
  `Cold vector tiles z6–z16 over the synthetic national set (${OPTIONS.clusters} clusters, ${pglite.plots} plots,`,
  `seed ${OPTIONS.seed}). Per zoom up to ${TILES_PER_ZOOM} tiles that hold data: the densest (by cluster or plot`,
  "centres) and then tiles spread over the country; plots only from z13 (the layer's minzoom; below it the",
  'plots tile is empty by design, so z6–z12 sample the clusters layer only). Each tile is encoded by the',
  'TileSource with no app cache; the three take turns tile by tile. **raw ST_AsMVT** is the baseline: the',
  'same ST_AsMVT statement the PostgreSQL TileSource runs, sent on a bare connection.',
  '',
  ...tableLines,
  '',
  `A cached z14 plot tile through the app over HTTP: ${cachedLine}.`,
  '',
  "**PGlite's tile index** (server/tiles/feature-index.ts): PGlite has no ST_AsMVT and runs SQL on one",
  'thread in WASM, so the features are held in memory in Web Mercator with a grid over them, and a tile',
  "is a lookup, clipping and encoding in Node. Reading the whole set (at a process's start, or when too",
  `much changed): ${build.features.toLocaleString('en')} features in ${(build.ms / 1000).toFixed(1)} s (${build.kind}), ~${build.heapMB.toFixed(0)} MB of heap`,
  `for ${build.held.clusters.toLocaleString('en')} clusters and ${build.held.plots.toLocaleString('en')} plots. After a write, the first tile reads back only what`,
  'the write changed (the `feature_changes` rows the triggers left):',
  '',
  '| write | write ms | first tile after it, ms | of which the index read | features read | the same tile next, ms |',
  '|---|---|---|---|---|---|',
  ...afterWrites.map(
    (w) =>
      `| ${w.write} | ${w.writeMs.toFixed(0)} | ${w.firstTileMs.toFixed(1)} | ${w.sync ? `${w.sync.ms.toFixed(1)} ms (${w.sync.kind})` : '—'} | ${w.sync?.features ?? '—'} | ${w.nextTileMs.toFixed(1)} |`,
  ),
  '',
  `Goals: p95 ≤ ${GOAL_P95_MS} ms; bytes within ${GOAL_BYTES_RATIO}× of ST_AsMVT's (ratio per tile, worst shown).`,
].join('\n');

console.log(`\n${section}`);
for (const goal of goals) console.log(`${goal.met ? '✓' : '✗'} ${goal.goal}: ${goal.measured}`);
writeResult({
  bench: 'tiles',
  title: 'Cold vector tiles z6–z16, PGlite and PostgreSQL against ST_AsMVT',
  section,
  goals,
  data: {
    options: OPTIONS,
    tilesPerZoom: TILES_PER_ZOOM,
    loadSeconds: { pglite: pglite.loadMs / 1000, postgresql: server ? server.loadMs / 1000 : null },
    rows: rows.map(({ samples: _samples, ...row }) => row),
    samples: rows.map((row) => ({ z: row.z, layer: row.layer, samples: row.samples })),
    cached,
    index: { build, afterWrites },
    seconds: (performance.now() - started) / 1000,
  },
});
