import type { PlotDetail } from '../../../../domain/plot-api.ts';
import type { Source } from '../../../../domain/source.ts';
import { plotOrigins, stages } from '../../../../domain/vocabulary.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { SourceRef } from '../SourceRef.tsx';
import { StatusChip } from './StatusChip.tsx';
import { usePlotFormat } from './usePlotFormat.ts';

/** A plot's facts, each with its source or "chưa có số liệu": shared by the card and the print sheet. */
export function PlotFacts({ plot, sources }: { plot: PlotDetail; sources: Source[] }) {
  const { t, text, language, number, date } = useI18n();
  const format = usePlotFormat();
  const source = (id: string | null) => (id ? sources.find((item) => item.id === id) : undefined);
  const unknown = <span className="unknown">{t.unknown}</span>;
  const { properties, cluster } = plot;
  const wastewater = format.wastewater(cluster.wastewaterPlant);
  const contact = format.contact(plot.contact);
  const generated = properties.origin === 'generated';

  return (
    <dl className="facts plot-facts">
      <dt>{t.plotStatus}</dt>
      <dd data-fact="status">
        <StatusChip status={properties.status} />
        {properties.asOf && <span className="muted small"> · {`${t.asOf} ${date(properties.asOf)}`}</span>}
      </dd>
      <dt>{t.plotArea}</dt>
      <dd data-fact="area">
        <span className="figure-value">
          {format.hectares(plot.areaHa)} · {format.squareMetres(plot.areaM2)}
        </span>
        <div className="muted small">
          {plot.areaMeasure === 'vn2000-plane' ? t.measuredVn2000 : t.measuredEllipsoid}
          {generated && ` — ${t.measuredOnGenerated}`}
        </div>
      </dd>
      <dt>{t.permittedIndustries}</dt>
      <dd data-fact="industries">
        {properties.permittedIndustries.length > 0 ? properties.permittedIndustries.join('; ') : unknown}
      </dd>
      {properties.status === 'leased' && (
        <>
          <dt>{t.tenant}</dt>
          <dd data-fact="tenant">{properties.tenant ?? unknown}</dd>
        </>
      )}
      <dt>{t.origin}</dt>
      <dd data-fact="origin">
        {plotOrigins.label(properties.origin, language)}
        {properties.sourceId && (
          <>
            {' '}
            · {t.source}: <SourceRef source={source(properties.sourceId)} />
          </>
        )}
      </dd>
      <dt>{t.clusterOfPlot}</dt>
      <dd data-fact="cluster">{text(cluster.name)}</dd>
      <dt>{t.clusterStage}</dt>
      <dd data-fact="stage">{stages.label(cluster.stage, language)}</dd>
      <dt>{t.infrastructure}</dt>
      <dd data-fact="infrastructure">{format.infrastructure(cluster.infrastructure)}</dd>
      <dt>{t.wastewaterPlant}</dt>
      <dd data-fact="wastewater">
        {wastewater && cluster.wastewaterPlant ? (
          <>
            {wastewater} · {t.source}: <SourceRef source={source(cluster.wastewaterPlant.sourceId)} />
          </>
        ) : (
          unknown
        )}
      </dd>
      <dt>{t.occupancy}</dt>
      <dd data-fact="occupancy">
        {cluster.occupancy ? (
          <>
            {number(cluster.occupancy.percent, 0)}% · {t.source}:{' '}
            <SourceRef source={source(cluster.occupancy.sourceId)} />
          </>
        ) : (
          unknown
        )}
      </dd>
      <dt>{t.locality}</dt>
      <dd data-fact="locality">{cluster.locality ? text(cluster.locality) : unknown}</dd>
      <dt>{t.contact}</dt>
      <dd data-fact="contact">
        {contact ? (
          <>
            {contact}
            <div className="muted small">
              {plot.contact.from === 'plot' ? t.contactFromPlot : t.contactFromProvince}
              {plot.contact.sourceId && (
                <>
                  {' '}
                  · {t.source}: <SourceRef source={source(plot.contact.sourceId)} />
                </>
              )}
            </div>
          </>
        ) : (
          unknown
        )}
      </dd>
    </dl>
  );
}
