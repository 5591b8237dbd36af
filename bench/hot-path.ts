/**
 * `npx tsx bench/hot-path.ts`: the cached hot path under load. Two cached answers of the app over the
 * synthetic national set — the cluster GeoJSON of the biggest synthetic province and a z14 plot
 * tile over one of its clusters — against a bare `node:http` server sending the same bytes (same
 * status, headers, gzip body) from memory. autocannon in this process, each server in a child of its
 * own; 50 keep-alive connections, `Accept-Encoding: gzip`, 3 runs each, alternating, after a warm-up.
 * BENCH_PROFILE=1 adds, after the measured runs, one app-only run per target under the CPU profiler
 * and prints where the app's time went. Writes bench/results/hot-path-latest.json.
 */
import { mkdtempSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppChildSetup } from './lib/app-child.ts';
import { alternate, type CannonRun, cannon } from './lib/cannon.ts';
import { capture, headerOf } from './lib/capture.ts';
import { type RunningChild, startChild } from './lib/child-server.ts';
import { type ProfileSummary, printProfile, summariseProfile } from './lib/cpu-profile.ts';
import { loadNote } from './lib/load-note.ts';
import { loadNationalData } from './lib/national-data.ts';
import type { ReplaySetup } from './lib/replay-child.ts';
import { biggestProvince, clusterCentre, tileOf } from './lib/tile-math.ts';
import { ISSUE_SET, type NationalOptions, nationalClusters } from './national/dataset.ts';
import { isSmoke, machine, median, writeResult } from './result.ts';

const smoke = isSmoke();
const profiling = process.env.BENCH_PROFILE === '1';
const options: NationalOptions = smoke ? { seed: 1, clusters: 20, plots: 500, provinces: 2 } : ISSUE_SET;
const CONNECTIONS = 50;
const SECONDS = smoke ? 0.5 : 10;
const WARM_UP_SECONDS = smoke ? 0.3 : 3;
const RUNS = smoke ? 1 : 3;
const HEADERS = { 'Accept-Encoding': 'gzip' };
const GOAL_RATIO = 0.5;
const GOAL_P99_MS = 10;
/**
 * Latency is also measured at a fixed rate every server sustains, a share of what bare node:http
 * managed: at full speed the 50 connections queue in autocannon, which shares the 2 cores, so p99
 * there is the load generator's, the same for any server.
 */
const FIXED_RATE_SHARE = 0.5;

const where = machine();
const loadAtStart = os.loadavg();
console.log(
  `Machine: ${where.cores} × ${where.cpu}, ${where.memoryGiB} GiB, Node ${where.node}. ${loadNote(loadAtStart)}`,
);
console.log(`Loading the synthetic set ${JSON.stringify(options)} into a temporary PGlite…`);
const national = await loadNationalData(options, null);
console.log(`  ${national.plots} plots in ${(national.loadMs / 1000).toFixed(1)} s`);

const { provinceId, clusters } = biggestProvince(nationalClusters(options));
const [firstCluster] = clusters;
if (!firstCluster) throw new Error('the synthetic set has no cluster');
const tile = tileOf(...clusterCentre(firstCluster), 14);
const targets = [
  {
    name: `clusters of ${provinceId} (${clusters.length} clusters)`,
    path: `/api/clusters?province=${provinceId}`,
  },
  { name: `plot tile z14 (${tile.x}/${tile.y})`, path: `/tiles/plots/14/${tile.x}/${tile.y}.mvt` },
];

const setup: AppChildSetup = { dataDir: national.dataDir, national: options };
const app = await startChild(new URL('./lib/app-child.ts', import.meta.url), { setup });
// The first request fills the app's cache; the second is the cached answer the bare server replays.
const captured = [];
for (const target of targets) {
  await capture(app.origin, target.path, HEADERS);
  const answer = await capture(app.origin, target.path, HEADERS);
  if (answer.status !== 200 || headerOf(answer, 'content-encoding') !== 'gzip') {
    throw new Error(`${target.path}: expected a gzipped 200, got ${answer.status}`);
  }
  captured.push(answer);
  console.log(
    `${target.path}: ${answer.body.length} bytes gzipped, ${headerOf(answer, 'content-type')}, ETag ${headerOf(answer, 'etag')}`,
  );
}
const replay = new URL('./lib/replay-child.ts', import.meta.url);
const bare = await startChild(replay, { setup: { server: 'node', answers: captured } satisfies ReplaySetup });
const bareExpress = await startChild(replay, {
  setup: { server: 'express', answers: captured } satisfies ReplaySetup,
});

type Row = {
  target: string;
  path: string;
  bytes: number;
  app: CannonRun[];
  express: CannonRun[];
  bare: CannonRun[];
  /** At a fixed rate (`rate` req/s): the app's and bare's runs. */
  fixed: { rate: number; app: CannonRun[]; bare: CannonRun[] };
};
const rows: Row[] = [];
const profiles: { target: string; path: string; summary: ProfileSummary }[] = [];
try {
  for (const [index, target] of targets.entries()) {
    console.log(`\n${target.name}: ${RUNS} × ${SECONDS} s each, ${CONNECTIONS} connections`);
    const against = (server: RunningChild) => ({
      url: `${server.origin}${target.path}`,
      connections: CONNECTIONS,
      seconds: SECONDS,
      headers: HEADERS,
      serverPid: server.pid,
    });
    const runs = await alternate(
      { app: against(app), express: against(bareExpress), bare: against(bare) },
      RUNS,
      WARM_UP_SECONDS,
      (side, run) =>
        console.log(
          `  ${side.padEnd(7)} ${run.requestsPerSecond.toFixed(0).padStart(6)} req/s, p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms, server CPU ${run.serverCpuMicros?.toFixed(0)} µs/answer (${((run.serverCpuShare ?? 0) * 100).toFixed(0)}% of a core)${run.non2xx + run.errors > 0 ? `, ${run.non2xx} non-2xx, ${run.errors} errors` : ''}`,
        ),
    );
    const rate =
      Math.round((median(runs.bare.map((run) => run.requestsPerSecond)) * FIXED_RATE_SHARE) / 100) * 100;
    console.log(`  at a fixed ${rate} req/s:`);
    const fixed = await alternate(
      { app: { ...against(app), rate }, bare: { ...against(bare), rate } },
      RUNS,
      WARM_UP_SECONDS,
      (side, run) =>
        console.log(
          `  ${side.padEnd(7)} ${run.requestsPerSecond.toFixed(0).padStart(6)} req/s, p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms`,
        ),
    );
    rows.push({
      target: target.name,
      path: target.path,
      bytes: captured[index]?.body.length ?? 0,
      ...runs,
      fixed: { rate, ...fixed },
    });
  }
  if (profiling) {
    const dir = mkdtempSync(join(tmpdir(), 'ccn-hot-path-profile-'));
    for (const [index, target] of targets.entries()) {
      await app.ask({ profile: 'start' }, 'profiling');
      await cannon({
        url: `${app.origin}${target.path}`,
        connections: CONNECTIONS,
        seconds: SECONDS,
        headers: HEADERS,
      });
      const path = await app.ask<string>(
        { profile: 'stop', path: join(dir, `app-${index}.cpuprofile`) },
        'profiled',
      );
      profiles.push({ target: target.name, path, summary: summariseProfile(path) });
    }
  }
} finally {
  await bare.stop();
  await bareExpress.stop();
  await app.stop();
  national.remove();
}

const summary = rows.map((row) => {
  const of = (runs: CannonRun[]) => ({
    rps: median(runs.map((run) => run.requestsPerSecond)),
    p50: median(runs.map((run) => run.p50Ms)),
    p99: median(runs.map((run) => run.p99Ms)),
    cpuMicros: median(runs.map((run) => run.serverCpuMicros ?? Number.NaN)),
  });
  const [appSide, expressSide, bareSide] = [of(row.app), of(row.express), of(row.bare)];
  return {
    ...row,
    appSide,
    expressSide,
    bareSide,
    appFixed: of(row.fixed.app),
    bareFixed: of(row.fixed.bare),
    ratio: appSide.rps / bareSide.rps,
    expressRatio: expressSide.rps / bareSide.rps,
    cpuRatio: bareSide.cpuMicros / appSide.cpuMicros,
  };
});

const table = [
  '| target | gzip bytes | app req/s | bare req/s | **app ÷ bare** | app p50 / p99 | bare p50 / p99 | server CPU per answer: app / bare (bare ÷ app) | empty Express req/s (÷ bare) |',
  '|---|---|---|---|---|---|---|---|---|',
  ...summary.map(
    (row) =>
      `| ${row.target} | ${row.bytes.toLocaleString('en')} | ${row.appSide.rps.toFixed(0)} | ${row.bareSide.rps.toFixed(0)} | **${row.ratio.toFixed(2)}×** | ${row.appSide.p50} / ${row.appSide.p99} ms | ${row.bareSide.p50} / ${row.bareSide.p99} ms | ${row.appSide.cpuMicros.toFixed(0)} / ${row.bareSide.cpuMicros.toFixed(0)} µs (${row.cpuRatio.toFixed(2)}×) | ${row.expressSide.rps.toFixed(0)} (${row.expressRatio.toFixed(2)}×) |`,
  ),
].join('\n');
console.log(`\n${table}`);

const fixedTable = [
  '| target | fixed rate | app p50 / p99 | bare p50 / p99 |',
  '|---|---|---|---|',
  ...summary.map(
    (row) =>
      `| ${row.target} | ${row.fixed.rate} req/s | ${row.appFixed.p50} / **${row.appFixed.p99} ms** | ${row.bareFixed.p50} / ${row.bareFixed.p99} ms |`,
  ),
].join('\n');
console.log(`\n${fixedTable}`);

for (const profile of profiles) {
  printProfile(`the app serving ${profile.target}`, profile.summary);
  console.log(`  (kept in ${profile.path}: open it in Chrome DevTools or speedscope)`);
}

const goals = summary.flatMap((row) => [
  {
    goal: `${row.target}: app ≥ ${GOAL_RATIO}× bare throughput`,
    measured: `${row.ratio.toFixed(2)}× (${row.appSide.rps.toFixed(0)} / ${row.bareSide.rps.toFixed(0)} req/s)`,
    met: row.ratio >= GOAL_RATIO,
  },
  {
    goal: `${row.target}: app p99 < ${GOAL_P99_MS} ms`,
    // At full speed the p99 is the load generator's (bare's beside it shows it): the goal is read
    // at a fixed rate both servers sustain.
    measured: `${row.appFixed.p99} ms at ${row.fixed.rate} req/s (bare ${row.bareFixed.p99} ms); at full speed ${row.appSide.p99} ms (bare ${row.bareSide.p99} ms)`,
    met: row.appFixed.p99 < GOAL_P99_MS,
  },
]);
for (const goal of goals) console.log(`${goal.met ? 'met   ' : 'MISSED'} ${goal.goal}: ${goal.measured}`);

writeResult({
  bench: 'hot-path',
  title: 'Cached hot path against bare node:http',
  section: [
    `The synthetic national set (${options.clusters.toLocaleString('en')} clusters, ${options.plots.toLocaleString('en')} plots) on PGlite. Each answer is fetched once to fill the app's cache; then autocannon (${CONNECTIONS} keep-alive connections, \`Accept-Encoding: gzip\`, ${SECONDS} s per run, median of ${RUNS} runs, the servers alternating after a ${WARM_UP_SECONDS} s warm-up) asks the real app as main.ts serves it (\`createAtlasServer\`: the front door that replays cached public answers, server/front-door.ts, then \`createApp\` with every middleware; request logs off) and a bare \`node:http\` server replaying the app's exact answer from a Map: same status, headers (Content-Encoding gzip, ETag, Content-Type, Cache-Control…) and gzip bytes. A third server, an empty Express 5 app replaying the same bytes from its only middleware, shows what Express itself costs. All run alike, each in a child process of its own, with autocannon in the parent: on ${where.cores} cores the load generator needs a core too, and no server shares its event loop with it. ${loadNote(loadAtStart)}`,
    '',
    table,
    '',
    `Latency at a fixed rate, ${FIXED_RATE_SHARE * 100}% of bare node:http's throughput (rounded to 100 req/s), the same 50 connections, ${RUNS} runs each, alternating: what a reader waits for when the server is busy but not saturated (at full speed the connections queue in autocannon, which shares the 2 cores, so p99 there is the load generator's).`,
    '',
    fixedTable,
    '',
    'Read **app ÷ bare**: the share of a do-nothing server’s throughput the app keeps on an answer it already holds (1.0× would mean routing, middleware and the cache lookup cost nothing). The CPU column is each server’s own CPU time per answer (from /proc): with large bodies autocannon, not the bare server, runs out of CPU first, so there the throughput ratio flatters the app and the CPU ratio is the fairer one. The empty-Express column is the ceiling for anything served through Express. With 50 connections, latency ≈ 50 ÷ throughput (Little’s law), so p99 < 10 ms needs well over 5,000 req/s. Latencies have 1 ms resolution. The cached path never touches the database, so it is measured on PGlite only. Design note: an empty Express 5 app keeps only ~0.3–0.4× of bare node:http (its request/response objects and router cost more than writing the bytes), so the app’s cached public answers are written by a front door before Express (server/front-door.ts), with the headers Express sent the first time, until the data version changes; requests with a cookie, credentials or a range always reach Express.',
  ].join('\n'),
  goals,
  data: {
    options,
    connections: CONNECTIONS,
    seconds: SECONDS,
    runs: RUNS,
    rows: summary,
    loadAverage: { atStart: loadAtStart, atEnd: os.loadavg() },
    profiles: profiles.map(({ target, summary }) => ({ target, ...summary })),
  },
});
