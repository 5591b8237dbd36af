import { createHash, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';

/** The session cookie's name. */
export const SESSION_COOKIE = 'ccn_session';
/** A session ends after 12 hours without a request; every use slides it. */
export const SESSION_LIFETIME_SECONDS = 12 * 60 * 60;
/** A session's expiry is pushed back at most once a minute, not on every request. */
export const SESSION_TOUCH_AFTER_SECONDS = 60;

/** A new secret: 32 random bytes, base64url (43 characters). Used for session and CSRF tokens. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a session token: its SHA-256, hex. The token itself lives only in the cookie. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The session token the request's cookie carries, if it has the shape of one. */
export function readSessionToken(request: Request): string | null {
  const header = request.get('cookie');
  if (!header) return null;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0 || part.slice(0, separator).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(separator + 1).trim();
    return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
  }
  return null;
}

/**
 * Sets the session cookie: HttpOnly (scripts cannot read it), SameSite=Strict (no other site's page
 * sends it), Path=/, Secure when the request came over HTTPS, and a Max-Age of the session lifetime.
 */
export function setSessionCookie(request: Request, response: Response, token: string) {
  response.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: request.secure,
    maxAge: SESSION_LIFETIME_SECONDS * 1000,
  });
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(request: Request, response: Response) {
  response.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: request.secure,
  });
}
