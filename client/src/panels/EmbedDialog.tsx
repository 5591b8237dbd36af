import { useState } from 'react';
import type { EmbedOptions } from '../embed/embed-options.ts';
import { embedUrl, iframeSnippet, scriptSnippet } from '../embed/embed-snippet.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import type { UrlState } from '../url-state.ts';
import { ModalDialog } from './ModalDialog.tsx';

type Props = { state: UrlState; provinceId: string | null; onClose: () => void };

/** Builds the snippet a provincial site pastes, with a live preview of exactly what it will show. */
export function EmbedDialog({ state, provinceId, onClose }: Props) {
  const { t } = useI18n();
  const [heightPx, setHeightPx] = useState(480);
  const [width, setWidth] = useState('100%');
  const [legend, setLegend] = useState(true);
  const [controls, setControls] = useState(true);
  const [useCurrentView, setUseCurrentView] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);

  const options: EmbedOptions = {
    province: provinceId,
    layer: state.layer,
    language: state.language,
    view: useCurrentView ? state.view : null,
    bbox: null,
    clusters: null,
    legend,
    controls,
  };
  const origin = window.location.origin;
  const size = { width, heightPx };
  const snippets = {
    iframe: iframeSnippet(origin, options, size),
    script: scriptSnippet(origin, options, size),
  };
  const copy = async (kind: keyof typeof snippets) => {
    await navigator.clipboard?.writeText(snippets[kind]).catch(() => undefined);
    setCopied(kind);
  };

  return (
    <ModalDialog className="embed-dialog" titleId="embed-dialog-title" title={t.embedTitle} onClose={onClose}>
      <p className="muted small">{t.embedHelp}</p>
      <div className="embed-options">
        <label>
          {t.embedWidth} <input value={width} onChange={(event) => setWidth(event.target.value)} size={6} />
        </label>
        <label>
          {t.embedHeight}{' '}
          <input
            type="number"
            min={240}
            max={1600}
            value={heightPx}
            onChange={(event) =>
              setHeightPx(Math.min(1600, Math.max(240, Number(event.target.value) || 480)))
            }
          />
        </label>
        <label>
          <input type="checkbox" checked={legend} onChange={(event) => setLegend(event.target.checked)} />{' '}
          {t.embedLegend}
        </label>
        <label>
          <input type="checkbox" checked={controls} onChange={(event) => setControls(event.target.checked)} />{' '}
          {t.embedControls}
        </label>
        <label>
          <input
            type="checkbox"
            checked={useCurrentView}
            disabled={!state.view}
            onChange={(event) => setUseCurrentView(event.target.checked)}
          />{' '}
          {t.embedCurrentView}
        </label>
      </div>
      {(['iframe', 'script'] as const).map((kind) => (
        <div key={kind} className="snippet">
          <div className="snippet-head">
            <strong>{kind === 'iframe' ? t.embedIframe : t.embedScript}</strong>
            <button type="button" onClick={() => copy(kind)}>
              {copied === kind ? t.copied : t.copy}
            </button>
          </div>
          <textarea readOnly value={snippets[kind]} rows={kind === 'iframe' ? 3 : 2} data-snippet={kind} />
        </div>
      ))}
      <h3>{t.embedPreview}</h3>
      <iframe
        className="embed-preview"
        title={t.embedPreview}
        src={embedUrl(origin, options)}
        style={{ width, height: heightPx, border: '1px solid #d8dde2' }}
      />
    </ModalDialog>
  );
}
