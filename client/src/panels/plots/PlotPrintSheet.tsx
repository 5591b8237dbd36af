import type { ClusterGeometry } from '../../../../domain/cluster.ts';
import type { PlotDetail } from '../../../../domain/plot-api.ts';
import type { Source } from '../../../../domain/source.ts';
import { plotOrigins } from '../../../../domain/vocabulary.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { SourceEntry } from '../SourceRef.tsx';
import { PlotFacts } from './PlotFacts.tsx';
import { PlotMiniMap } from './PlotMiniMap.tsx';

type Props = {
  plot: PlotDetail;
  clusterGeometry: ClusterGeometry | null;
  sources: Source[];
  provinceName: string;
  today: string;
};

/** One printed page about a plot: hidden on screen, the only thing on paper (see @media print). */
export function PlotPrintSheet({ plot, clusterGeometry, sources, provinceName, today }: Props) {
  const { t, text, language, date } = useI18n();
  const { properties, cluster } = plot;
  return (
    <section className="print-sheet" aria-hidden="true" data-plot-id={properties.id}>
      <header>
        <p className="muted">
          {t.appTitle} · {t.plotSheet}
        </p>
        <h1>
          {t.plot} {properties.label} — {text(cluster.name)}
        </h1>
        <p>{provinceName}</p>
      </header>
      {properties.origin === 'generated' && (
        <p className="notice illustrative">
          <strong>{t.generatedBadge}.</strong> {plotOrigins.label('generated', language)}.
        </p>
      )}
      {cluster.geometrySource === 'illustrative' && (
        <p className="notice illustrative small">{t.illustrativeNotice}</p>
      )}
      <div className="print-body">
        <PlotMiniMap plot={plot.geometry} status={properties.status} cluster={clusterGeometry} />
        <PlotFacts plot={plot} sources={sources} />
      </div>
      {sources.length > 0 && (
        <>
          <h2>{t.sources}</h2>
          <ul className="sources">
            {sources.map((source) => (
              <SourceEntry key={source.id} source={source} />
            ))}
          </ul>
        </>
      )}
      <p className="muted small">
        {t.printedOn}: {date(today)} · {window.location.href}
      </p>
    </section>
  );
}
