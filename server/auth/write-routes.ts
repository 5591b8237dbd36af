import type { Role } from '../../domain/account.ts';

/**
 * A route that changes data, as the access tests see it. Every write route is listed here: the
 * API suite finds each non-GET route of the app and fails on one that is missing, then checks each
 * entry is refused to the public (401), to roles below `minimumRole` (403), without the CSRF token
 * (403), from another origin (403), to an editor of another province (403, when `provinceId` is
 * set), and let through to an admin and, when `provinceId` is set, to that province's editor.
 */
export type WriteRoute = {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The path as written in its router (`router.patch('/accounts/:id', …)`); routers are mounted at /api. */
  pattern: string;
  /** A path the tests can call over the shipped geodata, e.g. `/api/clusters/song-cau`. */
  examplePath: string;
  /** A body for that call; role checks come before validation, so it need not be valid. */
  exampleBody?: unknown;
  /** Extra headers for that call (`If-Match`, …). */
  exampleHeaders?: Record<string, string>;
  /** The least role let through; `public` for signing in, the one write without an account. */
  minimumRole: Role | 'public';
  /**
   * The province the example path edits, for routes an editor may use only in their own provinces
   * (`requireProvinceEditor`); null when the route is not scoped to a province.
   */
  provinceId: string | null;
};

/** Every write route of the app. Add yours here when you add it. */
export const writeRoutes: readonly WriteRoute[] = [
  {
    method: 'POST',
    pattern: '/auth/login',
    examplePath: '/api/auth/login',
    exampleBody: { username: 'nobody', password: 'wrong-password' },
    minimumRole: 'public',
    provinceId: null,
  },
  {
    method: 'POST',
    pattern: '/auth/logout',
    examplePath: '/api/auth/logout',
    minimumRole: 'viewer',
    provinceId: null,
  },
  {
    method: 'POST',
    pattern: '/accounts',
    examplePath: '/api/accounts',
    exampleBody: {},
    minimumRole: 'admin',
    provinceId: null,
  },
  {
    method: 'PATCH',
    pattern: '/accounts/:id',
    examplePath: '/api/accounts/no-such-account',
    exampleBody: {},
    minimumRole: 'admin',
    provinceId: null,
  },
  {
    method: 'PATCH',
    pattern: '/clusters/:id',
    examplePath: '/api/clusters/song-cau',
    exampleBody: { stage: 'operating' },
    exampleHeaders: { 'If-Match': '"cluster-song-cau-v1"' },
    minimumRole: 'editor',
    provinceId: 'khanh-hoa',
  },
  {
    method: 'POST',
    pattern: '/clusters/:id/plot-layout',
    examplePath: '/api/clusters/song-cau/plot-layout',
    // A dry run: the role tests write nothing.
    exampleBody: { plotWidthM: 50, plotDepthM: 80, roadWidthM: 12, dryRun: true },
    minimumRole: 'editor',
    provinceId: 'khanh-hoa',
  },
  {
    method: 'PUT',
    pattern: '/clusters/:id/boundary',
    examplePath: '/api/clusters/song-cau/boundary',
    exampleBody: {},
    exampleHeaders: { 'If-Match': '"cluster-song-cau-v1"' },
    minimumRole: 'editor',
    provinceId: 'khanh-hoa',
  },
  {
    method: 'PUT',
    pattern: '/plots/:id/boundary',
    examplePath: '/api/plots/no-such-plot/boundary',
    exampleBody: {},
    exampleHeaders: { 'If-Match': '"plot-no-such-plot-v1"' },
    minimumRole: 'editor',
    provinceId: null,
  },
  {
    method: 'POST',
    pattern: '/provinces/:provinceId/imports',
    // No file name: an allowed caller gets a 400 before any upload is read.
    examplePath: '/api/provinces/khanh-hoa/imports',
    minimumRole: 'editor',
    provinceId: 'khanh-hoa',
  },
];
