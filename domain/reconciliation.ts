import { z } from 'zod';
import type { ClusterProperties, Stage } from './cluster.ts';
import type { Unit } from './figure.ts';
import { occupancyPercent } from './occupancy.ts';
import { type Province, ProvinceFigure, type ProvinceFigureKey } from './province.ts';
import { LocalizedText } from './text.ts';

export const ReconciliationStatus = z.enum(['agrees', 'differs', 'unknown']);
export type ReconciliationStatus = z.infer<typeof ReconciliationStatus>;

/** One reported total set beside the figure computed from other data, and how far apart they are. */
export const ReconciliationRow = z.object({
  key: z.string(),
  label: LocalizedText,
  unit: z.enum(['ha', 'percent', 'count', 'people', 'm3/day']),
  reported: ProvinceFigure.nullable(),
  computed: z.number().nullable(),
  /** What the computed figure is made from. */
  basis: LocalizedText,
  /** computed − reported; null when either is unknown. */
  difference: z.number().nullable(),
  status: ReconciliationStatus,
});
export type ReconciliationRow = z.infer<typeof ReconciliationRow>;

const ESTABLISHED_OR_LATER: readonly Stage[] = ['established', 'building', 'operating'];

/** Differences smaller than the source's own rounding are agreement, not a discrepancy. */
function toleranceFor(unit: Unit, reported: number): number {
  if (unit === 'count' || unit === 'people') return 0;
  if (unit === 'percent') return 0.5;
  const decimals = (String(reported).split('.')[1] ?? '').length;
  return 0.5 * 10 ** -decimals + 1e-9;
}

function compare(
  key: string,
  label: LocalizedText,
  unit: Unit,
  reported: ProvinceFigure | null,
  computed: number | null,
  basis: LocalizedText,
): ReconciliationRow {
  if (reported === null || computed === null) {
    return { key, label, unit, reported, computed, basis, difference: null, status: 'unknown' };
  }
  const difference = Math.round((computed - reported.value) * 1e6) / 1e6;
  const status = Math.abs(difference) <= toleranceFor(unit, reported.value) ? 'agrees' : 'differs';
  return { key, label, unit, reported, computed, basis, difference, status };
}

/** Sum of figures, or null when any one is unknown: a partial sum would pass for a total. */
function sumKnown(values: ReadonlyArray<number | undefined>): number | null {
  if (values.some((value) => value === undefined)) return null;
  return Math.round((values as number[]).reduce((sum, value) => sum + value, 0) * 1e6) / 1e6;
}

/**
 * Reconciles a province's reported totals with the per-cluster data and with each other, so a
 * planner sees a gap rather than have it hidden. Pure: neither input is changed.
 */
export function reconcileProvince(
  province: Province,
  clusters: readonly ClusterProperties[],
): ReconciliationRow[] {
  const figure = (key: ProvinceFigureKey) => province.figures.find((item) => item.key === key) ?? null;
  const value = (key: ProvinceFigureKey) => figure(key)?.value;
  const inPlan = clusters.filter((cluster) => cluster.stage !== 'removed');
  const countStages = (wanted: readonly Stage[]) =>
    inPlan.filter((cluster) => wanted.includes(cluster.stage)).length;
  const fromClusters = (vi: string, en: string) => ({
    vi: `Đếm từ dữ liệu từng cụm: ${vi}`,
    en: `Counted from per-cluster data: ${en}`,
  });

  const rows: ReconciliationRow[] = [
    compare(
      'clustersInPlan',
      { vi: 'Số CCN trong quy hoạch', en: 'Clusters in the plan' },
      'count',
      figure('plannedClusterCount'),
      inPlan.length,
      fromClusters('các cụm có trong dữ liệu', 'clusters held in the data'),
    ),
    compare(
      'clustersEstablished',
      { vi: 'Số CCN đã thành lập', en: 'Clusters established' },
      'count',
      figure('establishedClusterCount'),
      countStages(ESTABLISHED_OR_LATER),
      fromClusters('đã thành lập, đang xây dựng hoặc đang hoạt động', 'established, building or operating'),
    ),
    compare(
      'clustersOperating',
      { vi: 'Số CCN đang hoạt động', en: 'Clusters operating' },
      'count',
      figure('operatingClusterCount'),
      countStages(['operating']),
      fromClusters('đang hoạt động', 'operating'),
    ),
    compare(
      'clustersWithoutInfrastructure',
      { vi: 'CCN đã thành lập, chưa đầu tư hạ tầng', en: 'Established, no infrastructure yet' },
      'count',
      figure('establishedWithoutInfrastructureCount'),
      countStages(['established']),
      fromClusters('đã thành lập, chưa đầu tư hạ tầng', 'established, no infrastructure yet'),
    ),
    compare(
      'clustersNotEstablished',
      { vi: 'Số CCN chưa thành lập', en: 'Clusters not yet established' },
      'count',
      figure('notEstablishedClusterCount'),
      countStages(['planned']),
      fromClusters('trong quy hoạch, chưa thành lập', 'planned, not yet established'),
    ),
    compare(
      'establishedAreaFromClusters',
      { vi: 'Diện tích đã thành lập', en: 'Established area' },
      'ha',
      figure('establishedAreaHa'),
      sumKnown(
        inPlan
          .filter((cluster) => ESTABLISHED_OR_LATER.includes(cluster.stage))
          .map((cluster) => cluster.figures.establishedAreaHa?.value),
      ),
      {
        vi: 'Cộng diện tích thành lập của từng cụm (chưa có số liệu nếu thiếu một cụm)',
        en: 'Sum of each cluster’s established area (unknown if any cluster lacks it)',
      },
    ),
  ];

  const reportedPairs: Array<{
    key: ProvinceFigureKey;
    parts: ProvinceFigureKey[];
    label: LocalizedText;
    basis: LocalizedText;
    unit: Unit;
  }> = [
    {
      key: 'plannedAreaHa',
      parts: ['establishedAreaHa', 'notEstablishedAreaHa'],
      label: { vi: 'Diện tích quy hoạch', en: 'Planned area' },
      basis: {
        vi: 'Diện tích đã thành lập + chưa thành lập, theo số liệu báo cáo',
        en: 'Established + not-yet-established area, as reported',
      },
      unit: 'ha',
    },
    {
      key: 'establishedAreaHa',
      parts: ['enterpriseInvestorAreaHa', 'stateBudgetAreaHa'],
      label: { vi: 'Diện tích đã thành lập', en: 'Established area' },
      basis: {
        vi: 'Diện tích CCN doanh nghiệp + ngân sách, theo số liệu báo cáo',
        en: 'Enterprise + state-budget cluster area, as reported',
      },
      unit: 'ha',
    },
    {
      key: 'establishedClusterCount',
      parts: ['enterpriseInvestorClusterCount', 'stateBudgetClusterCount'],
      label: { vi: 'Số CCN đã thành lập', en: 'Clusters established' },
      basis: {
        vi: 'Số CCN doanh nghiệp + ngân sách, theo số liệu báo cáo',
        en: 'Enterprise + state-budget clusters, as reported',
      },
      unit: 'count',
    },
    {
      key: 'plannedClusterCount',
      parts: ['establishedClusterCount', 'notEstablishedClusterCount'],
      label: { vi: 'Số CCN trong quy hoạch', en: 'Clusters in the plan' },
      basis: {
        vi: 'Số CCN đã thành lập + chưa thành lập, theo số liệu báo cáo',
        en: 'Established + not-yet-established clusters, as reported',
      },
      unit: 'count',
    },
  ];
  for (const pair of reportedPairs) {
    if (!pair.parts.some((part) => figure(part))) continue;
    rows.push(
      compare(
        `${pair.key}FromReportedParts`,
        pair.label,
        pair.unit,
        figure(pair.key),
        sumKnown(pair.parts.map(value)),
        pair.basis,
      ),
    );
  }

  if (figure('occupancyPercent') || figure('leasedIndustrialLandHa')) {
    rows.push(
      compare(
        'occupancyFromReportedAreas',
        { vi: 'Tỷ lệ lấp đầy', en: 'Occupancy' },
        'percent',
        figure('occupancyPercent'),
        occupancyPercent(value('leasedIndustrialLandHa'), value('leasableIndustrialLandHa')),
        {
          vi: 'Đất đã cho thuê ÷ đất công nghiệp cho thuê, theo số liệu báo cáo',
          en: 'Leased ÷ leasable industrial land, as reported',
        },
      ),
    );
  }
  return rows;
}
