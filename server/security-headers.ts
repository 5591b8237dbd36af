import type { RequestHandler } from 'express';

/**
 * Content-Security-Policy that keeps every request on this origin. MapLibre 6 loads its worker
 * module from this origin (older builds used blob: workers) and draws images from data:/blob:.
 * `frame-ancestors` decides who may frame the page: nobody for the app, the allow-list for /embed.
 */
export function contentSecurityPolicy(frameAncestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/** `frame-ancestors` of the embed: this origin and the configured sites, or this origin alone. */
export function embedFrameAncestors(allowedOrigins: readonly string[]): string {
  return ["'self'", ...allowedOrigins].join(' ');
}

export const securityHeaders: RequestHandler = (_request, response, next) => {
  response.set({
    'Content-Security-Policy': contentSecurityPolicy("'none'"),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  });
  next();
};

/** Methods another site may use here: reads only. */
const CROSS_ORIGIN_METHODS = new Set(['GET', 'HEAD']);

/**
 * The read-only API may be read from any site (the embed and other GIS pages): CORS for GET and
 * HEAD, with no credentials, since no public answer depends on a cookie. Writes are same-origin
 * only: a preflight asking for any other method gets no `Access-Control-Allow-Origin`, so the
 * browser never sends the write.
 */
export const readOnlyCors: RequestHandler = (request, response, next) => {
  const preflightMethod = request.method === 'OPTIONS' ? request.get('access-control-request-method') : null;
  const crossOriginAllowed =
    preflightMethod === null
      ? CROSS_ORIGIN_METHODS.has(request.method)
      : preflightMethod === undefined || CROSS_ORIGIN_METHODS.has(preflightMethod.toUpperCase());
  if (crossOriginAllowed) {
    response.set({
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Methods': 'GET, HEAD',
      'Access-Control-Expose-Headers': 'ETag',
    });
  }
  if (request.method === 'OPTIONS') {
    response.status(204).end();
    return;
  }
  next();
};
