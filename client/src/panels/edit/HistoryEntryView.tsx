import type { ClusterHistoryEntry } from '../../../../domain/history.ts';
import type { Source } from '../../../../domain/source.ts';
import type { Language } from '../../../../domain/text.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import type { Messages } from '../../i18n/messages.ts';
import { SourceRef } from '../SourceRef.tsx';
import { DifferenceList } from './DifferenceList.tsx';

const actionLabels: Record<ClusterHistoryEntry['action'], keyof Messages> = {
  load: 'actionLoad',
  update: 'actionUpdate',
  import: 'actionImport',
  layout: 'actionLayout',
  delete: 'actionDelete',
};

/** `14:05 12/06/2025`: a moment in Vietnam's time, in the interface's format. */
export function dateTime(at: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(at));
}

/** One change of a cluster: when, who, what kind, which source, and what differs. */
export function HistoryEntryView({ entry, sources }: { entry: ClusterHistoryEntry; sources: Source[] }) {
  const { t, language } = useI18n();
  const who = entry.accountName ?? t.historySystem;
  return (
    <li className="history-entry" data-version={entry.version}>
      <div className="history-head">
        <time dateTime={entry.at}>{dateTime(entry.at, language)}</time> · <strong>{who}</strong> ·{' '}
        {t[actionLabels[entry.action]]} · {t.historyVersion.replace('{version}', String(entry.version))}
        {entry.sourceId && (
          <>
            {' '}
            · {t.source}: <SourceRef source={sources.find((item) => item.id === entry.sourceId)} />
          </>
        )}
      </div>
      {entry.differences.length > 0 ? (
        <DifferenceList differences={entry.differences} />
      ) : (
        <div className="muted small">{t.historyFirst}</div>
      )}
    </li>
  );
}
