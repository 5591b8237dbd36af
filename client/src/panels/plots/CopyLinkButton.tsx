import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/I18nContext.tsx';

/**
 * Copies the page's address, which holds the whole view. Where the clipboard is refused (no
 * permission, plain http), the link is shown in a field, selected, to copy by hand.
 */
export function CopyLinkButton() {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const url = window.location.href;
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state === 'manual') field.current?.select();
  }, [state]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      setState('manual');
    }
  };
  return (
    <span className="copy-link">
      <button type="button" className="button" onClick={copy} data-action="copy-link">
        {state === 'copied' ? t.linkCopied : t.copyLink}
      </button>
      {state !== 'idle' && (
        <label className={state === 'manual' ? 'copy-fallback' : 'copy-fallback visually-hidden'}>
          <span>{t.copyFallback}</span>
          <input ref={field} readOnly value={url} onFocus={(event) => event.target.select()} />
        </label>
      )}
    </span>
  );
}
