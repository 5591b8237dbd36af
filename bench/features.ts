/**
 * `npx tsx bench/features.ts`: OGC API – Features plot pages under load.
 * `GET /ogc/collections/plots/items?bbox=<0.1° box over the densest area>&limit=1000` through the
 * app, against a bare `node:http` + `pg` server running the same SQL on the same PostgreSQL and
 * building the same GeoJSON body (bench/lib/ogc-bare-child.ts). PostgreSQL only: without
 * DATABASE_URL the comparison is skipped and the app is measured alone on PGlite, labelled so.
 * Writes bench/results/features-latest.json.
 */
import { deepStrictEqual } from 'node:assert';
import os from 'node:os';
import { gunzipSync } from 'node:zlib';
import type { AppChildSetup } from './lib/app-child.ts';
import { alternate, type CannonOptions, type CannonRun } from './lib/cannon.ts';
import { capture } from './lib/capture.ts';
import { type RunningChild, startChild } from './lib/child-server.ts';
import { loadNote } from './lib/load-note.ts';
import { loadNationalData } from './lib/national-data.ts';
import { openRawSql } from './lib/raw-sql.ts';
import { ISSUE_SET, type NationalOptions } from './national/dataset.ts';
import { isSmoke, machine, median, writeResult } from './result.ts';

const smoke = isSmoke();
const options: NationalOptions = smoke ? { seed: 1, clusters: 20, plots: 500, provinces: 2 } : ISSUE_SET;
const CONNECTIONS = 10;
const SECONDS = smoke ? 0.5 : 10;
const WARM_UP_SECONDS = smoke ? 0.3 : 3;
const RUNS = smoke ? 1 : 3;
const LIMIT = 1000;
const HEADERS = { 'Accept-Encoding': 'gzip' };
const GOAL_RATIO = 0.6;
/** Distinct boxes per server before one repeats: more than the app's answer cache holds (500). */
const DISTINCT_BOXES = 1000;
const SHIFT_DEGREES = 1e-6;

type Bbox = [number, number, number, number];

const where = machine();
const loadAtStart = os.loadavg();
console.log(
  `Machine: ${where.cores} × ${where.cpu}, ${where.memoryGiB} GiB, Node ${where.node}. ${loadNote(loadAtStart)}`,
);
const databaseUrl = process.env.DATABASE_URL || null;
if (!databaseUrl) {
  console.log(
    'No DATABASE_URL: the bare node:http + pg baseline needs a PostgreSQL + PostGIS server, so it is skipped; the app is measured alone on PGlite (no ratio, no goal).',
  );
}

/** The 0.1° cell (on a 0.1° grid) holding the most plot centroids: the densest area of the set. */
async function densestBox(data: Parameters<typeof openRawSql>[0]): Promise<{ bbox: Bbox; plots: number }> {
  const sql = await openRawSql(data);
  try {
    const [row] = await sql.query<{ gx: number; gy: number; plots: number }>(`
      select floor(ST_X(c) * 10)::int as gx, floor(ST_Y(c) * 10)::int as gy, count(*)::int as plots
      from (select ST_Centroid(geom) as c from plots) as centroids
      group by 1, 2 order by 3 desc, 1, 2 limit 1`);
    if (!row) throw new Error('the store holds no plot');
    return { bbox: [row.gx / 10, row.gy / 10, (row.gx + 1) / 10, (row.gy + 1) / 10], plots: row.plots };
  } finally {
    await sql.close();
  }
}

/**
 * Each request's own box: the densest box shifted east by k × 1e-6° (k = 0…999, then again), so no
 * answer is asked twice within 1,000 requests and the app's cache (500 answers) never serves one.
 */
function boxes(bbox: Bbox) {
  let k = 0;
  return () => {
    const shift = (k++ % DISTINCT_BOXES) * SHIFT_DEGREES;
    const [west, south, east, north] = bbox;
    const text = [west + shift, south, east + shift, north].map((value) => value.toFixed(6)).join(',');
    return `/ogc/collections/plots/items?bbox=${text}&limit=${LIMIT}`;
  };
}

type Page = { features: unknown[]; numberMatched: number; links: { href: string }[]; timeStamp?: string };

/** The page as JSON with what legitimately differs (the time, the server's own origin) taken out. */
async function page(server: RunningChild, path: string): Promise<{ gzipBytes: number; json: Page }> {
  const answer = await capture(server.origin, path, HEADERS);
  if (answer.status !== 200) throw new Error(`${server.origin}${path}: ${answer.status}`);
  const json = JSON.parse(gunzipSync(answer.body).toString('utf8')) as Page;
  json.timeStamp = undefined;
  for (const link of json.links) link.href = link.href.replace(server.origin, '');
  return { gzipBytes: answer.body.length, json };
}

type Measured = {
  database: 'PostgreSQL' | 'PGlite';
  bbox: Bbox;
  plotsInBox: number;
  featuresPerPage: number;
  gzipBytes: number;
  app: CannonRun[];
  bare: CannonRun[] | null;
  sameBody: boolean | null;
};

async function measure(database: 'PostgreSQL' | 'PGlite'): Promise<Measured> {
  const url = database === 'PostgreSQL' ? databaseUrl : null;
  console.log(`\n${database}: loading the synthetic set ${JSON.stringify(options)}…`);
  const data = await loadNationalData(options, url);
  console.log(`  ${data.plots} plots in ${(data.loadMs / 1000).toFixed(1)} s`);
  const densest = await densestBox(data);
  console.log(`  densest 0.1° box ${densest.bbox.join(',')}: ${densest.plots} plot centroids`);
  const children: RunningChild[] = [];
  try {
    const setup: AppChildSetup = { dataDir: data.dataDir, databaseUrl: url, national: options };
    const app = await startChild(new URL('./lib/app-child.ts', import.meta.url), { setup });
    children.push(app);
    const bare = url
      ? await startChild(new URL('./lib/ogc-bare-child.ts', import.meta.url), { setup: { databaseUrl: url } })
      : null;
    if (bare) children.push(bare);

    // Same question to both: the same body (but for the time stamp and each server's origin)?
    const first = boxes(densest.bbox)();
    const fromApp = await page(app, first);
    let sameBody: boolean | null = null;
    if (bare) {
      const fromBare = await page(bare, first);
      try {
        deepStrictEqual(fromBare.json, fromApp.json);
        sameBody = true;
      } catch (error) {
        sameBody = false;
        console.log(`  BODIES DIFFER: ${String(error).slice(0, 600)}`);
      }
      console.log(
        `  one page: app ${fromApp.gzipBytes} B gzipped, bare ${fromBare.gzipBytes} B; same body: ${sameBody}`,
      );
    }
    const target = (server: RunningChild): CannonOptions => ({
      url: `${server.origin}${first}`,
      connections: CONNECTIONS,
      seconds: SECONDS,
      headers: HEADERS,
      nextPath: boxes(densest.bbox),
      serverPid: server.pid,
    });
    const print = (side: string, run: CannonRun) =>
      console.log(
        `  ${side.padEnd(4)} ${run.requestsPerSecond.toFixed(1).padStart(7)} req/s, p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms, Node CPU ${((run.serverCpuMicros ?? 0) / 1000).toFixed(2)} ms/answer${run.non2xx + run.errors > 0 ? `, ${run.non2xx} non-2xx, ${run.errors} errors` : ''}`,
      );
    const runs: { app: CannonRun[]; bare: CannonRun[] | null } = bare
      ? await alternate({ app: target(app), bare: target(bare) }, RUNS, WARM_UP_SECONDS, print)
      : { app: (await alternate({ app: target(app) }, RUNS, WARM_UP_SECONDS, print)).app, bare: null };
    return {
      database,
      bbox: densest.bbox,
      plotsInBox: densest.plots,
      featuresPerPage: fromApp.json.features.length,
      gzipBytes: fromApp.gzipBytes,
      app: runs.app,
      bare: runs.bare,
      sameBody,
    };
  } finally {
    for (const child of children) await child.stop();
    data.remove();
  }
}

const results: Measured[] = [];
if (databaseUrl) results.push(await measure('PostgreSQL'));
else results.push(await measure('PGlite'));

const of = (runs: CannonRun[]) => ({
  rps: median(runs.map((run) => run.requestsPerSecond)),
  p50: median(runs.map((run) => run.p50Ms)),
  p99: median(runs.map((run) => run.p99Ms)),
  cpuMs: median(runs.map((run) => (run.serverCpuMicros ?? Number.NaN) / 1000)),
});
const summary = results.map((result) => {
  const app = of(result.app);
  const bare = result.bare ? of(result.bare) : null;
  return { ...result, appSide: app, bareSide: bare, ratio: bare ? app.rps / bare.rps : null };
});
const table = [
  '| database | features / page (gzip KB) | app req/s | bare req/s | **app ÷ bare** | app p50 / p99 | bare p50 / p99 | Node CPU per answer: app / bare |',
  '|---|---|---|---|---|---|---|---|',
  ...summary.map((row) => {
    const bare = row.bareSide;
    return `| ${row.database}${bare ? '' : ' (app alone, no baseline)'} | ${row.featuresPerPage} (${(row.gzipBytes / 1024).toFixed(0)}) | ${row.appSide.rps.toFixed(1)} | ${bare ? bare.rps.toFixed(1) : '—'} | ${row.ratio === null ? '—' : `**${row.ratio.toFixed(2)}×**`} | ${row.appSide.p50} / ${row.appSide.p99} ms | ${bare ? `${bare.p50} / ${bare.p99} ms` : '—'} | ${row.appSide.cpuMs.toFixed(2)} / ${bare ? `${bare.cpuMs.toFixed(2)} ms` : '—'} |`;
  }),
].join('\n');
console.log(`\n${table}`);

const goals = summary.flatMap((row) =>
  row.ratio === null
    ? []
    : [
        {
          goal: `OGC plot page (bbox, limit ${LIMIT}) on ${row.database}: app ≥ ${GOAL_RATIO}× bare throughput`,
          measured: `${row.ratio.toFixed(2)}× (${row.appSide.rps.toFixed(1)} / ${row.bareSide?.rps.toFixed(1)} req/s)`,
          met: row.ratio >= GOAL_RATIO,
        },
      ],
);
for (const goal of goals) console.log(`${goal.met ? 'met   ' : 'MISSED'} ${goal.goal}: ${goal.measured}`);
if (goals.length === 0) console.log('No goal checked: the baseline needs DATABASE_URL.');

const [measured] = summary;
writeResult({
  bench: 'features',
  title: 'OGC API – Features plot pages against bare node:http + pg',
  section: [
    `The synthetic national set (${options.clusters.toLocaleString('en')} clusters, ${options.plots.toLocaleString('en')} plots). \`GET /ogc/collections/plots/items?bbox=…&limit=${LIMIT}\` over the densest 0.1° box (${measured?.bbox.join(', ')}: ${measured?.plotsInBox} plots, ${measured?.featuresPerPage} per page), through the real app and ${databaseUrl ? 'through a bare `node:http` + `pg` server that runs the same two statements (`ogcSql.countPlots`, `ogcSql.listPlots`, same parameters, same pool size) on the same PostgreSQL, builds the same GeoJSON body by hand and gzips it like the compression middleware' : '**no baseline**: it needs DATABASE_URL (PostgreSQL); this is the app alone on PGlite'}. ${summary.some((row) => row.sameBody) ? 'Both bodies were checked equal (but for timeStamp and origin) before measuring. ' : ''}The app keeps answers in memory (server/routes/ogc.ts), so every request asks a new box — shifted east by k × ${SHIFT_DEGREES}° (k cycles through ${DISTINCT_BOXES}, more than the cache's 500 entries) — and both servers query the database every time. autocannon: ${CONNECTIONS} keep-alive connections (the app's pool has 10), \`Accept-Encoding: gzip\`, ${SECONDS} s per run, median of ${RUNS} runs alternating after a ${WARM_UP_SECONDS} s warm-up; each server in a child process of its own, autocannon in the parent. ${loadNote(loadAtStart)}`,
    '',
    table,
    '',
    'Read **app ÷ bare**: the share of the throughput the same SQL and the same body allow that the app keeps; what it loses is Express, validation (zod on every row), re-parsing and re-serialising each geometry, and the answer cache it fills for nothing here. The CPU column is each Node process’s own CPU time per answer (from /proc); PostgreSQL’s work is the same for both and not in it.',
  ].join('\n'),
  goals,
  data: {
    options,
    connections: CONNECTIONS,
    seconds: SECONDS,
    runs: RUNS,
    results: summary,
    loadAverage: { atStart: loadAtStart, atEnd: os.loadavg() },
  },
});
