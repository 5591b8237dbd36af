/**
 * `npx tsx bench/first-map.ts` (after `npm run build`): the first map in headless Chromium, cold
 * cache, CPU slowed 4×: the time from navigation to the first cluster drawn, for the planner's app
 * (`/?province=…`) and the embed (`/embed?province=…`), against a bare MapLibre page showing the
 * same data (bench/pages/bare-maplibre.html), and the JavaScript each fetched. Goals: app and embed
 * ≤ 1.5× bare; the embed's JavaScript ≤ 500 KB gzip. The data: the synthetic national set's
 * province with the most clusters. BENCH_SMOKE=1: one cold load each.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/browser/browser.ts';
import { coldLoad, type LoadSample, type MapPage, startBenchServer } from './lib/first-map.ts';
import { loadNote } from './lib/load-note.ts';
import { ISSUE_SET, type NationalOptions, nationalBundle, nationalClusters } from './national/dataset.ts';
import { openNationalStore } from './national/load.ts';
import { isSmoke, median, writeResult } from './result.ts';

const smoke = isSmoke();
const RUNS = smoke ? 1 : 7;
/** The national set; a tenth of its clusters for a smoke run. */
const SET: NationalOptions = smoke ? { ...ISSUE_SET, clusters: 150 } : ISSUE_SET;
const CPU_SLOWDOWN = 4;
const GOAL_RATIO = 1.5;
const GOAL_EMBED_JS_KB = 500;
const CLUSTER_LAYERS = ['cluster-points', 'cluster-points-unknown', 'cluster-droplets', 'cluster-fill'];

/** The synthetic province with the most clusters, and the view the app opens it at. */
function busiestProvince() {
  const counts = new Map<string, number>();
  for (const cluster of nationalClusters(SET)) {
    const id = cluster.properties.provinceId;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const [id = '', clusters = 0] =
    [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
  const province = nationalBundle(SET).provinces.find((candidate) => candidate.id === id);
  if (!province) throw new Error(`no synthetic province ${id}`);
  return { id, clusters, view: province.view };
}

const kb = (bytes: number) => Math.round(bytes / 1024);

async function main() {
  if (!existsSync(fileURLToPath(new URL('../dist/client/index.html', import.meta.url)))) {
    throw new Error('dist/client is missing: run "npm run build" first');
  }
  const load = loadNote();
  const province = busiestProvince();
  const [lng, lat] = province.view.center;
  const pages: MapPage[] = [
    {
      name: 'app',
      path: `/?province=${province.id}`,
      mapGlobal: '__ccnAtlasMap',
      clusterLayers: CLUSTER_LAYERS,
    },
    {
      name: 'embed',
      path: `/embed?province=${province.id}`,
      mapGlobal: '__ccnAtlasMap',
      clusterLayers: CLUSTER_LAYERS,
    },
    {
      name: 'bare MapLibre',
      path: `/__bench/pages/bare-maplibre.html?province=${province.id}&lng=${lng}&lat=${lat}&zoom=${province.view.zoom}`,
      mapGlobal: '__benchMap',
      clusterLayers: ['clusters'],
    },
  ];
  console.log(
    `First map: ${province.id} (${province.clusters} synthetic clusters), ${RUNS} cold load(s) per page, CPU ÷${CPU_SLOWDOWN}. ${load}`,
  );

  // The app's server on the embedded store (PGlite): the national clusters, no plots.
  const national = await openNationalStore({ ...SET, plots: 0, databaseUrl: null });
  const server = await startBenchServer(national.store);
  let browser: Browser | undefined;
  const samples = new Map<string, LoadSample[]>(pages.map((page) => [page.name, []]));
  try {
    browser = await launchChromium();
    const options = { cpuSlowdown: CPU_SLOWDOWN };
    // Warm the server (its answers and the OS file cache), not the browser: every load is cold.
    if (!smoke) for (const page of pages) await coldLoad(browser, server.origin, page, options);
    for (let run = 0; run < RUNS; run++) {
      // Rotate the order, so no page always goes first or last.
      const order = pages.map((_, index) => pages[(index + run) % pages.length] as MapPage);
      for (const page of order) {
        const sample = await coldLoad(browser, server.origin, page, options);
        samples.get(page.name)?.push(sample);
        console.log(
          `run ${run + 1} ${page.name.padEnd(13)} first cluster ${Math.round(sample.firstClusterMs)} ms ` +
            `(scripts run ${Math.round(sample.scriptsMs)}, map made ${Math.round(sample.mapMs)}), JS ${kb(sample.jsGzipBytes)} KB gzip`,
        );
      }
    }
  } finally {
    await browser?.close();
    await server.close();
    await national.cleanup();
  }

  const rows = pages.map((page) => {
    const list = samples.get(page.name) ?? [];
    const times = list.map((sample) => sample.firstClusterMs);
    return {
      page: page.name,
      path: page.path,
      scriptsMs: Math.round(median(list.map((sample) => sample.scriptsMs))),
      mapMs: Math.round(median(list.map((sample) => sample.mapMs))),
      medianMs: Math.round(median(times)),
      minMs: Math.round(Math.min(...times)),
      maxMs: Math.round(Math.max(...times)),
      jsGzipKB: kb(median(list.map((sample) => sample.jsGzipBytes))),
      jsRawKB: kb(median(list.map((sample) => sample.jsRawBytes))),
      scripts: median(list.map((sample) => sample.scripts)),
    };
  });
  const [app, embed, bare] = rows;
  if (!app || !embed || !bare) throw new Error('a page has no samples');
  const ratio = (row: typeof app) => row.medianMs / bare.medianMs;
  const bytesRatio = (row: typeof app) => row.jsGzipKB / bare.jsGzipKB;
  console.log('');
  console.table(rows.map(({ path, ...row }) => row));
  console.log(
    `time to first cluster ÷ bare: app ${ratio(app).toFixed(2)}×, embed ${ratio(embed).toFixed(2)}×; ` +
      `embed JS ${embed.jsGzipKB} KB gzip`,
  );

  const table = [
    '| page | first cluster, median | min – max | ÷ bare | scripts run | map made | JS gzip | JS raw | ÷ bare (gzip) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.page} (\`${row.path.split('&')[0]}\`) | ${row.medianMs} ms | ${row.minMs} – ${row.maxMs} ms | ` +
        `${ratio(row).toFixed(2)}× | ${row.scriptsMs} ms | ${row.mapMs} ms | ${row.jsGzipKB} KB | ${row.jsRawKB} KB | ` +
        `${bytesRatio(row).toFixed(2)}× |`,
    ),
  ];
  const section = [
    `${province.id}, the synthetic province with the most clusters (${province.clusters}), on the app's`,
    "own basemap, in three pages: the **app** (`/?province=…`, the planner's map with its panels), the",
    '**embed** (`/embed?province=…`, what provincial sites frame) and a **bare MapLibre** page',
    '(bench/pages/bare-maplibre.html: MapLibre alone, the same basemap fills and one circle per',
    "cluster from `/api/clusters`, at the province's view; no framework, no labels, so no fonts).",
    `Each load is cold (a new browser context) in Debian's headless Chromium (software WebGL), 1024×700,`,
    `the page's CPU slowed ${CPU_SLOWDOWN}× (CDP \`Emulation.setCPUThrottlingRate\`); ${RUNS} loads per page, the`,
    'order rotated each round, after one warm-up load each for the server. **First cluster** is the',
    "page's `performance.now()` when `queryRenderedFeatures` first finds a cluster (the app and the",
    'embed: `cluster-points` or the fill layer; bare: its circles), polled every animation frame;',
    '**scripts run** is DOMContentLoaded and **map made** when the MapLibre map first exists (the app',
    'exposes it from construction), both medians, to show where the time goes.',
    "**JS** is every script response (the page, its modules, MapLibre's worker), gzipped at level 9;",
    'KB = 1024 bytes. The server runs in the same process on the embedded store (PGlite).',
    '',
    ...table,
    '',
    'Software WebGL and a shared 2-core machine make absolute times slow and noisy: the ratios,',
    'measured side by side in the same minutes, matter more.',
    '',
    load,
  ].join('\n');
  writeResult({
    bench: 'first-map',
    title: 'First map: the app and the embed against bare MapLibre',
    section,
    goals: [
      {
        goal: `app: time to first cluster ≤ ${GOAL_RATIO}× bare MapLibre (cold, CPU ÷${CPU_SLOWDOWN})`,
        measured: `${ratio(app).toFixed(2)}× (${app.medianMs} ms vs ${bare.medianMs} ms)`,
        met: ratio(app) <= GOAL_RATIO,
      },
      {
        goal: `embed: time to first cluster ≤ ${GOAL_RATIO}× bare MapLibre (cold, CPU ÷${CPU_SLOWDOWN})`,
        measured: `${ratio(embed).toFixed(2)}× (${embed.medianMs} ms vs ${bare.medianMs} ms)`,
        met: ratio(embed) <= GOAL_RATIO,
      },
      {
        goal: `embed: JavaScript ≤ ${GOAL_EMBED_JS_KB} KB gzip`,
        measured: `${embed.jsGzipKB} KB gzip (${embed.jsRawKB} KB raw; bare MapLibre ${bare.jsGzipKB} KB)`,
        met: embed.jsGzipKB <= GOAL_EMBED_JS_KB,
      },
    ],
    data: { province, runs: RUNS, cpuSlowdown: CPU_SLOWDOWN, rows, samples: Object.fromEntries(samples) },
  });
}

await main();
