import { Router } from 'express';
import { LoginRequest, type SessionInfo } from '../../domain/account.ts';
import { requireRole } from '../auth/middleware.ts';
import { clearSessionCookie, setSessionCookie } from '../auth/sessions.ts';
import { defaultLoginThrottles, type LoginThrottles, tooManyAttempts } from '../auth/throttle.ts';
import { HttpError } from '../errors.ts';
import type { AtlasStore } from '../store/store.ts';
import { jsonBody, parseBody } from './json-body.ts';

/** One answer for an unknown username and a wrong password: neither says which names exist. */
const wrongCredentials = () =>
  new HttpError(
    401,
    'invalid_credentials',
    'Sai tên đăng nhập hoặc mật khẩu.',
    'Wrong username or password.',
  );

/**
 * `/api/auth`: sign in, sign out, who is signed in. Mount after `loadSession` and `csrfGuard`.
 * `throttles` counts failed sign-ins; each app has its own unless one is given (tests give one).
 */
export function authRoutes(
  getStore: () => Promise<AtlasStore>,
  options: { throttles?: LoginThrottles } = {},
): Router {
  const router = Router();
  const throttles = options.throttles ?? defaultLoginThrottles();

  router.post('/auth/login', jsonBody, async (request, response) => {
    const { username, password } = parseBody(request, LoginRequest);
    const usernameKey = username.toLowerCase();
    const addressKey = request.ip ?? 'unknown';
    const wait = Math.max(
      throttles.byUsername.retryAfterSeconds(usernameKey),
      throttles.byAddress.retryAfterSeconds(addressKey),
    );
    if (wait > 0) throw tooManyAttempts(wait);
    const { accounts } = await getStore();
    const account = await accounts.verify(username, password);
    if (!account) {
      throttles.byUsername.recordFailure(usernameKey);
      throttles.byAddress.recordFailure(addressKey);
      throw wrongCredentials();
    }
    if (account.disabled) {
      throw new HttpError(
        403,
        'account_disabled',
        'Tài khoản này đã bị khóa. Hãy liên hệ quản trị viên.',
        'This account is disabled. Contact an administrator.',
      );
    }
    // Only the name's count: an attacker signing in to their own account must not reset the address's.
    throttles.byUsername.clear(usernameKey);
    // A new session every time, never the one the browser came with.
    if (request.authSession) await accounts.endSession(request.authSession.tokenHash);
    const session = await accounts.createSession(account.id);
    setSessionCookie(request, response, session.token);
    const body: SessionInfo = { account, csrfToken: session.csrfToken };
    response.set('Cache-Control', 'no-store').json(body);
  });

  router.post('/auth/logout', requireRole('admin', 'editor', 'viewer'), async (request, response) => {
    const { accounts } = await getStore();
    if (request.authSession) await accounts.endSession(request.authSession.tokenHash);
    clearSessionCookie(request, response);
    const body: SessionInfo = { account: null, csrfToken: null };
    response.set('Cache-Control', 'no-store').json(body);
  });

  router.get('/auth/session', (request, response) => {
    const body: SessionInfo = {
      account: request.account ?? null,
      csrfToken: request.authSession?.csrfToken ?? null,
    };
    response.set('Cache-Control', 'no-store').json(body);
  });

  return router;
}
