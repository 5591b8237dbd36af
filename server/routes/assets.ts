import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type RequestHandler, Router } from 'express';
import { notFound } from '../errors.ts';

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

/** The built client (`vite build` → dist/client). Hashed assets are immutable, the pages are not. */
export function clientRoutes(clientDir: string): Router {
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
  router.use(
    '/assets',
    express.static(`${clientDir}/assets`, { immutable: true, maxAge: 365 * 24 * 60 * 60 * 1000 }),
  );
  router.use(express.static(clientDir, { index: 'index.html', maxAge: 0 }));
  return router;
}
