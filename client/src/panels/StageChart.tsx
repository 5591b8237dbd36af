import type { ClusterProperties, Stage } from '../../../domain/cluster.ts';
import type { Province, ProvinceFigureKey } from '../../../domain/province.ts';
import { stages } from '../../../domain/vocabulary.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { stageColors } from '../map/stageColors.ts';

/** The reported count each stage can be checked against, where a source gives one. */
const reportedCountOf: Partial<Record<Stage, ProvinceFigureKey>> = {
  planned: 'notEstablishedClusterCount',
  established: 'establishedWithoutInfrastructureCount',
  operating: 'operatingClusterCount',
};

/**
 * Clusters by stage: a bar for those the data holds, a tick where the report puts the count, and
 * the area by stage summed from cluster figures (unknown if any cluster of the stage lacks one).
 */
export function StageChart({ province, clusters }: { province: Province; clusters: ClusterProperties[] }) {
  const { t, language, number } = useI18n();
  const rows = stages.codes
    .filter((stage) => stage !== 'removed')
    .map((stage) => {
      const inStage = clusters.filter((cluster) => cluster.stage === stage);
      const reportedKey = reportedCountOf[stage];
      const reported = reportedKey
        ? province.figures.find((figure) => figure.key === reportedKey)?.value
        : undefined;
      const areas = inStage.map(
        (cluster) => cluster.figures.establishedAreaHa?.value ?? cluster.figures.plannedAreaHa?.value,
      );
      const area =
        areas.length > 0 && areas.every((value) => value !== undefined)
          ? areas.reduce<number>((sum, value) => sum + (value ?? 0), 0)
          : null;
      return { stage, count: inStage.length, reported, area };
    });
  const max = Math.max(1, ...rows.map((row) => Math.max(row.count, row.reported ?? 0)));
  const width = 140;
  return (
    <table className="stage-chart">
      <thead>
        <tr>
          <th />
          <th>{t.clustersInData}</th>
          <th>{t.areaByStage}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.stage} data-stage={row.stage}>
            <th scope="row">{stages.label(row.stage, language)}</th>
            <td>
              <svg
                width={width + 40}
                height="16"
                role="img"
                aria-label={`${row.count}${row.reported !== undefined ? ` / ${row.reported}` : ''}`}
              >
                <rect
                  x="0"
                  y="3"
                  height="10"
                  width={(row.count / max) * width}
                  fill={stageColors[row.stage]}
                />
                {row.reported !== undefined && (
                  <line
                    x1={(row.reported / max) * width}
                    x2={(row.reported / max) * width}
                    y1="0"
                    y2="16"
                    stroke="#000"
                    strokeWidth="2"
                  />
                )}
                <text x={(Math.max(row.count, row.reported ?? 0) / max) * width + 6} y="12" fontSize="11">
                  {row.count}
                  {row.reported !== undefined ? ` / ${row.reported}` : ''}
                </text>
              </svg>
            </td>
            <td>
              {row.area === null ? <span className="unknown">{t.unknown}</span> : `${number(row.area)} ha`}
            </td>
          </tr>
        ))}
      </tbody>
      <caption className="muted small">{t.stageChartCaption}</caption>
    </table>
  );
}
