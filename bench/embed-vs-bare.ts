/**
 * `npm run bench`: the embeddable map against a bare MapLibre page showing the same data.
 * For each page, N cold loads (fresh browser context, no cache), alternating: time from navigation
 * to the first cluster MapLibre has drawn (the page's own clock), and the JavaScript it fetched
 * (gzip and raw). Prints medians, ranges and the embed ÷ bare ratios, and writes them as JSON.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import express from 'express';
import type { Browser } from 'playwright-core';
import { createApp } from '../server/app.ts';
import { openFreshStore, silentLogger } from '../test/api/test-store.ts';
import { launchChromium } from '../test/browser/browser.ts';

const RUNS = 11;
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

type Page = { name: string; path: string; readyCheck: string };
const pages: Page[] = [
  {
    name: 'embed (/embed)',
    path: '/embed?province=khanh-hoa',
    readyCheck:
      "window.__ccnAtlasMap?.getLayer('cluster-points') && window.__ccnAtlasMap.queryRenderedFeatures({ layers: ['cluster-points'] }).length > 0",
  },
  {
    name: 'bare MapLibre',
    path: '/__bench/pages/bare-maplibre.html',
    readyCheck:
      "window.__benchMap?.getLayer('clusters') && window.__benchMap.queryRenderedFeatures({ layers: ['clusters'] }).length > 0",
  },
];

type Sample = { firstClusterMs: number; jsGzipBytes: number; jsRawBytes: number };

async function measure(browser: Browser, origin: string, page: Page): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 700 } });
  const scripts: Promise<{ raw: number; gzip: number }>[] = [];
  context.on('response', (response) => {
    const type = response.request().resourceType();
    const url = response.url();
    if (type === 'script' || url.endsWith('.mjs') || url.endsWith('.js')) {
      scripts.push(
        response.body().then(
          (body) => ({ raw: body.length, gzip: gzipSync(body, { level: 9 }).length }),
          () => ({ raw: 0, gzip: 0 }),
        ),
      );
    }
  });
  const tab = await context.newPage();
  await tab.goto(`${origin}${page.path}`);
  // Poll in the page on every frame; the time is the page's own performance.now() since navigation.
  // A string, so the bundler's helpers never reach the page.
  const firstClusterMs = Number(
    await tab.evaluate(`new Promise((resolve, reject) => {
      const deadline = performance.now() + 60000;
      function poll() {
        if (${page.readyCheck}) resolve(performance.now());
        else if (performance.now() > deadline) reject(new Error('no cluster drawn in 60 s'));
        else requestAnimationFrame(poll);
      }
      poll();
    })`),
  );
  const sizes = await Promise.all(scripts);
  await context.close();
  return {
    firstClusterMs,
    jsRawBytes: sizes.reduce((sum, size) => sum + size.raw, 0),
    jsGzipBytes: sizes.reduce((sum, size) => sum + size.gzip, 0),
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

async function main() {
  const { store, cleanup } = await openFreshStore();
  const outer = express();
  outer.use('/__bench/pages', express.static(here('./pages')));
  outer.use('/__bench/maplibre', express.static(here('../node_modules/maplibre-gl/dist')));
  outer.use(
    createApp({ store: Promise.resolve(store), logger: silentLogger, clientDir: here('../dist/client') }),
  );
  const server = outer.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  const samples = new Map<string, Sample[]>(pages.map((page) => [page.name, []]));
  try {
    for (const page of pages) await measure(browser, origin, page); // warm the server and the OS caches
    for (let run = 0; run < RUNS; run++) {
      for (const page of run % 2 ? [...pages].reverse() : pages)
        samples.get(page.name)?.push(await measure(browser, origin, page));
    }
  } finally {
    await browser.close();
    server.close();
    await cleanup();
  }

  const rows = pages.map((page) => {
    const list = samples.get(page.name) ?? [];
    const times = list.map((sample) => sample.firstClusterMs);
    return {
      page: page.name,
      medianFirstClusterMs: Math.round(median(times)),
      minFirstClusterMs: Math.round(Math.min(...times)),
      maxFirstClusterMs: Math.round(Math.max(...times)),
      jsGzipKB: Math.round(median(list.map((sample) => sample.jsGzipBytes)) / 1024),
      jsRawKB: Math.round(median(list.map((sample) => sample.jsRawBytes)) / 1024),
    };
  });
  const [embed, bare] = rows;
  const machine = `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; ${browser.version()} headless (software GL)`;
  console.log(`\nEmbed vs bare MapLibre — ${RUNS} cold loads each, medians — ${machine}\n`);
  console.table(rows);
  if (embed && bare) {
    console.log(
      `time to first cluster, embed ÷ bare: ${(embed.medianFirstClusterMs / bare.medianFirstClusterMs).toFixed(2)}×`,
    );
    console.log(`JavaScript (gzip), embed ÷ bare:     ${(embed.jsGzipKB / bare.jsGzipKB).toFixed(2)}×`);
  }
  mkdirSync(here('./results'), { recursive: true });
  writeFileSync(
    here('./results/embed-latest.json'),
    `${JSON.stringify({ date: new Date().toISOString(), machine, runs: RUNS, rows }, null, 2)}\n`,
  );
}

await main();
