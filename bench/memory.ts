/**
 * `npx tsx bench/memory.ts`: the server's memory with the synthetic national set loaded, against the
 * same server with only the shipped data. The real server (`npx tsx server/main.ts`, PGlite in a
 * temporary DATA_DIR) runs as a child; its Node process (not npx's or tsx's wrapper) is read from
 * /proc: resident set when idle after start, then the peak (VmHWM) after a browsing session: every
 * province's cluster GeoJSON, 200 plot tiles at z13–z15, 50 OGC item pages, a national report.
 * The set is loaded with `npm run national`; BENCH_NATIONAL_DIR=<folder> copies one already loaded
 * (the folder itself is never opened). Writes bench/results/memory-latest.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { loadNote } from './lib/load-note.ts';
import { appProcessUnder, commandLineOf, descendantsOf, type Memory, memoryOf } from './lib/proc.ts';
import { clusterCentre, outerRing, tileOf } from './lib/tile-math.ts';
import { ISSUE_SET, NATIONAL_PROVINCE_PREFIX, type NationalOptions } from './national/dataset.ts';
import { isSmoke, machine, writeResult } from './result.ts';

const smoke = isSmoke();
const options: NationalOptions = smoke ? { seed: 1, clusters: 20, plots: 500, provinces: 2 } : ISSUE_SET;
const TILES = smoke ? 20 : 200;
const OGC_PAGES = smoke ? 5 : 50;
const PAGE_SIZE = 1000;
/** Requests in flight at once, as a browser opens a map. */
const CONCURRENCY = 6;
const root = fileURLToPath(new URL('..', import.meta.url));

const where = machine();
const loadAtStart = os.loadavg();
console.log(
  `Machine: ${where.cores} × ${where.cpu}, ${where.memoryGiB} GiB, Node ${where.node}. ${loadNote(loadAtStart)}`,
);

/** This environment without DATABASE_URL: the server and the loader use PGlite in DATA_DIR. */
function pgliteEnvironment(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  return rest;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** Starts `npx tsx server/main.ts` on `dataDir`; resolves once /healthz answers ok. */
async function startServer(dataDir: string) {
  const port = await freePort();
  const launcher = spawn('npx', ['tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...pgliteEnvironment(),
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    // Pipes, not the terminal: a child process group touching the terminal gets stopped (SIGTTOU).
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  launcher.stdout.on('data', (chunk: Buffer) => process.stdout.write(`  [server] ${chunk}`));
  launcher.stderr.on('data', (chunk: Buffer) => process.stderr.write(`  [server] ${chunk}`));
  const origin = `http://127.0.0.1:${port}`;
  const started = performance.now();
  for (;;) {
    if (launcher.exitCode !== null) throw new Error(`the server exited with ${launcher.exitCode}`);
    const ready = await fetch(`${origin}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (performance.now() - started > 300_000) throw new Error('the server did not start in 5 minutes');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const pid = appProcessUnder(launcher.pid ?? -1, 'server/main.ts');
  if (pid === null) throw new Error('could not find the Node process running server/main.ts');
  const exited = new Promise<void>((resolve) => launcher.once('exit', () => resolve()));
  return {
    origin,
    pid,
    startSeconds: (performance.now() - started) / 1000,
    stop: async () => {
      // main.ts closes the store on SIGTERM; the wrappers above it exit with it.
      const chain = [launcher.pid ?? -1, ...descendantsOf(launcher.pid ?? -1)];
      process.kill(pid, 'SIGTERM');
      const timer = setTimeout(() => {
        for (const each of chain) process.kill(each, 'SIGKILL');
      }, 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs `tasks` with at most `limit` in flight. */
async function inParallel(tasks: (() => Promise<unknown>)[], limit: number) {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]?.();
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

/** GET a path and read the whole body; anything but a 200 stops the bench. */
async function get(origin: string, path: string): Promise<Buffer> {
  const response = await fetch(`${origin}${path}`);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

/**
 * The browsing session, built from what the server holds: every province's clusters (synthetic
 * ones only, when there are), tiles over those clusters' centres and corners at z13–z15, OGC plot
 * pages one after the other, and the national report of the province with the most clusters.
 */
async function browse(origin: string) {
  const { provinces } = JSON.parse((await get(origin, '/api/provinces')).toString()) as {
    provinces: { id: string; clusterCount: number }[];
  };
  const synthetic = provinces.filter((province) => province.id.startsWith(NATIONAL_PROVINCE_PREFIX));
  const asked = synthetic.length > 0 ? synthetic : provinces;
  const layers: FeatureCollection<Polygon | MultiPolygon>[] = [];
  let bytes = 0;
  await inParallel(
    asked.map((province) => async () => {
      const body = await get(origin, `/api/clusters?province=${province.id}`);
      bytes += body.length;
      layers.push(JSON.parse(body.toString()));
    }),
    CONCURRENCY,
  );
  const clusters = layers.flatMap((layer) => layer.features);
  const tiles = new Map<string, string>();
  for (let round = 0; tiles.size < TILES && round < 5; round++) {
    for (const [index, cluster] of clusters.entries()) {
      if (tiles.size >= TILES) break;
      const z = 13 + ((index + round) % 3);
      const [lon, lat] =
        round === 0 ? clusterCentre(cluster) : (outerRing(cluster.geometry)[round - 1] ?? [0, 0]);
      const { x, y } = tileOf(lon ?? 0, lat ?? 0, z);
      tiles.set(`${z}/${x}/${y}`, `/tiles/plots/${z}/${x}/${y}.mvt`);
    }
  }
  const pages = Array.from(
    { length: OGC_PAGES },
    (_, page) => `/ogc/collections/plots/items?limit=${PAGE_SIZE}&offset=${page * PAGE_SIZE}`,
  );
  const biggest = [...asked].sort((a, b) => b.clusterCount - a.clusterCount)[0]?.id ?? '';
  const report = `/api/reports/national-database?province=${biggest}&period=${new Date().getFullYear() - 1}-year`;
  const paths = [...tiles.values(), ...pages, report];
  await inParallel(
    paths.map((path) => async () => {
      bytes += (await get(origin, path)).length;
    }),
    CONCURRENCY,
  );
  return { provinces: asked.length, tiles: tiles.size, ogcPages: pages.length, report, bytes };
}

type Measured = {
  label: string;
  startSeconds: number;
  idle: Memory;
  after: Memory;
  session: Awaited<ReturnType<typeof browse>>;
  commandLine: string;
};

async function measure(label: string, dataDir: string): Promise<Measured> {
  console.log(`\n${label}: starting npx tsx server/main.ts on ${dataDir}…`);
  const server = await startServer(dataDir);
  try {
    const commandLine = commandLineOf(server.pid);
    console.log(
      `  ready in ${server.startSeconds.toFixed(1)} s; the app is pid ${server.pid}: ${commandLine}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const idle = memoryOf(server.pid);
    console.log(
      `  idle: RSS ${idle.rssMiB.toFixed(0)} MiB (peak so far, start-up: ${idle.peakMiB.toFixed(0)} MiB)`,
    );
    const session = await browse(server.origin);
    const after = memoryOf(server.pid);
    console.log(
      `  after ${session.provinces} cluster layers, ${session.tiles} tiles, ${session.ogcPages} OGC pages, 1 report (${(session.bytes / 2 ** 20).toFixed(1)} MiB received): RSS ${after.rssMiB.toFixed(0)} MiB, peak ${after.peakMiB.toFixed(0)} MiB`,
    );
    return { label, startSeconds: server.startSeconds, idle, after, session, commandLine };
  } finally {
    await server.stop();
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'ccn-memory-'));
const results: Measured[] = [];
try {
  // The baseline first: a first start on an empty folder loads the shipped data only.
  const shipped = join(dataDir, 'shipped');
  results.push(await measure('shipped data only (baseline)', shipped));

  const given = process.env.BENCH_NATIONAL_DIR;
  // Loaded into the baseline's folder (now closed): one PGlite initdb fewer.
  const national = given ? join(dataDir, 'national') : shipped;
  if (given) {
    if (existsSync(join(given, 'ccn-atlas.pid'))) {
      throw new Error(`${given} is open in a process (ccn-atlas.pid): stop it before copying the folder`);
    }
    console.log(`\nCopying the national set from ${given} (never opened itself)…`);
    cpSync(given, national, { recursive: true });
  } else {
    console.log(`\nLoading the national set ${JSON.stringify(options)} with npm run national…`);
    const flags = Object.entries(options).flatMap(([name, value]) => [`--${name}`, String(value)]);
    const loaded = spawnSync('npm', ['run', 'national', '--', ...flags], {
      cwd: root,
      env: { ...pgliteEnvironment(), DATA_DIR: national },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (loaded.status !== 0) throw new Error(`npm run national exited with ${loaded.status}`);
  }
  results.push(await measure('national set', national));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

const [baseline, national] = results;
const mib = (value: number) => `${value.toFixed(0)} MiB`;
const table = [
  '| server | started in | idle RSS | peak during start | peak after the session | RSS after |',
  '|---|---|---|---|---|---|',
  ...results.map(
    (row) =>
      `| ${row.label} (${row.session.provinces} cluster layers) | ${row.startSeconds.toFixed(1)} s | ${mib(row.idle.rssMiB)} | ${mib(row.idle.peakMiB)} | **${mib(row.after.peakMiB)}** | ${mib(row.after.rssMiB)} |`,
  ),
].join('\n');
console.log(`\n${table}`);
const extra =
  baseline && national
    ? `The national set adds ${mib(national.idle.rssMiB - baseline.idle.rssMiB)} idle and ${mib(national.after.peakMiB - baseline.after.peakMiB)} at the peak.`
    : '';
console.log(extra);

writeResult({
  bench: 'memory',
  title: 'Server memory with the national set loaded',
  section: [
    `The real server (\`npx tsx server/main.ts\`, PGlite in a temporary DATA_DIR, LOG_LEVEL=warn), measured on its Node process (found under npx and tsx's CLI in /proc, not the wrappers): VmRSS when idle 2 s after /healthz answers, VmHWM (peak resident set) before and after a session of ${CONCURRENCY} requests in flight — every province's cluster GeoJSON (the synthetic provinces when loaded), ${TILES} plot tiles at z13–z15 over the clusters, ${OGC_PAGES} OGC plot pages of ${PAGE_SIZE} (offset paging, as a GIS downloads a layer) and one national report (CSV). Baseline: the same server and session on a first start with the shipped data only; then the synthetic set (${options.clusters.toLocaleString('en')} clusters, ${options.plots.toLocaleString('en')} plots) ${process.env.BENCH_NATIONAL_DIR ? 'copied from a folder loaded before' : 'loaded with `npm run national` into the baseline’s folder'}. PGlite runs inside the Node process, so these numbers include the database; with DATABASE_URL the database's memory would be PostgreSQL's, outside it. ${loadNote(loadAtStart)}`,
    '',
    table,
    '',
    `Read the peak column: what the host must give the app for this data. ${extra} No goal is set; the numbers are for sizing.`,
  ].join('\n'),
  goals: [],
  data: { options, tiles: TILES, ogcPages: OGC_PAGES, concurrency: CONCURRENCY, results },
});
