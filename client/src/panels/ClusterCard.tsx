import type { ReactNode } from 'react';
import { measureArea } from '../../../domain/area.ts';
import type { ClusterGeometry, ClusterProperties } from '../../../domain/cluster.ts';
import { occupancyPercent } from '../../../domain/occupancy.ts';
import { checkClusterArea } from '../../../domain/rules.ts';
import type { Source } from '../../../domain/source.ts';
import type { Target } from '../../../domain/target.ts';
import { clusterTargetProgress } from '../../../domain/target-progress.ts';
import { provinceCentralMeridian } from '../../../domain/vn2000.ts';
import {
  geometrySources,
  infrastructureInvestorKinds,
  obstacleKinds,
  stages,
  wastewaterPlantStates,
} from '../../../domain/vocabulary.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { stageColors } from '../map/stageColors.ts';
import { AreaMeasuresView } from './AreaMeasuresView.tsx';
import { FigureValue, useFormatValue } from './FigureValue.tsx';
import { InfrastructureChecklist } from './InfrastructureChecklist.tsx';
import { RuleCheckView } from './RuleCheckView.tsx';
import { SourceEntry, SourceRef } from './SourceRef.tsx';
import { TargetList } from './TargetList.tsx';

type Props = {
  cluster: ClusterProperties;
  geometry: ClusterGeometry;
  sources: Source[];
  today: string;
  onClose: () => void;
  /** Adds the cluster to the compare tray; absent where there is no tray (the embed). */
  onCompare?: () => void;
  /** What the last compare click did. */
  compareMessage?: string | null;
  /** "Sửa số liệu" and its form, for an account that may edit; absent in the embed. */
  editing?: ReactNode;
  /** The cluster's change history; absent in the embed. */
  timeline?: ReactNode;
};

/**
 * The area a size rule is checked on: the declared area, else one measured from a real boundary;
 * never from an illustrative shape.
 */
function areaForRules(cluster: ClusterProperties, geometry: ClusterGeometry): number | null {
  const declared = cluster.figures.establishedAreaHa ?? cluster.figures.plannedAreaHa;
  if (declared) return declared.value;
  if (cluster.geometrySource === 'illustrative') return null;
  const measured = measureArea(geometry, {
    centralMeridianDegrees: provinceCentralMeridian(cluster.provinceId),
  });
  return measured.vn2000PlaneHectares ?? measured.geodesicHectares;
}

/** What is known about one cluster, each fact with its source; the rest says "chưa có số liệu". */
export function ClusterCard({
  cluster,
  geometry,
  sources,
  today,
  onClose,
  onCompare,
  compareMessage,
  editing,
  timeline,
}: Props) {
  const { t, text, language, date } = useI18n();
  const format = useFormatValue();
  const source = (id: string) => sources.find((item) => item.id === id);
  const unknown = <span className="unknown">{t.unknown}</span>;
  const occupancy = occupancyPercent(
    cluster.figures.leasedIndustrialLandHa?.value,
    cluster.figures.leasableIndustrialLandHa?.value,
  );
  const cited = sources.filter((item) => cluster.sourceIds.includes(item.id));
  const currentOf = (target: Target) => clusterTargetProgress(target, cluster);
  const plant = cluster.wastewaterPlant;

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

      {onCompare && (
        <div className="card-actions">
          <button type="button" className="button" onClick={onCompare} data-action="compare-cluster">
            {t.compare}
          </button>
          {compareMessage && (
            <span className="muted small" role="status">
              {compareMessage}
            </span>
          )}
        </div>
      )}

      {editing}

      {cluster.geometrySource === 'illustrative' && (
        <p className="notice illustrative">
          <strong>{geometrySources.label('illustrative', language)}.</strong>{' '}
          {cluster.geometryNote && text(cluster.geometryNote)}
        </p>
      )}

      {(cluster.geometrySource === 'drawn' || cluster.geometrySource === 'import') && (
        <p className="muted small" data-geometry-source={cluster.geometrySource}>
          {geometrySources.label(cluster.geometrySource, language)}
          {cluster.geometrySourceId && (
            <>
              {' '}
              · {t.source}: <SourceRef source={source(cluster.geometrySourceId)} />
            </>
          )}
          {cluster.geometryAsOf && ` · ${date(cluster.geometryAsOf)}`}
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
        <dd data-section="wastewater">
          {plant ? (
            <>
              {wastewaterPlantStates.label(plant.value.state, language)}
              {plant.value.capacityM3PerDay !== undefined &&
                ` · ${format(plant.value.capacityM3PerDay, 'm3/day')}`}{' '}
              · <SourceRef source={source(plant.sourceId)} />
            </>
          ) : (
            unknown
          )}
        </dd>
      </dl>

      <h3>{t.clearance}</h3>
      <dl className="facts" data-section="clearance">
        <dt>{t.clearedShare}</dt>
        <dd>
          <FigureValue figure={cluster.figures.clearedSharePercent} sources={sources} />
        </dd>
        <dt>{t.compensation}</dt>
        <dd>
          {cluster.clearance?.value.compensationNeeded == null
            ? unknown
            : cluster.clearance.value.compensationNeeded
              ? t.yes
              : t.no}
        </dd>
        <dt>{t.resettlement}</dt>
        <dd>
          {cluster.clearance?.value.resettlementNeeded == null
            ? unknown
            : cluster.clearance.value.resettlementNeeded
              ? t.yes
              : t.no}
        </dd>
      </dl>

      <h3>{t.infrastructure}</h3>
      <InfrastructureChecklist cluster={cluster} sources={sources} />

      <h3>{t.areas}</h3>
      <AreaMeasuresView cluster={cluster} geometry={geometry} sources={sources} />

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
          <TargetList targets={cluster.targets} sources={sources} asOf={today} currentOf={currentOf} />
        </>
      )}

      <h3>{t.ruleChecks}</h3>
      <RuleCheckView
        check={checkClusterArea(areaForRules(cluster, geometry), { mountainousOrCraftVillage: null })}
      />

      {timeline}

      <h3>{t.sources}</h3>
      <ul className="sources">
        {cited.map((item) => (
          <SourceEntry key={item.id} source={item} />
        ))}
      </ul>
    </article>
  );
}
