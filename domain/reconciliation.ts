import { z } from 'zod';
import type { ClusterProperties, Stage } from './cluster.ts';
import type { Unit } from './figure.ts';
import { bothLanguages } from './number-format.ts';
import { occupancyPercent } from './occupancy.ts';
import { type Province, ProvinceFigure, type ProvinceFigureKey, provinceFigureKeys } from './province.ts';
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
  /** The row in words, for a planner: what agrees, what is missing, what the gap is. */
  explanation: LocalizedText,
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

/** How a computed figure was made, so the explanation can say what is missing or unexplained. */
type Derivation =
  | { kind: 'cluster-count' }
  | { kind: 'cluster-area'; missing: number }
  | { kind: 'reported-parts'; parts: Array<{ label: LocalizedText; value: number | undefined }> }
  | { kind: 'ratio'; numerator: number | undefined; denominator: number | undefined };

const withUnit = (value: number, unit: Unit) => {
  const text = bothLanguages(value);
  const suffix = unit === 'ha' ? ' ha' : unit === 'percent' ? '%' : '';
  return { vi: `${text.vi}${suffix}`, en: `${text.en}${suffix}` };
};

function explain(
  unit: Unit,
  reported: ProvinceFigure | null,
  computed: number | null,
  difference: number | null,
  derivation: Derivation,
): LocalizedText {
  if (reported === null) {
    return {
      vi: 'Nguồn không báo cáo số này: không có gì để đối chiếu.',
      en: 'No source reports this figure: nothing to reconcile.',
    };
  }
  const r = withUnit(reported.value, unit);
  const about = reported.approximate ? { vi: 'khoảng ', en: 'about ' } : { vi: '', en: '' };
  if (computed === null || difference === null) {
    if (derivation.kind === 'cluster-area')
      return {
        vi: `Báo cáo ${about.vi}${r.vi}; chưa cộng được từ dữ liệu vì ${derivation.missing} cụm chưa có số liệu diện tích.`,
        en: `Reported ${about.en}${r.en}; cannot be summed from the data: ${derivation.missing} clusters have no area figure.`,
      };
    return {
      vi: `Báo cáo ${about.vi}${r.vi}; chưa đủ số liệu để tính đối chiếu.`,
      en: `Reported ${about.en}${r.en}; not enough data to compute a check.`,
    };
  }
  const c = withUnit(computed, unit);
  const gap = withUnit(Math.abs(difference), unit);
  if (derivation.kind === 'reported-parts') {
    const parts = derivation.parts.map((part) => withUnit(part.value ?? 0, unit));
    const sum = {
      vi: parts.map((part) => part.vi).join(' + '),
      en: parts.map((part) => part.en).join(' + '),
    };
    if (difference === 0 || Math.abs(difference) <= toleranceFor(unit, reported.value))
      return {
        vi: `${sum.vi} = ${c.vi}, khớp với ${r.vi} báo cáo.`,
        en: `${sum.en} = ${c.en}, as reported (${r.en}).`,
      };
    return {
      vi: `${sum.vi} = ${c.vi}, so với ${about.vi}${r.vi} báo cáo: chênh ${gap.vi}, nguồn không giải thích phần chênh này.`,
      en: `${sum.en} = ${c.en}, against ${about.en}${r.en} reported: a gap of ${gap.en} the source does not explain.`,
    };
  }
  if (derivation.kind === 'ratio') {
    const numerator = bothLanguages(derivation.numerator ?? 0);
    const denominator = bothLanguages(derivation.denominator ?? 0);
    const agrees = Math.abs(difference) <= toleranceFor(unit, reported.value);
    return agrees
      ? {
          vi: `${numerator.vi} ÷ ${denominator.vi} = ${bothLanguages(computed, 2).vi}%, khớp với ${r.vi} báo cáo (đã làm tròn).`,
          en: `${numerator.en} ÷ ${denominator.en} = ${bothLanguages(computed, 2).en}%, matching the ${r.en} reported (rounded).`,
        }
      : {
          vi: `${numerator.vi} ÷ ${denominator.vi} = ${bothLanguages(computed, 2).vi}%, khác ${r.vi} báo cáo: chênh ${gap.vi}.`,
          en: `${numerator.en} ÷ ${denominator.en} = ${bothLanguages(computed, 2).en}%, unlike the ${r.en} reported: ${gap.en} apart.`,
        };
  }
  if (difference === 0) {
    return {
      vi: `Dữ liệu từng cụm khớp với báo cáo (${r.vi}).`,
      en: `The per-cluster data matches the report (${r.en}).`,
    };
  }
  if (difference < 0) {
    return {
      vi: `Báo cáo ${r.vi}, dữ liệu từng cụm có ${c.vi}: ${gap.vi} cụm báo cáo có tính nhưng nguồn không nêu tên, nên chưa có trong dữ liệu.`,
      en: `Reported ${r.en}; the per-cluster data has ${c.en}: ${gap.en} clusters the report counts are not named by the source, so they are not in the data.`,
    };
  }
  return {
    vi: `Dữ liệu từng cụm có ${c.vi}, nhiều hơn ${r.vi} báo cáo: ${gap.vi} cụm được xếp vào giai đoạn này theo một câu khác của nguồn — cần kiểm tra giai đoạn từng cụm.`,
    en: `The per-cluster data has ${c.en}, more than the ${r.en} reported: ${gap.en} clusters are placed in this stage from another sentence of the source — check each cluster's stage.`,
  };
}

function compare(
  key: string,
  label: LocalizedText,
  unit: Unit,
  reported: ProvinceFigure | null,
  computed: number | null,
  basis: LocalizedText,
  derivation: Derivation = { kind: 'cluster-count' },
): ReconciliationRow {
  // A gap too large for a number (a reported value near the largest double) cannot be stated.
  if (reported === null || computed === null || !Number.isFinite(computed - reported.value)) {
    const explanation = explain(unit, reported, computed, null, derivation);
    return { key, label, unit, reported, computed, basis, difference: null, status: 'unknown', explanation };
  }
  const difference = roundMicro(computed - reported.value);
  const status = Math.abs(difference) <= toleranceFor(unit, reported.value) ? 'agrees' : 'differs';
  const explanation = explain(unit, reported, computed, difference, derivation);
  return { key, label, unit, reported, computed, basis, difference, status, explanation };
}

/**
 * Rounded to a millionth, which hides float noise such as 0.1 + 0.2. A value too large to scale
 * by 10⁶ (beyond ~1.8·10³⁰²) is kept as it is: it has no fraction left to round, and scaling it
 * would make it infinite.
 */
function roundMicro(value: number): number {
  const rounded = Math.round(value * 1e6) / 1e6;
  return Number.isFinite(rounded) ? rounded : value;
}

/**
 * Sum of figures, or null when any one is unknown: a partial sum would pass for a total. Null too
 * when the sum is too large for a number: an infinite total is no total.
 */
function sumKnown(values: ReadonlyArray<number | undefined>): number | null {
  if (values.some((value) => value === undefined)) return null;
  const sum = (values as number[]).reduce((total, value) => total + value, 0);
  return Number.isFinite(sum) ? roundMicro(sum) : null;
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

  const establishedAreas = inPlan
    .filter((cluster) => ESTABLISHED_OR_LATER.includes(cluster.stage))
    .map((cluster) => cluster.figures.establishedAreaHa?.value);

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
      sumKnown(establishedAreas),
      {
        vi: 'Cộng diện tích thành lập của từng cụm (chưa có số liệu nếu thiếu một cụm)',
        en: 'Sum of each cluster’s established area (unknown if any cluster lacks it)',
      },
      { kind: 'cluster-area', missing: establishedAreas.filter((area) => area === undefined).length },
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
        {
          kind: 'reported-parts',
          parts: pair.parts.map((part) => ({ label: provinceFigureKeys[part], value: value(part) })),
        },
      ),
    );
  }

  if (figure('occupancyPercent')) {
    const operating = inPlan.filter((cluster) => cluster.stage === 'operating');
    const leased = operating.map((cluster) => cluster.figures.leasedIndustrialLandHa?.value);
    const leasable = operating.map((cluster) => cluster.figures.leasableIndustrialLandHa?.value);
    rows.push(
      compare(
        'occupancyFromClusters',
        { vi: 'Tỷ lệ lấp đầy (từ dữ liệu từng cụm)', en: 'Occupancy (from per-cluster data)' },
        'percent',
        figure('occupancyPercent'),
        occupancyPercent(sumKnown(leased), sumKnown(leasable)),
        {
          vi: 'Tổng đất đã cho thuê ÷ tổng đất cho thuê của các cụm đang hoạt động (chưa có số liệu nếu thiếu một cụm)',
          en: 'Total leased ÷ total leasable land of the operating clusters (unknown if any cluster lacks it)',
        },
        {
          kind: 'cluster-area',
          missing: operating.filter(
            (_, index) => leased[index] === undefined || leasable[index] === undefined,
          ).length,
        },
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
        {
          kind: 'ratio',
          numerator: value('leasedIndustrialLandHa'),
          denominator: value('leasableIndustrialLandHa'),
        },
      ),
    );
  }
  return rows;
}
