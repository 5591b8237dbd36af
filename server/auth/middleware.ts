import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { type AccountSummary, canEditProvince, type Role, roles } from '../../domain/account.ts';
import { HttpError } from '../errors.ts';
import { requestOrigin } from '../routes/request-origin.ts';
import type { AtlasStore } from '../store/store.ts';
import { clearSessionCookie, readSessionToken, setSessionCookie } from './sessions.ts';

declare module 'express-serve-static-core' {
  interface Request {
    /** Who is signed in, set by `loadSession`: null for the public. */
    account?: AccountSummary | null;
    /** The signed-in session's keys, set by `loadSession`. */
    authSession?: { tokenHash: string; csrfToken: string } | null;
  }
}

/** Methods that change nothing, and so need no CSRF token. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The one write made without a session: signing in (guarded by the same-origin and JSON checks). */
const LOGIN_PATH = '/auth/login';

/** 401: the request needs a signed-in account. */
export const unauthenticated = () =>
  new HttpError(
    401,
    'unauthenticated',
    'Cần đăng nhập để thực hiện thao tác này.',
    'You need to sign in to do this.',
  );

/** 403: signed in, but the account's role does not allow this; `needed` names the roles that would. */
export const forbidden = (needed: readonly Role[]) =>
  new HttpError(
    403,
    'forbidden',
    `Tài khoản của bạn không có quyền thực hiện thao tác này (cần: ${needed.map((role) => roles.label(role, 'vi')).join(', ')}).`,
    `Your account is not allowed to do this (needs: ${needed.map((role) => roles.label(role, 'en')).join(', ')}).`,
  );

const csrfRefused = (reasonVi: string, reasonEn: string) =>
  new HttpError(
    403,
    'csrf',
    `Yêu cầu ghi bị từ chối: ${reasonVi}. Hãy tải lại trang và thử lại.`,
    `Write refused: ${reasonEn}. Reload the page and try again.`,
  );

/**
 * Reads the `ccn_session` cookie and sets `request.account` (null for the public) and
 * `request.authSession`. A missing, malformed, expired or unknown cookie just means nobody is signed
 * in (an unknown one is cleared); it never fails the request. A used session slides its expiry.
 */
export function loadSession(getStore: () => Promise<AtlasStore>): RequestHandler {
  return async (request, response, next) => {
    request.account = null;
    request.authSession = null;
    const token = readSessionToken(request);
    if (token) {
      const { accounts } = await getStore();
      const session = await accounts.findSession(token);
      if (session) {
        request.account = session.account;
        request.authSession = { tokenHash: session.tokenHash, csrfToken: session.csrfToken };
        if (session.due) {
          await accounts.extendSession(session.tokenHash);
          setSessionCookie(request, response, token);
        }
      } else {
        clearSessionCookie(request, response);
      }
    }
    next();
  };
}

/** Whether two secrets are equal, in time that does not depend on where they differ. */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The origin the request's `Origin`, or failing that `Referer`, names; undefined when neither is sent. */
function claimedOrigin(request: Request): string | undefined {
  const origin = request.get('origin');
  if (origin !== undefined) return origin;
  const referer = request.get('referer');
  if (referer === undefined) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return 'invalid';
  }
}

/**
 * CSRF protection for every write under `/api` (any method but GET, HEAD, OPTIONS):
 * - when the request names an origin (`Origin`, or `Referer`), it must be this server's;
 * - signing in must send JSON, which a cross-site form cannot, and no token (there is no session yet);
 * - every other write needs a signed-in session (401 otherwise) and its CSRF token in `X-CSRF-Token`.
 * A page on another site can send neither the custom header nor, without a CORS preflight this
 * server refuses, a JSON body. Mount after `loadSession`.
 */
export const csrfGuard: RequestHandler = (request, _response, next) => {
  if (SAFE_METHODS.has(request.method)) {
    next();
    return;
  }
  const origin = claimedOrigin(request);
  if (origin !== undefined && origin !== requestOrigin(request)) {
    throw csrfRefused('yêu cầu đến từ một trang khác', 'the request came from another site');
  }
  if (request.path === LOGIN_PATH) {
    if (!request.is('application/json')) {
      throw new HttpError(
        415,
        'unsupported_media_type',
        'Yêu cầu đăng nhập phải gửi dữ liệu JSON.',
        'A sign-in request must send JSON.',
      );
    }
    next();
    return;
  }
  if (!request.authSession) throw unauthenticated();
  const token = request.get('x-csrf-token');
  if (!token || !sameSecret(token, request.authSession.csrfToken)) {
    throw csrfRefused('thiếu hoặc sai mã chống giả mạo (CSRF)', 'the CSRF token is missing or wrong');
  }
  next();
};

/**
 * Lets through a signed-in account with one of `allowed` roles: 401 for the public, 403 otherwise.
 *
 * @example router.get('/accounts', requireRole('admin'), listAccounts)
 */
export function requireRole(...allowed: [Role, ...Role[]]): RequestHandler {
  return (request, _response, next) => {
    const account = request.account;
    if (!account) throw unauthenticated();
    if (!allowed.includes(account.role)) throw forbidden(allowed);
    next();
  };
}

/**
 * The signed-in account, when it may edit `provinceId` (an admin, or an editor given it); throws 401
 * for the public and 403 otherwise. For handlers that learn the province only once they have loaded
 * the record.
 *
 * @example const account = assertProvinceEditor(request, cluster.provinceId);
 */
export function assertProvinceEditor(request: Request, provinceId: string): AccountSummary {
  const account = request.account;
  if (!account) throw unauthenticated();
  if (account.role === 'admin') return account;
  if (account.role !== 'editor') throw forbidden(['admin', 'editor']);
  if (!canEditProvince(account, provinceId)) {
    throw new HttpError(
      403,
      'forbidden',
      `Tài khoản của bạn không được giao biên tập tỉnh "${provinceId}".`,
      `Your account is not an editor of the province "${provinceId}".`,
    );
  }
  return account;
}

/**
 * Lets through an admin, or an editor given the province the request edits (`provinceIdOf` reads it,
 * e.g. from the cluster the path names; it may throw a 404). 401 for the public, 403 otherwise.
 * An admin is let through without reading the province.
 *
 * @example router.post('/clusters/:id/plots', requireProvinceEditor((request) => provinceOfCluster(request)), save)
 */
export function requireProvinceEditor(provinceIdOf: (request: Request) => Promise<string>): RequestHandler {
  return async (request, _response, next) => {
    const account = request.account;
    if (!account) throw unauthenticated();
    if (account.role === 'admin') {
      next();
      return;
    }
    if (account.role !== 'editor') throw forbidden(['admin', 'editor']);
    assertProvinceEditor(request, await provinceIdOf(request));
    next();
  };
}
