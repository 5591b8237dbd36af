import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type AccountSummary, SessionInfo } from '../../../domain/account.ts';
import { sendJson } from '../api/client.ts';

export type Auth = {
  /** `loading` until the server has said who is signed in. */
  state: 'loading' | 'ready';
  account: AccountSummary | null;
  /** For `sendJson`'s `csrfToken`: every write needs it. */
  csrfToken: string | null;
  /** Signs in; throws an ApiRequestError with the server's message when refused. */
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  /** Asks the server again, e.g. after a write answered 401 because the session ended. */
  refresh: () => Promise<void>;
};

const AuthContext = createContext<Auth | null>(null);

async function fetchSession(): Promise<SessionInfo> {
  const response = await fetch('/api/auth/session', { headers: { Accept: 'application/json' } });
  if (!response.ok) return { account: null, csrfToken: null };
  return SessionInfo.parse(await response.json());
}

/** Who is signed in, from `GET /api/auth/session` at start, with sign-in and sign-out. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<'loading' | 'ready'>('loading');
  const [session, setSession] = useState<SessionInfo>({ account: null, csrfToken: null });

  const refresh = useCallback(async () => {
    // A server that cannot say is treated as nobody signed in: the public view still works.
    setSession(await fetchSession().catch(() => ({ account: null, csrfToken: null })));
    setState('ready');
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const login = useCallback(async (username: string, password: string) => {
    const result = await sendJson(
      'POST',
      '/api/auth/login',
      { username, password },
      {
        csrfToken: null,
        schema: SessionInfo,
      },
    );
    setSession(result.body);
  }, []);

  const logout = useCallback(async () => {
    try {
      await sendJson('POST', '/api/auth/logout', undefined, { csrfToken: session.csrfToken });
    } finally {
      // Whatever the server said, this page no longer acts as the account.
      setSession({ account: null, csrfToken: null });
    }
  }, [session.csrfToken]);

  const value = useMemo<Auth>(
    () => ({ state, account: session.account, csrfToken: session.csrfToken, login, logout, refresh }),
    [state, session, login, logout, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
