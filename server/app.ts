import compression from 'compression';
import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { csrfGuard, loadSession } from './auth/middleware.ts';
import { readRateLimitSettings, type TrustProxySetting } from './config.ts';
import { errorHandler, HttpError } from './errors.ts';
import type { FrontDoor } from './front-door.ts';
import { CostLimiter, type RateLimitSettings } from './rate-limit.ts';
import { accountRoutes } from './routes/accounts.ts';
import { apiRoutes } from './routes/api.ts';
import { assetRoutes, clientRoutes } from './routes/assets.ts';
import { authRoutes } from './routes/auth.ts';
import { ogcRoutes } from './routes/ogc.ts';
import { tileRoutes } from './routes/tiles.ts';
import { readOnlyCors, securityHeaders } from './security-headers.ts';
import type { AtlasStore } from './store/store.ts';

/**
 * API answers may be cached but must be revalidated: Express sets an ETag on every body and answers
 * 304 to a matching If-None-Match, so an unchanged layer costs a round trip, not a download.
 */
const revalidate: RequestHandler = (_request, response, next) => {
  response.set('Cache-Control', 'no-cache');
  next();
};

export type AppDeps = {
  /** Resolves once migrations and the geodata load are done; the app answers 503 until then. */
  store: Promise<AtlasStore>;
  logger: Logger;
  /** Built client to serve at `/`; omitted in API-only tests. */
  clientDir?: string;
  /** Origins allowed to frame `/embed` (EMBED_ALLOWED_ORIGINS). */
  embedAllowedOrigins?: readonly string[];
  /** Express `trust proxy` (TRUST_PROXY): proxies whose X-Forwarded-For/-Proto to believe; off if omitted. */
  trustProxy?: TrustProxySetting;
  /** Replays cached public answers in front of Express (main.ts); omitted in tests of the app alone. */
  frontDoor?: FrontDoor;
  /**
   * Per-client limit on answers that cost the database (server/rate-limit.ts); read from the
   * environment (RATE_LIMIT_*, server/config.ts) when omitted.
   */
  rateLimit?: RateLimitSettings;
};

/** Builds the Express app. It never listens: main.ts does, tests use supertest. */
export function createApp(deps: AppDeps): Express {
  let store: AtlasStore | null = null;
  let startupError: unknown = null;
  deps.store.then(
    (ready) => {
      store = ready;
      // PGlite: read the features tiles are cut from now, in pages, not on the first map view.
      ready.tiles.prepare().catch(() => undefined);
    },
    (error) => {
      startupError = error;
    },
  );
  const getStore = async () => {
    if (store) return store;
    if (startupError) throw startupError;
    throw new HttpError(
      503,
      'starting',
      'Máy chủ đang khởi động, vui lòng thử lại sau vài giây.',
      'The server is starting; try again in a few seconds.',
      { 'Retry-After': '2' },
    );
  };

  // Routes get the store through the limiter: a request's first query counts against its client.
  const limiter = new CostLimiter(deps.rateLimit ?? readRateLimitSettings());
  const meteredStore = async () => limiter.meter(await getStore());
  const limited = limiter.scope();

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Behind nginx: request.ip (the sign-in throttle's key) and request.protocol come from X-Forwarded-*.
  app.set('trust proxy', deps.trustProxy ?? false);
  // Before compression, so that it records the bytes as they leave.
  if (deps.frontDoor) app.use(deps.frontDoor.recorder());
  app.use(
    pinoHttp({ logger: deps.logger, autoLogging: { ignore: (request) => request.url === '/healthz' } }),
  );
  app.use(securityHeaders);
  // gzip JSON, GeoJSON, JS and CSS: the basemap's land layer drops from ~600 KB to ~150 KB on the wire.
  app.use(compression());

  app.get('/healthz', async (_request, response) => {
    const ready = await getStore();
    response.json({ status: 'ok', database: ready.kind });
  });
  // Who is signed in, and CSRF protection for every write under /api (server/auth/middleware.ts).
  app.use('/api', readOnlyCors, loadSession(getStore), csrfGuard, revalidate);
  app.use('/api', authRoutes(getStore), accountRoutes(getStore));
  app.use('/api', limited, apiRoutes(meteredStore));
  app.use('/tiles', readOnlyCors, limited, tileRoutes(meteredStore));
  app.use('/ogc', readOnlyCors, revalidate, limited, ogcRoutes(meteredStore));
  app.use(assetRoutes());
  if (deps.clientDir) app.use(clientRoutes(deps.clientDir, deps.embedAllowedOrigins ?? []));
  app.use((request) => {
    throw new HttpError(
      404,
      'not_found',
      `Không tìm thấy "${request.path}".`,
      `"${request.path}" not found.`,
    );
  });
  app.use(errorHandler(deps.logger));
  return app;
}
