import { type FormEvent, useRef, useState } from 'react';
import { ApiRequestError } from '../api/client.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { ModalDialog } from '../panels/ModalDialog.tsx';
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

  // The username, not the close button, is where to start.
  const usernameRef = useRef<HTMLInputElement>(null);

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
    <ModalDialog
      className="login-dialog"
      titleId="login-dialog-title"
      title={t.signInTitle}
      onClose={onClose}
      dialogRef={dialogRef}
      initialFocusRef={usernameRef}
    >
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
    </ModalDialog>
  );
}
