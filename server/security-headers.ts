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

/**
 * The read-only API may be read from any site (the embed and other GIS pages): CORS for GET and
 * HEAD, with no credentials, since nothing here depends on a cookie.
 */
export const readOnlyCors: RequestHandler = (request, response, next) => {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') {
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
