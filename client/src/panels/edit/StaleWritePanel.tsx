import { useEffect, useRef } from 'react';
import type { StaleWrite } from '../../../../domain/history.ts';
import type { Source } from '../../../../domain/source.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { HistoryEntryView } from './HistoryEntryView.tsx';

type Props = { stale: StaleWrite; sources: Source[]; busy: boolean; onApply: () => void };

/**
 * After a 412: who changed the cluster since the editor opened it, and what, with the way forward
 * that loses nothing — the editor's changes moved onto the latest version, to review and save.
 */
export function StaleWritePanel({ stale, sources, busy, onApply }: Props) {
  const { t, language } = useI18n();
  const ref = useRef<HTMLElement>(null);
  // In braces: newer browsers return a promise from scrollIntoView, which React would take for a cleanup.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <section ref={ref} className="notice stale-write" role="alert" aria-labelledby="stale-write-title">
      <h4 id="stale-write-title">{t.staleTitle}</h4>
      <p>{language === 'vi' ? stale.error.message_vi : stale.error.message_en}</p>
      <ol className="history-list">
        {stale.changesSince.map((entry) => (
          <HistoryEntryView key={entry.version} entry={entry} sources={sources} />
        ))}
      </ol>
      <button type="button" className="button primary" disabled={busy} onClick={onApply}>
        {t.staleApply}
      </button>
    </section>
  );
}
