import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type RequestHandler, Router } from 'express';
import { notFound } from '../errors.ts';
import { contentSecurityPolicy, embedFrameAncestors } from '../security-headers.ts';

const fontDir = fileURLToPath(
  new URL('../../node_modules/@fontsource/be-vietnam-pro/files/', import.meta.url),
);
const basemapDir = fileURLToPath(new URL('../../geodata/basemap/', import.meta.url));

/** The offline basemap (GeoJSON layers) and the label font, served from this origin. */
export function assetRoutes(): Router {
  const router = Router();
  const day = 24 * 60 * 60;
  router.use(
    '/basemap',
    express.static(basemapDir, {
      index: false,
      maxAge: day * 1000,
      setHeaders: (response, path) => {
        if (path.endsWith('.geojson')) response.type('application/geo+json');
      },
    }),
  );
  // Only the woff2 files of the one family we ship; nothing else under node_modules is reachable.
  router.use(
    '/fonts/be-vietnam-pro',
    express.static(fontDir, {
      index: false,
      immutable: true,
      maxAge: 365 * day * 1000,
      extensions: false,
    }),
  );
  return router;
}

/**
 * The built client (`vite build` → dist/client). Hashed assets are immutable, the pages are not.
 * `/embed` is the one page other sites may frame, and only those on the allow-list.
 */
export function clientRoutes(clientDir: string, embedAllowedOrigins: readonly string[]): Router {
  const router = Router();
  if (!existsSync(clientDir)) {
    const missing: RequestHandler = () => {
      throw notFound({
        vi: 'giao diện (chưa chạy "npm run build")',
        en: 'The client ("npm run build" has not been run)',
      });
    };
    router.get('/', missing);
    return router;
  }
  const embedPolicy = contentSecurityPolicy(embedFrameAncestors(embedAllowedOrigins));
  router.get('/embed', (_request, response) => {
    response.set({ 'Content-Security-Policy': embedPolicy, 'Cache-Control': 'no-cache' });
    response.sendFile(`${clientDir}/embed.html`);
  });
  // The one-line script is loaded by other sites; it changes with each release, so revalidate.
  router.get('/embed.js', (_request, response) => {
    response.set({ 'Cache-Control': 'no-cache', 'Access-Control-Allow-Origin': '*' });
    response.type('text/javascript').sendFile(`${clientDir}/embed.js`);
  });
  router.use(
    '/assets',
    express.static(`${clientDir}/assets`, { immutable: true, maxAge: 365 * 24 * 60 * 60 * 1000 }),
  );
  router.use(express.static(clientDir, { index: 'index.html', maxAge: 0 }));
  return router;
}
