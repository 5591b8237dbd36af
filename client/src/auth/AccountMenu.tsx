import { useRef, useState } from 'react';
import { roles } from '../../../domain/account.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { useAuth } from './AuthContext.tsx';
import { LoginDialog } from './LoginDialog.tsx';
import './auth.css';

/** The top bar's account corner: "Đăng nhập" for the public; name · role and "Đăng xuất" when signed in. */
export function AccountMenu() {
  const { t, language } = useI18n();
  const { state, account, logout } = useAuth();
  const [open, setOpen] = useState(false);
  const signInRef = useRef<HTMLButtonElement>(null);
  if (state === 'loading') return null;
  if (!account) {
    return (
      <div className="control account-menu">
        <button type="button" ref={signInRef} onClick={() => setOpen(true)}>
          {t.signIn}
        </button>
        {open && (
          <LoginDialog
            onClose={() => {
              setOpen(false);
              signInRef.current?.focus();
            }}
          />
        )}
      </div>
    );
  }
  return (
    <div className="control account-menu">
      <span className="account-name" data-testid="account-name">
        {account.displayName} · {roles.label(account.role, language)}
      </span>
      <button type="button" onClick={() => void logout()}>
        {t.signOut}
      </button>
    </div>
  );
}
