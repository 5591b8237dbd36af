import { useState } from 'react';
import type { Source } from '../../../../domain/source.ts';
import { ApiRequestError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { fetchClusterHistory } from './cluster-api.ts';
import { HistoryEntryView } from './HistoryEntryView.tsx';

type Props = {
  clusterId: string;
  sources: Source[];
  /** Changes when the data was saved, so an open timeline shows the new entry. */
  revision: number;
};

/** "Lịch sử thay đổi": the cluster's recorded changes, newest first, fetched when opened. */
export function ClusterTimeline({ clusterId, sources, revision }: Props) {
  const { t, language } = useI18n();
  const [open, setOpen] = useState(false);
  const history = useApi(open ? `${clusterId}#${revision}` : null, (signal) =>
    fetchClusterHistory(clusterId, signal),
  );
  return (
    <details
      className="cluster-timeline"
      data-section="history"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>{t.historyTitle}</summary>
      {open && history.state === 'loading' && <p className="muted">{t.loading}</p>}
      {open && history.state === 'failed' && (
        <p className="notice error" role="alert">
          {t.loadFailed}.{' '}
          {history.error instanceof ApiRequestError
            ? language === 'vi'
              ? history.error.messageVi
              : history.error.messageEn
            : null}
        </p>
      )}
      {open &&
        history.state === 'ready' &&
        (history.data.entries.length === 0 ? (
          <p className="muted">{t.historyEmpty}</p>
        ) : (
          <ol className="history-list">
            {history.data.entries.map((entry) => (
              <HistoryEntryView key={entry.version} entry={entry} sources={sources} />
            ))}
          </ol>
        ))}
    </details>
  );
}
