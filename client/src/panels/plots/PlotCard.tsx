import type { ReactNode } from 'react';
import type { PlotDetail } from '../../../../domain/plot-api.ts';
import type { Source } from '../../../../domain/source.ts';
import { geometrySources, plotOrigins } from '../../../../domain/vocabulary.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { SourceEntry } from '../SourceRef.tsx';
import { CopyLinkButton } from './CopyLinkButton.tsx';
import { GeneratedBadge } from './GeneratedBadge.tsx';
import { PlotFacts } from './PlotFacts.tsx';

type Props = {
  plot: PlotDetail;
  sources: Source[];
  onClose: () => void;
  onCompare: () => void;
  onCompareCluster: () => void;
  /** What the last compare click did, said beside the buttons. */
  compareMessage: string | null;
  /** An editor's actions on the plot (redraw its boundary); absent for everyone else. */
  editing?: ReactNode;
};

/** An investor's view of one plot: the facts, whom to call, and what to do next. */
export function PlotCard({
  plot,
  sources,
  onClose,
  onCompare,
  onCompareCluster,
  compareMessage,
  editing,
}: Props) {
  const { t, text, language } = useI18n();
  const { properties, cluster } = plot;
  const cited = [
    properties.sourceId,
    cluster.wastewaterPlant?.sourceId,
    cluster.occupancy?.sourceId,
    plot.contact.sourceId,
  ];
  const citedSources = sources.filter((source) => cited.includes(source.id));
  return (
    <article className="panel plot-card" aria-labelledby="plot-card-title" data-plot-id={properties.id}>
      <header className="panel-header">
        <div>
          <h2 id="plot-card-title">
            {t.plot} {properties.label}
          </h2>
          <p className="muted">{text(cluster.name)}</p>
          <GeneratedBadge origin={properties.origin} />
        </div>
        <button type="button" className="close" onClick={onClose} aria-label={t.close}>
          ×
        </button>
      </header>
      {properties.origin === 'generated' && (
        <p className="notice illustrative" data-notice="generated">
          <strong>{t.generatedBadge}.</strong> {plotOrigins.label('generated', language)}.
        </p>
      )}
      {cluster.geometrySource === 'illustrative' && (
        <p className="notice illustrative small" data-notice="cluster-illustrative">
          {geometrySources.label('illustrative', language)}: {t.illustrativeNotice}
        </p>
      )}
      <div className="card-actions">
        <button type="button" className="button" onClick={onCompare} data-action="compare">
          {t.compare}
        </button>
        <button type="button" className="button" onClick={onCompareCluster} data-action="compare-cluster">
          {t.compareCluster}
        </button>
        <CopyLinkButton />
        {editing}
        <button type="button" className="button" onClick={() => window.print()} data-action="print">
          {t.printSheet}
        </button>
      </div>
      {compareMessage && (
        <p className="notice small" role="status">
          {compareMessage}
        </p>
      )}
      <PlotFacts plot={plot} sources={sources} />
      {citedSources.length > 0 && (
        <>
          <h3>{t.sources}</h3>
          <ul className="sources">
            {citedSources.map((source) => (
              <SourceEntry key={source.id} source={source} />
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
