import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiRequestError } from '../api/client.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { useAuth } from './AuthContext.tsx';

/**
 * The sign-in form, as a modal dialog: focus starts in the username, Escape or × closes it, and a
 * refusal shows the server's own message (wrong password, too many attempts) in the interface language.
 */
export function LoginDialog({ onClose }: { onClose: () => void }) {
  const { t, language } = useI18n();
  const { login } = useAuth();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const usernameRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    dialogRef.current?.showModal();
    // showModal focuses the first control, the close button; the username is where to start.
    usernameRef.current?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
      dialogRef.current?.close();
    } catch (caught) {
      setError(
        caught instanceof ApiRequestError
          ? language === 'vi'
            ? caught.messageVi
            : caught.messageEn
          : t.signInUnavailable,
      );
      setPassword('');
      passwordRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialogRef} className="login-dialog" onClose={onClose} aria-labelledby="login-dialog-title">
      <header className="panel-header">
        <h2 id="login-dialog-title">{t.signInTitle}</h2>
        <button
          type="button"
          className="close"
          onClick={() => dialogRef.current?.close()}
          aria-label={t.close}
        >
          ×
        </button>
      </header>
      <form onSubmit={submit} className="login-form">
        <label>
          <span>{t.username}</span>
          <input
            ref={usernameRef}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          />
        </label>
        <label>
          <span>{t.password}</span>
          <input
            ref={passwordRef}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {error && (
          <p className="login-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t.signingIn : t.signIn}
        </button>
      </form>
    </dialog>
  );
}
