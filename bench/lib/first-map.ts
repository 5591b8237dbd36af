/**
 * Cold loads of a map page in headless Chromium: the time from navigation to the first cluster
 * MapLibre has drawn, and the JavaScript the page fetched. Shared by bench/first-map.ts (the app,
 * the embed and a bare MapLibre page) and kept small enough to read at once.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import express from 'express';
import type { Browser } from 'playwright-core';
import { createAtlasServer } from '../../server/atlas-server.ts';
import type { AtlasStore } from '../../server/store/store.ts';
import { silentLogger } from '../../test/api/test-store.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export type MapPage = {
  name: string;
  path: string;
  /** The global the page exposes its MapLibre map as. */
  mapGlobal: '__ccnAtlasMap' | '__benchMap';
  /** Layers that draw a cluster; the first feature rendered in any of them ends the load. */
  clusterLayers: readonly string[];
};

export type LoadSample = {
  /** The page's scripts have run (DOMContentLoaded), ms since navigation. */
  scriptsMs: number;
  /** The MapLibre map exists (first seen by the per-frame poll), ms since navigation. */
  mapMs: number;
  /** The first cluster is drawn, ms since navigation. */
  firstClusterMs: number;
  jsGzipBytes: number;
  jsRawBytes: number;
  scripts: number;
};

/**
 * One cold load: a new browser context (empty cache), the page's CPU slowed `cpuSlowdown` times
 * (CDP `Emulation.setCPUThrottlingRate`), navigation, then a poll on every animation frame until
 * MapLibre answers `queryRenderedFeatures` with a cluster. Times are the page's own
 * `performance.now()`, ms since navigation started: when its scripts had run (DOMContentLoaded),
 * when the map existed, when the first cluster was drawn.
 */
export async function coldLoad(
  browser: Browser,
  origin: string,
  page: MapPage,
  options: { cpuSlowdown: number; viewport?: { width: number; height: number }; timeoutMs?: number },
): Promise<LoadSample> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1024, height: 700 } });
  try {
    const scripts: Promise<{ raw: number; gzip: number }>[] = [];
    context.on('response', (response) => {
      const url = response.url();
      if (response.request().resourceType() === 'script' || /\.m?js(\?|$)/.test(url)) {
        scripts.push(
          response.body().then(
            (body) => ({ raw: body.length, gzip: gzipSync(body, { level: 9 }).length }),
            () => ({ raw: 0, gzip: 0 }),
          ),
        );
      }
    });
    const tab = await context.newPage();
    if (options.cpuSlowdown !== 1) {
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuSlowdown });
    }
    await tab.goto(`${origin}${page.path}`, { waitUntil: 'commit' });
    // A string, so the bundler's helpers never reach the page.
    const layers = JSON.stringify(page.clusterLayers);
    const times = (await tab.evaluate(`new Promise((resolve, reject) => {
        const deadline = performance.now() + ${options.timeoutMs ?? 120_000};
        let mapMs = null;
        function drawn() {
          const map = window.${page.mapGlobal};
          if (!map) return false;
          mapMs ??= performance.now();
          const layers = ${layers}.filter((id) => map.getLayer(id));
          return layers.length > 0 && map.queryRenderedFeatures({ layers }).length > 0;
        }
        function poll() {
          if (drawn()) {
            const [navigation] = performance.getEntriesByType('navigation');
            resolve([navigation?.domContentLoadedEventEnd ?? 0, mapMs, performance.now()]);
          } else if (performance.now() > deadline) reject(new Error('no cluster drawn in time'));
          else requestAnimationFrame(poll);
        }
        poll();
      })`)) as [number, number, number];
    const [scriptsMs, mapMs, firstClusterMs] = times;
    const sizes = await Promise.all(scripts);
    return {
      scriptsMs,
      mapMs,
      firstClusterMs,
      jsRawBytes: sizes.reduce((sum, size) => sum + size.raw, 0),
      jsGzipBytes: sizes.reduce((sum, size) => sum + size.gzip, 0),
      scripts: sizes.length,
    };
  } finally {
    await context.close();
  }
}

/**
 * The real app (built client, API, basemap) on a loopback port, served as deployed: the atlas
 * server (server/atlas-server.ts: the front door that replays cached public answers, then the
 * Express app). A small listener in front sends /__bench/ to an Express app of its own, which serves
 * bench/pages/ at /__bench/pages/ and MapLibre's dist files at /__bench/maplibre/; those routes skip
 * the app's Content-Security-Policy, which would block the bare page's module. Every other request
 * reaches the atlas server's own listener untouched.
 */
export async function startBenchServer(store: AtlasStore) {
  const bench = express();
  bench.use('/__bench/pages', express.static(here('../pages')));
  bench.use('/__bench/maplibre', express.static(here('../../node_modules/maplibre-gl/dist')));
  const { server } = createAtlasServer({
    store: Promise.resolve(store),
    logger: silentLogger,
    clientDir: here('../../dist/client'),
  });
  const [atlas] = server.listeners('request') as RequestListener[];
  if (!atlas) throw new Error('the atlas server has no request listener');
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (request.url?.startsWith('/__bench/')) bench(request, response);
    else atlas(request, response);
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
