import type { ClusterProperties } from '../../../domain/cluster.ts';
import { occupancyPercent } from '../../../domain/occupancy.ts';
import type { Source } from '../../../domain/source.ts';
import {
  geometrySources,
  infrastructureInvestorKinds,
  obstacleKinds,
  stages,
  wastewaterPlantStates,
} from '../../../domain/vocabulary.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { stageColors } from '../map/stageColors.ts';
import { FigureValue, useFormatValue } from './FigureValue.tsx';
import { SourceEntry, SourceRef } from './SourceRef.tsx';
import { TargetList } from './TargetList.tsx';

type Props = { cluster: ClusterProperties; sources: Source[]; today: string; onClose: () => void };

/** What is known about one cluster, each fact with its source; the rest says "chưa có số liệu". */
export function ClusterCard({ cluster, sources, today, onClose }: Props) {
  const { t, text, language } = useI18n();
  const format = useFormatValue();
  const source = (id: string) => sources.find((item) => item.id === id);
  const unknown = <span className="unknown">{t.unknown}</span>;
  const occupancy = occupancyPercent(
    cluster.figures.leasedIndustrialLandHa?.value,
    cluster.figures.leasableIndustrialLandHa?.value,
  );
  const cited = sources.filter((item) => cluster.sourceIds.includes(item.id));

  return (
    <article className="panel cluster-card" aria-labelledby="cluster-card-title" data-cluster-id={cluster.id}>
      <header className="panel-header">
        <div>
          <h2 id="cluster-card-title">{text(cluster.name)}</h2>
          <span className="stage-badge" style={{ borderColor: stageColors[cluster.stage] }}>
            <span className="swatch" style={{ background: stageColors[cluster.stage] }} />
            {stages.label(cluster.stage, language)}
          </span>
        </div>
        <button type="button" className="close" onClick={onClose} aria-label={t.backToProvince}>
          ×
        </button>
      </header>

      {cluster.geometrySource === 'illustrative' && (
        <p className="notice illustrative">
          <strong>{geometrySources.label('illustrative', language)}.</strong>{' '}
          {cluster.geometryNote && text(cluster.geometryNote)}
        </p>
      )}

      <dl className="facts">
        <dt>{t.stage}</dt>
        <dd>
          {stages.label(cluster.stage, language)} · {t.source}:{' '}
          <SourceRef source={source(cluster.stageSourceId)} />
          {cluster.stageNote && <div className="muted small">{text(cluster.stageNote)}</div>}
        </dd>
        <dt>{t.locality}</dt>
        <dd>
          {cluster.locality ? (
            <>
              {text(cluster.locality.value)} · {t.source}:{' '}
              <SourceRef source={source(cluster.locality.sourceId)} />
            </>
          ) : (
            unknown
          )}
        </dd>
        <dt>{t.infrastructureInvestor}</dt>
        <dd>
          {cluster.infrastructureInvestor
            ? infrastructureInvestorKinds.label(cluster.infrastructureInvestor.value.kind, language)
            : unknown}
        </dd>
        <dt>{t.wastewaterPlant}</dt>
        <dd>
          {cluster.wastewaterPlant
            ? wastewaterPlantStates.label(cluster.wastewaterPlant.value.state, language)
            : unknown}
        </dd>
      </dl>

      <h3>{t.figures}</h3>
      <dl className="facts">
        <dt>{t.plannedArea}</dt>
        <dd>
          <FigureValue figure={cluster.figures.plannedAreaHa} sources={sources} />
        </dd>
        <dt>{t.establishedArea}</dt>
        <dd>
          <FigureValue figure={cluster.figures.establishedAreaHa} sources={sources} />
        </dd>
        <dt>{t.leasableLand}</dt>
        <dd>
          <FigureValue figure={cluster.figures.leasableIndustrialLandHa} sources={sources} />
        </dd>
        <dt>{t.leasedLand}</dt>
        <dd>
          <FigureValue figure={cluster.figures.leasedIndustrialLandHa} sources={sources} />
        </dd>
        <dt>{t.occupancy}</dt>
        <dd>
          {occupancy === null ? (
            unknown
          ) : (
            <>
              {format(occupancy, 'percent')} <span className="muted small">({t.occupancyComputed})</span>
            </>
          )}
        </dd>
      </dl>

      {cluster.obstacles.length > 0 && (
        <>
          <h3>{t.obstacles}</h3>
          <ul className="obstacles">
            {cluster.obstacles.map((obstacle) => (
              <li key={obstacle.kind}>
                {obstacleKinds.label(obstacle.kind, language)} ·{' '}
                <SourceRef source={source(obstacle.sourceId)} />
              </li>
            ))}
          </ul>
        </>
      )}

      {cluster.targets.length > 0 && (
        <>
          <h3>{t.targets}</h3>
          <TargetList targets={cluster.targets} sources={sources} today={today} />
        </>
      )}

      <h3>{t.sources}</h3>
      <ul className="sources">
        {cited.map((item) => (
          <SourceEntry key={item.id} source={item} />
        ))}
      </ul>
    </article>
  );
}
