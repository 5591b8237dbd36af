import { useState } from 'react';
import type { ProvinceDetail } from '../../../domain/api.ts';
import type { ClusterProperties } from '../../../domain/cluster.ts';
import { occupancyPercent } from '../../../domain/occupancy.ts';
import { provinceFigureKeys } from '../../../domain/province.ts';
import type { ReconciliationRow } from '../../../domain/reconciliation.ts';
import { checkNewClusterInDistrict } from '../../../domain/rules.ts';
import type { Target } from '../../../domain/target.ts';
import { clusterTargetProgress, compliantPlantShare } from '../../../domain/target-progress.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { FigureValue, useFormatValue } from './FigureValue.tsx';
import { ImportButton } from './import/ImportButton.tsx';
import { NationalReportExport } from './NationalReportExport.tsx';
import { RuleCheckView } from './RuleCheckView.tsx';
import { SourceEntry, SourceRef } from './SourceRef.tsx';
import { StageChart } from './StageChart.tsx';
import { TargetList } from './TargetList.tsx';

function ReconciliationTable({ rows }: { rows: ReconciliationRow[] }) {
  const { t, text } = useI18n();
  const format = useFormatValue();
  const statusLabel = { agrees: t.agrees, differs: t.differs, unknown: t.statusUnknown };
  const shown = (value: number | null, unit: ReconciliationRow['unit']) =>
    value === null ? <span className="unknown">{t.unknown}</span> : format(value, unit);
  return (
    <table className="reconciliation">
      <thead>
        <tr>
          <th />
          <th>{t.reported}</th>
          <th>{t.computed}</th>
          <th>{t.difference}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-status={row.status} data-key={row.key}>
            <th scope="row">
              {text(row.label)}
              <div className="muted small">{text(row.basis)}</div>
              <div className="explanation">{text(row.explanation)}</div>
            </th>
            <td>{shown(row.reported?.value ?? null, row.unit)}</td>
            <td>{shown(row.computed, row.unit)}</td>
            <td>
              <span className={`status status-${row.status}`}>{statusLabel[row.status]}</span>
              {row.difference !== null && row.difference !== 0 && (
                <div>{`${row.difference > 0 ? '+' : '−'}${format(Math.abs(row.difference), row.unit)}`}</div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The new-cluster condition for each district the sources name, from its clusters already established. */
function districtChecks(clusters: ClusterProperties[]) {
  const byDistrict = new Map<string, { name: ClusterProperties['name']; clusters: ClusterProperties[] }>();
  for (const cluster of clusters) {
    if (!cluster.locality || cluster.stage === 'planned' || cluster.stage === 'removed') continue;
    const key = cluster.locality.value.vi;
    const entry = byDistrict.get(key) ?? { name: cluster.locality.value, clusters: [] };
    entry.clusters.push(cluster);
    byDistrict.set(key, entry);
  }
  return [...byDistrict.values()].map(({ name, clusters: existing }) => ({
    name,
    check: checkNewClusterInDistrict(
      existing.map((cluster) => {
        const leased = cluster.figures.leasedIndustrialLandHa?.value;
        const leasable = cluster.figures.leasableIndustrialLandHa?.value;
        return {
          occupancyPercent: occupancyPercent(leased, leasable),
          unleasedIndustrialHectares:
            leased !== undefined && leasable !== undefined ? leasable - leased : null,
        };
      }),
    ),
  }));
}

type Props = {
  detail: ProvinceDetail;
  clusters: ClusterProperties[];
  today: string;
  /** After an import is committed: the app reloads. Absent (a past day shown): no import. */
  onImported?: () => void;
};

/** A province at a glance: stages, targets, rule checks, reported figures and how they reconcile. */
export function ProvincePanel({ detail, clusters, today, onImported }: Props) {
  const { t, text } = useI18n();
  const { province, sources } = detail;
  const [asOf, setAsOf] = useState(today);
  const currentOf = (target: Target) =>
    target.kind === 'wastewater-plant-compliance' ? compliantPlantShare(clusters) : null;
  const clusterTargets = clusters.flatMap((cluster) =>
    cluster.targets.map((target) => ({ cluster, target })),
  );
  return (
    <article className="panel province-panel" aria-labelledby="province-title">
      <header className="panel-header">
        <div>
          <h2 id="province-title">{text(province.name)}</h2>
          {province.plan && <p className="muted">{text(province.plan)}</p>}
        </div>
      </header>
      {onImported && (
        <ImportButton provinceId={province.id} sources={sources} today={today} onImported={onImported} />
      )}
      {province.notes.map((note) => (
        <p className="notice" key={note.vi}>
          {text(note)}
        </p>
      ))}

      <h3>{t.byStage}</h3>
      <StageChart province={province} clusters={clusters} />

      <h3>{t.targets}</h3>
      <label className="as-of">
        {t.statusAsOf}{' '}
        <input type="date" value={asOf} onChange={(event) => setAsOf(event.target.value || today)} />
      </label>
      {province.targets.length > 0 && (
        <TargetList targets={province.targets} sources={sources} asOf={asOf} currentOf={currentOf} />
      )}
      {clusterTargets.length > 0 && (
        <ul className="target-groups">
          {clusterTargets.map(({ cluster, target }) => (
            <li key={`${cluster.id}-${target.kind}`} data-cluster-id={cluster.id}>
              <strong>{text(cluster.name)}</strong>
              <TargetList
                targets={[target]}
                sources={sources}
                asOf={asOf}
                currentOf={(item) => clusterTargetProgress(item, cluster)}
              />
            </li>
          ))}
        </ul>
      )}

      <h3>{t.ruleChecks}</h3>
      <p className="muted small">{t.newClusterHelp}</p>
      {districtChecks(clusters).map(({ name, check }) => (
        <RuleCheckView key={name.vi} check={check} heading={text(name)} />
      ))}

      <h3>{t.reportedFigures}</h3>
      <dl className="facts">
        {province.figures.map((figure) => (
          <div key={figure.key} className="fact-row" data-figure={figure.key}>
            <dt>{text(provinceFigureKeys[figure.key])}</dt>
            <dd>
              <FigureValue figure={figure} sources={sources} />
            </dd>
          </div>
        ))}
      </dl>

      <h3>{t.reconciliation}</h3>
      <p className="muted small">{t.reconciliationHelp}</p>
      <ReconciliationTable rows={detail.reconciliation} />

      <NationalReportExport provinceId={province.id} clusterCount={clusters.length} today={today} />

      {province.obstacles.length > 0 && (
        <>
          <h3>{t.obstacles}</h3>
          <ul className="obstacles">
            {province.obstacles.map((obstacle) => (
              <li key={obstacle.description.vi}>
                {text(obstacle.description)} ·{' '}
                <SourceRef source={sources.find((source) => source.id === obstacle.sourceId)} />
              </li>
            ))}
          </ul>
        </>
      )}

      {province.leadAgency && (
        <>
          <h3>{t.leadAgency}</h3>
          <p>{text(province.leadAgency.description)}</p>
        </>
      )}

      {province.documents.length > 0 && (
        <>
          <h3>{t.documents}</h3>
          <ul className="documents">
            {province.documents.map((document) => (
              <li key={document.title.vi}>{text(document.title)}</li>
            ))}
          </ul>
        </>
      )}

      <h3>{t.sources}</h3>
      <ul className="sources">
        {sources.map((source) => (
          <SourceEntry key={source.id} source={source} />
        ))}
      </ul>
    </article>
  );
}
