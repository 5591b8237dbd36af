/**
 * `npx tsx bench/import.ts`: importing the national set's 100,000 plots from one GeoJSON file, as
 * `npm run plots -- import file.geojson --source <id> --commit` does it (the same functions,
 * in-process), against GDAL's ogr2ogr loading the same file into the same PostgreSQL database.
 * Goal: ≤ 1.5× ogr2ogr's time. Median of 3 runs each, alternating, each into a fresh table.
 * The comparison needs DATABASE_URL (PostgreSQL + PostGIS); on PGlite our time is given alone.
 * BENCH_SMOKE=1: 500 plots, one run each.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { importPlots } from '../server/plots/import-plots.ts';
import { readPlotImport } from '../server/plots/read-plot-import.ts';
import type { AtlasStore } from '../server/store/store.ts';
import { openFreshStore } from '../test/api/test-store.ts';
import { clientCpuMs, postgresCpuReader } from './lib/cpu-time.ts';
import { loadNote } from './lib/load-note.ts';
import {
  ISSUE_SET,
  NATIONAL_SOURCE_ID,
  type NationalOptions,
  nationalBundle,
  nationalClusters,
  nationalPlots,
} from './national/dataset.ts';
import { isSmoke, median, writeResult } from './result.ts';

const smoke = isSmoke();
const options: NationalOptions = smoke ? { seed: 2026, clusters: 40, plots: 500, provinces: 20 } : ISSUE_SET;
const RUNS = smoke ? 1 : 3;
const GOAL_RATIO = 1.5;
const databaseUrl = process.env.DATABASE_URL || null;
const OGR2OGR = process.env.OGR2OGR ?? '/usr/bin/ogr2ogr';

/** The national set's plots as a planner's import file: RFC 7946, the properties the importer reads. */
function writeImportFile(path: string): number {
  const features = [];
  for (const batch of nationalPlots(nationalClusters(options), options)) {
    for (const plot of batch) {
      features.push({
        type: 'Feature',
        properties: {
          id: plot.properties.id,
          cluster: plot.properties.clusterId,
          label: plot.properties.label,
          status: plot.properties.status,
        },
        geometry: plot.geometry,
      });
    }
  }
  writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features }));
  return features.length;
}

/** libpq's keyword form of DATABASE_URL for GDAL's `PG:` (the password goes by PGPASSWORD). */
function gdalConnection(url: string): { dsn: string; password: string | undefined } {
  const parsed = new URL(url);
  const words = [
    `host=${parsed.hostname}`,
    `port=${parsed.port || '5432'}`,
    `dbname=${decodeURIComponent(parsed.pathname.slice(1))}`,
    ...(parsed.username ? [`user=${decodeURIComponent(parsed.username)}`] : []),
  ];
  return {
    dsn: `PG:${words.join(' ')}`,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
  };
}

async function sqlValue<T>(url: string, text: string): Promise<T | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(text);
    return result.rows[0]?.value as T | undefined;
  } finally {
    await client.end();
  }
}

/** Wall time, and CPU time of the client (Node, or ogr2ogr) and of the PostgreSQL server. */
type Sample = { ms: number; clientCpuMs: number; serverCpuMs: number | null };
type OursSample = Sample & { readMs: number };

/** Times `work` on the wall clock and in CPU, the server's when it can be read (a local server). */
async function timed(serverCpu: (() => number) | null, work: () => Promise<void> | void): Promise<Sample> {
  const [client, server, started] = [clientCpuMs(), serverCpu?.(), performance.now()];
  await work();
  const ms = performance.now() - started;
  const serverAfter = serverCpu?.();
  return {
    ms,
    clientCpuMs: clientCpuMs() - client,
    serverCpuMs: server === undefined || serverAfter === undefined ? null : serverAfter - server,
  };
}

/**
 * Our import, timed end to end as the CLI does it: read the file, parse and check it, match the
 * clusters, then one transaction that checks every geometry with PostGIS, measures the areas and
 * writes each plot with its audit row. Into a fresh store holding the national clusters, no plots.
 */
async function runOurs(file: string, expected: number): Promise<OursSample> {
  const { store, cleanup } = await openFreshStore({ geodata: nationalBundle(options), databaseUrl });
  try {
    const serverCpu = databaseUrl ? await postgresCpuReader(databaseUrl) : null;
    let inserted = 0;
    const sample = await timed(serverCpu, async () => {
      const result = await importPlots(store, readFileSync(file, 'utf8'), {
        sourceId: NATIONAL_SOURCE_ID,
        asOf: null,
        dryRun: false,
        actor: null,
      });
      inserted = result.inserted;
    });
    await checkOurs(store, inserted, expected);
    // Where the time goes: the same file read and checked again, without the database writes.
    const readStarted = performance.now();
    const clusters = (await store.listClusters({})).features.map((feature) => feature.properties);
    readPlotImport(readFileSync(file, 'utf8'), { clusters, sourceId: NATIONAL_SOURCE_ID, asOf: null });
    return { ...sample, readMs: performance.now() - readStarted };
  } finally {
    await cleanup();
  }
}

async function checkOurs(store: AtlasStore, inserted: number, expected: number) {
  const listed = await store.listPlots({ sort: 'label', limit: 1, offset: 0 });
  const [first] = listed.plots;
  const history = first ? await store.plotHistory(first.properties.id) : [];
  if (inserted !== expected || listed.numberMatched !== expected || history[0]?.action !== 'import') {
    throw new Error(
      `our import wrote ${inserted}/${listed.numberMatched} plots of ${expected}, or no audit row`,
    );
  }
  if (databaseUrl) {
    const audited = await sqlValue<number>(
      databaseUrl,
      "select count(*)::int as value from audit_log where entity = 'plot' and action = 'import'",
    );
    if (audited !== expected) throw new Error(`${audited} audit rows for ${expected} plots`);
  }
}

/** ogr2ogr into a fresh table of the same database, as a GIS person would load the file. */
async function runOgr(url: string, file: string, expected: number): Promise<Sample> {
  await sqlValue(url, 'create extension if not exists postgis');
  await sqlValue(url, 'drop table if exists plots_ogr');
  const { dsn, password } = gdalConnection(url);
  const args = ['-f', 'PostgreSQL', dsn, file, '-nln', 'plots_ogr'];
  args.push('-lco', 'GEOMETRY_NAME=geom', '-lco', 'SPATIAL_INDEX=GIST');
  const serverCpu = await postgresCpuReader(url);
  const sample = await timed(serverCpu, () => {
    const run = spawnSync(OGR2OGR, args, {
      env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`ogr2ogr failed (${run.status}): ${run.stderr}`);
  });
  const loaded = await sqlValue<number>(url, 'select count(*)::int as value from plots_ogr');
  if (loaded !== expected) throw new Error(`ogr2ogr loaded ${loaded} of ${expected} plots`);
  await sqlValue(url, 'drop table plots_ogr');
  return sample;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const range = (values: number[]) => `${seconds(Math.min(...values))} – ${seconds(Math.max(...values))}`;

/** Medians of a side's runs: wall time, and CPU of the client and of the server. */
function summary(samples: readonly Sample[]) {
  const servers = samples.map((sample) => sample.serverCpuMs);
  return {
    ms: median(samples.map((sample) => sample.ms)),
    range: range(samples.map((sample) => sample.ms)),
    clientCpuMs: median(samples.map((sample) => sample.clientCpuMs)),
    serverCpuMs: servers.every((value) => value !== null) ? median(servers as number[]) : null,
  };
}

const cpuText = (side: ReturnType<typeof summary>) =>
  side.serverCpuMs === null
    ? `${seconds(side.clientCpuMs)} (client)`
    : `${seconds(side.clientCpuMs + side.serverCpuMs)} (${seconds(side.clientCpuMs)} + ${seconds(side.serverCpuMs)})`;

async function main() {
  const load = loadNote();
  const folder = mkdtempSync(join(tmpdir(), 'ccn-bench-import-'));
  const file = join(folder, 'plots.geojson');
  try {
    const plots = writeImportFile(file);
    const sizeMB = statSync(file).size / 2 ** 20;
    const ogrAvailable = existsSync(OGR2OGR);
    const compare = databaseUrl !== null && ogrAvailable;
    const database = databaseUrl ? 'PostgreSQL' : 'PGlite';
    console.log(`Import of ${plots} plots (${sizeMB.toFixed(1)} MB of GeoJSON) into ${database}. ${load}`);
    if (!databaseUrl) {
      console.log(
        'No DATABASE_URL: the ogr2ogr comparison needs PostgreSQL + PostGIS; our import alone, on PGlite.',
      );
    } else if (!ogrAvailable) {
      console.log(`No ${OGR2OGR} (Debian's gdal-bin): our import alone.`);
    }

    const ours: OursSample[] = [];
    const ogr: Sample[] = [];
    for (let run = 0; run < RUNS; run++) {
      for (const which of run % 2 === 0 ? ['ours', 'ogr'] : ['ogr', 'ours']) {
        if (which === 'ours') {
          const sample = await runOurs(file, plots);
          ours.push(sample);
          console.log(
            `run ${run + 1}: ccn-atlas ${seconds(sample.ms)} (of which reading the file ${seconds(sample.readMs)})`,
          );
        } else if (compare && databaseUrl) {
          const sample = await runOgr(databaseUrl, file, plots);
          ogr.push(sample);
          console.log(`run ${run + 1}: ogr2ogr   ${seconds(sample.ms)}`);
        }
      }
    }

    const our = summary(ours);
    const readMs = median(ours.map((sample) => sample.readMs));
    const baseline = ogr.length > 0 ? summary(ogr) : null;
    const ratio = baseline ? our.ms / baseline.ms : null;
    const cpuRatio =
      baseline && our.serverCpuMs !== null && baseline.serverCpuMs !== null
        ? (our.clientCpuMs + our.serverCpuMs) / (baseline.clientCpuMs + baseline.serverCpuMs)
        : null;
    const ratioText = (value: number | null) => (value === null ? '—' : `${value.toFixed(2)}×`);
    const rows = [
      `| ccn-atlas \`plots import\` → ${database} | ${seconds(our.ms)} | ${our.range} | ${ratioText(ratio)} | ${cpuText(our)} | ${ratioText(cpuRatio)} |`,
      ...(baseline
        ? [
            `| ogr2ogr → PostgreSQL (baseline) | ${seconds(baseline.ms)} | ${baseline.range} | 1.00× | ${cpuText(baseline)} | 1.00× |`,
          ]
        : []),
    ];
    console.log(
      `\nmedian of ${RUNS}: ours ${seconds(our.ms)}, CPU ${cpuText(our)}` +
        (baseline
          ? `; ogr2ogr ${seconds(baseline.ms)}, CPU ${cpuText(baseline)}; ratio ${ratioText(ratio)} (CPU ${ratioText(cpuRatio)})`
          : ''),
    );

    const section = [
      `${plots.toLocaleString('en')} plots of the synthetic national set in one GeoJSON file (${sizeMB.toFixed(1)} MB,`,
      'RFC 7946; properties `id`, `cluster`, `label`, `status`), imported into a store holding the',
      'national clusters and no plots. **Ours** is timed end to end as `npm run plots -- import file',
      '--source <id> --commit` does it, in-process: read the file, parse and check it, match each plot to',
      'its cluster, then one transaction that measures each area (GeographicLib, or the VN-2000 plane of',
      "the province), inserts the plots in batches (PostGIS's `ST_IsValid` check on every geometry, two",
      'foreign keys, four indexes; an upsert for plots that replace one) and writes one audit row per plot',
      'with its record and geometry (three more indexes). **ogr2ogr** (GDAL 3.6) loads the',
      'same file into a new table of the same database, as a GIS person would:',
      '`ogr2ogr -f PostgreSQL PG:… plots.geojson -nln plots_ogr -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=GIST`',
      '(COPY; no validity check, no areas, no audit rows, no foreign keys, the spatial index built after',
      `the load). Each run starts from a fresh database (ours) or a dropped table (ogr2ogr); ${RUNS} run(s)`,
      'each, alternating.',
      '',
      '| | wall, median | min – max | ÷ ogr2ogr | CPU: client + PostgreSQL | ÷ ogr2ogr |',
      '|---|---|---|---|---|---|',
      ...rows,
      '',
      'CPU is what the run itself spent (this process or ogr2ogr, and the PostgreSQL server, from /proc):',
      'on a shared machine it moves less than the wall clock. Reading and checking the file in Node',
      `(JSON.parse, structure, schema, cluster match) takes ${seconds(readMs)} of our median; the rest is the transaction.`,
      ...(baseline
        ? []
        : [
            databaseUrl
              ? `ogr2ogr was not found at ${OGR2OGR}: no comparison.`
              : 'No DATABASE_URL: ogr2ogr needs a PostgreSQL server, so this run gives our time on PGlite alone.',
          ]),
      '',
      load,
    ].join('\n');

    writeResult({
      bench: 'import',
      title: `Import of ${plots.toLocaleString('en')} plots from GeoJSON against ogr2ogr`,
      section,
      goals: [
        {
          goal: `import of ${plots.toLocaleString('en')} plots from GeoJSON ≤ ${GOAL_RATIO}× ogr2ogr's time`,
          measured:
            ratio === null
              ? `not compared (${databaseUrl ? 'no ogr2ogr' : 'no DATABASE_URL'}); ours ${seconds(our.ms)} on ${database}`
              : `${ratioText(ratio)} (ours ${seconds(our.ms)}, ogr2ogr ${seconds(baseline?.ms ?? 0)}); CPU ${ratioText(cpuRatio)}`,
          met: ratio !== null && ratio <= GOAL_RATIO,
        },
      ],
      data: { plots, sizeMB, database, runs: RUNS, ours, ogr, readMs, ratio, cpuRatio },
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
