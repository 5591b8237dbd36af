import { z } from 'zod';
import type { ClusterFigures, ClusterProperties } from './cluster.ts';
import type { ReportedFigure } from './figure.ts';
import { infrastructureCompleteness } from './infrastructure.ts';
import { occupancyPercent } from './occupancy.ts';
import { ReportingPeriod, reportingPeriodLabel } from './reporting-period.ts';
import type { Source } from './source.ts';
import { LocalizedText } from './text.ts';
import {
  geometrySources,
  infrastructureComponents,
  infrastructureInvestorKinds,
  stages,
  wastewaterPlantStates,
} from './vocabulary.ts';

/** What a source column says of a figure no source gives. */
export const unknownFigureText = 'chưa có số liệu';
/** What an as-of column says of a figure whose source gives no date. */
const undatedFigureText = 'không rõ thời điểm';
/** What a source column says of a figure that holds at a date after the period: it does not describe it. */
const afterPeriodText = (asOf: string) => `số liệu sau kỳ báo cáo (as-of ${asOf})`;

/** A figure column followed by its source column and its as-of column. */
function figureColumns<const Key extends string>(key: Key, header: LocalizedText) {
  return [
    { key, header },
    {
      key: `${key}Source` as `${Key}Source`,
      header: { vi: `Nguồn — ${header.vi}`, en: `Source — ${header.en}` },
    },
    {
      key: `${key}AsOf` as `${Key}AsOf`,
      header: { vi: `Thời điểm số liệu — ${header.vi}`, en: `As of — ${header.en}` },
    },
  ] as const;
}

/**
 * The columns of the export for the national cluster database (cơ sở dữ liệu cụm công nghiệp cả
 * nước, Thông tư 14/2024/TT-BCT), in order. Every figure column is followed by its source column and
 * its as-of column; a fact the data model records with no date (stage, locality, investor, the
 * wastewater plant's state) by its source column only.
 */
export const nationalReportColumns = [
  { key: 'periodId', header: { vi: 'Kỳ báo cáo', en: 'Reporting period' } },
  { key: 'periodStart', header: { vi: 'Từ ngày', en: 'Period start' } },
  { key: 'periodEnd', header: { vi: 'Đến ngày', en: 'Period end' } },
  { key: 'provinceId', header: { vi: 'Mã tỉnh', en: 'Province id' } },
  { key: 'clusterId', header: { vi: 'Mã cụm', en: 'Cluster id' } },
  { key: 'name', header: { vi: 'Tên cụm công nghiệp', en: 'Cluster name (Vietnamese)' } },
  { key: 'aliases', header: { vi: 'Tên khác trong nguồn', en: 'Other spellings in sources' } },
  { key: 'stageCode', header: { vi: 'Mã giai đoạn', en: 'Stage code' } },
  { key: 'stage', header: { vi: 'Giai đoạn', en: 'Stage' } },
  { key: 'stageSource', header: { vi: 'Nguồn — Giai đoạn', en: 'Source — Stage' } },
  { key: 'locality', header: { vi: 'Địa bàn (theo nguồn)', en: 'Locality (as the source names it)' } },
  { key: 'localitySource', header: { vi: 'Nguồn — Địa bàn', en: 'Source — Locality' } },
  { key: 'infrastructureInvestor', header: { vi: 'Chủ đầu tư hạ tầng', en: 'Infrastructure investor' } },
  {
    key: 'infrastructureInvestorSource',
    header: { vi: 'Nguồn — Chủ đầu tư hạ tầng', en: 'Source — Infrastructure investor' },
  },
  ...figureColumns('plannedAreaHa', { vi: 'Diện tích quy hoạch (ha)', en: 'Planned area (ha)' }),
  ...figureColumns('establishedAreaHa', { vi: 'Diện tích thành lập (ha)', en: 'Established area (ha)' }),
  ...figureColumns('leasableIndustrialLandHa', {
    vi: 'Đất công nghiệp cho thuê (ha)',
    en: 'Industrial land for lease (ha)',
  }),
  ...figureColumns('leasedIndustrialLandHa', {
    vi: 'Đất công nghiệp đã cho thuê (ha)',
    en: 'Industrial land leased (ha)',
  }),
  ...figureColumns('occupancyPercent', {
    vi: 'Tỷ lệ lấp đầy (%, tính từ đã cho thuê ÷ cho thuê)',
    en: 'Occupancy (%, computed as leased ÷ leasable)',
  }),
  ...figureColumns('clearedSharePercent', {
    vi: 'Tỷ lệ diện tích đã GPMB (%)',
    en: 'Share of land cleared (%)',
  }),
  ...figureColumns('infrastructureCompletenessPercent', {
    vi: 'Mức hoàn thiện hạ tầng kỹ thuật (%, tính từ 10 hạng mục)',
    en: 'Infrastructure completeness (%, computed from 10 components)',
  }),
  {
    key: 'wastewaterPlantState',
    header: { vi: 'Trạm xử lý nước thải tập trung', en: 'Central wastewater treatment plant' },
  },
  {
    key: 'wastewaterPlantStateSource',
    header: { vi: 'Nguồn — Trạm xử lý nước thải', en: 'Source — Wastewater plant' },
  },
  ...figureColumns('wastewaterPlantCapacityM3PerDay', {
    vi: 'Công suất trạm xử lý nước thải (m³/ngày)',
    en: 'Wastewater plant capacity (m³/day)',
  }),
  ...figureColumns('productionFacilityCount', { vi: 'Số cơ sở sản xuất', en: 'Production facilities' }),
  ...figureColumns('workerCount', { vi: 'Số lao động (người)', en: 'Workers (people)' }),
  { key: 'geometrySource', header: { vi: 'Nguồn hình học', en: 'Geometry source' } },
] as const;

export type NationalReportColumnKey = (typeof nationalReportColumns)[number]['key'];
export const NationalReportCell = z.union([z.string(), z.number(), z.null()]);
export type NationalReportCell = z.infer<typeof NationalReportCell>;
/** One cluster's row: plain cells, so it can be written as CSV (and XLSX) as it is. */
export type NationalReportRow = Record<NationalReportColumnKey, NationalReportCell>;

/**
 * The header row: Vietnamese, then the English after a slash.
 *
 * @example nationalReportHeaders()[14] // 'Diện tích quy hoạch (ha) / Planned area (ha)'
 */
export function nationalReportHeaders(): string[] {
  return nationalReportColumns.map((column) => `${column.header.vi} / ${column.header.en}`);
}

/** `GET /api/reports/national-database?format=json` */
export const NationalReport = z.object({
  period: ReportingPeriod.extend({ label: LocalizedText }),
  provinceId: z.string(),
  columns: z.array(z.object({ key: z.string(), header: LocalizedText })),
  /** One row per cluster held in the data, removed ones included; none when the data names none. */
  rows: z.array(z.record(z.string(), NationalReportCell)),
});
export type NationalReport = z.infer<typeof NationalReport>;

/** Names a source for a source column. */
export type SourceNames = (sourceId: string) => string;

/** A figure as it stands for the period: shown, held back as later than the period, or unknown. */
type FigureForPeriod =
  | { status: 'shown'; figure: ReportedFigure }
  | { status: 'after-period'; asOf: string }
  | { status: 'unknown' };

/** With no period (null), every figure held is shown: the data as it stands now. */
function figureForPeriod(
  figure: ReportedFigure | undefined,
  period: ReportingPeriod | null,
): FigureForPeriod {
  if (!figure) return { status: 'unknown' };
  if (period !== null && figure.asOf !== null && figure.asOf > period.endDate)
    return { status: 'after-period', asOf: figure.asOf };
  return { status: 'shown', figure };
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const distinct = (values: string[]) => [...new Set(values)].join('; ');

/** A figure's value, source and as-of cells. */
export type FigureCells = [NationalReportCell, NationalReportCell, NationalReportCell];
type Triple = FigureCells;
const unknownTriple: Triple = [null, unknownFigureText, null];

function figureTriple(state: FigureForPeriod, sourceName: SourceNames): Triple {
  if (state.status === 'unknown') return unknownTriple;
  if (state.status === 'after-period') return [null, afterPeriodText(state.asOf), state.asOf];
  const { figure } = state;
  const source = sourceName(figure.sourceId) + (figure.approximate ? ' (nguồn ghi "khoảng")' : '');
  return [figure.value, source, figure.asOf ?? undatedFigureText];
}

/** Occupancy from leased ÷ leasable, citing both inputs; held back when an input is. */
function occupancyTriple(
  figures: ClusterFigures,
  period: ReportingPeriod | null,
  sourceName: SourceNames,
): Triple {
  const inputs = [
    figureForPeriod(figures.leasedIndustrialLandHa, period),
    figureForPeriod(figures.leasableIndustrialLandHa, period),
  ];
  const shown = inputs.flatMap((input) => (input.status === 'shown' ? [input.figure] : []));
  const [leased, leasable] = shown;
  const percent = shown.length === 2 ? occupancyPercent(leased?.value, leasable?.value) : null;
  if (percent === null) {
    const later = inputs.flatMap((input) => (input.status === 'after-period' ? [input.asOf] : []));
    const latest = later.sort().at(-1);
    return latest === undefined ? unknownTriple : [null, afterPeriodText(latest), latest];
  }
  return [
    round2(percent),
    distinct(shown.map((figure) => sourceName(figure.sourceId))),
    distinct(shown.map((figure) => figure.asOf ?? undatedFigureText)),
  ];
}

/** Completeness from the components a source reports: exact when all ten are known, else a range. */
export function completenessTriple(cluster: ClusterProperties, sourceName: SourceNames): Triple {
  const reported = infrastructureComponents.codes.flatMap((code) => {
    const component = cluster.infrastructure[code];
    return component ? [component] : [];
  });
  if (reported.length === 0) return unknownTriple;
  const { percent, minimumPercent, maximumPercent } = infrastructureCompleteness(cluster.infrastructure);
  return [
    percent !== null ? round2(percent) : `${round2(minimumPercent)}–${round2(maximumPercent)}`,
    distinct(reported.map((component) => sourceName(component.sourceId))),
    // Component states carry no date in the data model.
    undatedFigureText,
  ];
}

/** The wastewater plant's state (Vietnamese label), its source, and its capacity's cells. */
export function wastewaterPlantCells(cluster: ClusterProperties, sourceName: SourceNames) {
  const plant = cluster.wastewaterPlant;
  if (!plant) return { state: null, stateSource: unknownFigureText, capacity: unknownTriple };
  const source = sourceName(plant.sourceId);
  const capacity: Triple =
    plant.value.capacityM3PerDay === undefined
      ? unknownTriple
      : // The plant's record carries no date in the data model.
        [plant.value.capacityM3PerDay, source, undatedFigureText];
  return { state: wastewaterPlantStates.label(plant.value.state, 'vi'), stateSource: source, capacity };
}

const collator = new Intl.Collator('vi');

/**
 * Names a source by its number (e.g. "4794/KH-UBND"), or its Vietnamese title when it has none; an
 * id not among `sources` is named by itself.
 *
 * @example sourceNamer(sources)('kh-4794-khanh-hoa') // '4794/KH-UBND'
 */
export function sourceNamer(sources: readonly Source[]): SourceNames {
  const byId = new Map(sources.map((source) => [source.id, source]));
  return (sourceId) => {
    const source = byId.get(sourceId);
    return source ? (source.number ?? source.title.vi) : sourceId;
  };
}

/**
 * A figure's cells as the data stands now (no reporting period): value, source, as-of. Unknown is an
 * empty value with "chưa có số liệu" as its source, never 0; an undated figure says "không rõ thời
 * điểm". Exports other than the national report (`/api/export`) use these, so both read alike.
 *
 * @example currentFigureCells(undefined, name) // [null, 'chưa có số liệu', null]
 */
export function currentFigureCells(figure: ReportedFigure | undefined, sourceName: SourceNames): FigureCells {
  return figureTriple(figureForPeriod(figure, null), sourceName);
}

/** Occupancy now, from leased ÷ leasable, citing both inputs; unknown when either is. */
export function currentOccupancyCells(figures: ClusterFigures, sourceName: SourceNames): FigureCells {
  return occupancyTriple(figures, null, sourceName);
}

/**
 * One row per cluster for the national cluster database's reporting period (Thông tư
 * 14/2024/TT-BCT), ordered by province then Vietnamese name. Removed clusters are included with
 * their stage: the national database tracks changes. No cluster given, no row: a province whose
 * source names no cluster (Hòa Bình) exports the header row only, rather than rows invented from
 * its totals.
 *
 * Truth in data, cell by cell:
 * - a figure no source gives is an empty cell, its source column saying "chưa có số liệu" (never 0);
 * - a figure whose as-of date is after the period's end does not describe the period: its cell is
 *   empty, its source column says "số liệu sau kỳ báo cáo (as-of YYYY-MM-DD)", its as-of column
 *   gives that date;
 * - a figure whose source gives no date (asOf null, as in Kế hoạch 4794/KH-UBND) is included, its
 *   as-of column saying "không rõ thời điểm" so the planner sees it;
 * - derived figures (occupancy, infrastructure completeness) cite the sources of their inputs;
 *   occupancy is held back when an input is. Completeness is exact when all ten components are
 *   known, otherwise the range "min–max" it must lie in.
 *
 * A source is named by its number (e.g. "4794/KH-UBND"), or its Vietnamese title when it has none.
 * The input is not changed.
 *
 * @example nationalReportRows(clusters, sources, reportingPeriod(2024, 'h1'))[0].stageSource // '4794/KH-UBND'
 */
export function nationalReportRows(
  clusters: readonly ClusterProperties[],
  sources: readonly Source[],
  period: ReportingPeriod,
): NationalReportRow[] {
  const sourceName = sourceNamer(sources);
  const sorted = [...clusters].sort(
    (a, b) =>
      a.provinceId.localeCompare(b.provinceId) ||
      collator.compare(a.name.vi, b.name.vi) ||
      a.id.localeCompare(b.id),
  );
  return sorted.map((cluster) => {
    const figure = (key: keyof ClusterFigures) =>
      figureTriple(figureForPeriod(cluster.figures[key], period), sourceName);
    const [plannedAreaHa, plannedAreaHaSource, plannedAreaHaAsOf] = figure('plannedAreaHa');
    const [establishedAreaHa, establishedAreaHaSource, establishedAreaHaAsOf] = figure('establishedAreaHa');
    const [leasableIndustrialLandHa, leasableIndustrialLandHaSource, leasableIndustrialLandHaAsOf] =
      figure('leasableIndustrialLandHa');
    const [leasedIndustrialLandHa, leasedIndustrialLandHaSource, leasedIndustrialLandHaAsOf] =
      figure('leasedIndustrialLandHa');
    const [occupancy, occupancySource, occupancyAsOf] = occupancyTriple(cluster.figures, period, sourceName);
    const [clearedSharePercent, clearedSharePercentSource, clearedSharePercentAsOf] =
      figure('clearedSharePercent');
    const [completeness, completenessSource, completenessAsOf] = completenessTriple(cluster, sourceName);
    const plant = wastewaterPlantCells(cluster, sourceName);
    const [productionFacilityCount, productionFacilityCountSource, productionFacilityCountAsOf] =
      figure('productionFacilityCount');
    const [workerCount, workerCountSource, workerCountAsOf] = figure('workerCount');
    const row: NationalReportRow = {
      periodId: period.id,
      periodStart: period.startDate,
      periodEnd: period.endDate,
      provinceId: cluster.provinceId,
      clusterId: cluster.id,
      name: cluster.name.vi,
      aliases: cluster.aliases.length > 0 ? cluster.aliases.join('; ') : null,
      stageCode: cluster.stage,
      stage: stages.label(cluster.stage, 'vi'),
      stageSource: sourceName(cluster.stageSourceId),
      locality: cluster.locality?.value.vi ?? null,
      localitySource: cluster.locality ? sourceName(cluster.locality.sourceId) : unknownFigureText,
      infrastructureInvestor: cluster.infrastructureInvestor
        ? infrastructureInvestorKinds.label(cluster.infrastructureInvestor.value.kind, 'vi')
        : null,
      infrastructureInvestorSource: cluster.infrastructureInvestor
        ? sourceName(cluster.infrastructureInvestor.sourceId)
        : unknownFigureText,
      plannedAreaHa,
      plannedAreaHaSource,
      plannedAreaHaAsOf,
      establishedAreaHa,
      establishedAreaHaSource,
      establishedAreaHaAsOf,
      leasableIndustrialLandHa,
      leasableIndustrialLandHaSource,
      leasableIndustrialLandHaAsOf,
      leasedIndustrialLandHa,
      leasedIndustrialLandHaSource,
      leasedIndustrialLandHaAsOf,
      occupancyPercent: occupancy,
      occupancyPercentSource: occupancySource,
      occupancyPercentAsOf: occupancyAsOf,
      clearedSharePercent,
      clearedSharePercentSource,
      clearedSharePercentAsOf,
      infrastructureCompletenessPercent: completeness,
      infrastructureCompletenessPercentSource: completenessSource,
      infrastructureCompletenessPercentAsOf: completenessAsOf,
      wastewaterPlantState: plant.state,
      wastewaterPlantStateSource: plant.stateSource,
      wastewaterPlantCapacityM3PerDay: plant.capacity[0],
      wastewaterPlantCapacityM3PerDaySource: plant.capacity[1],
      wastewaterPlantCapacityM3PerDayAsOf: plant.capacity[2],
      productionFacilityCount,
      productionFacilityCountSource,
      productionFacilityCountAsOf,
      workerCount,
      workerCountSource,
      workerCountAsOf,
      geometrySource: geometrySources.label(cluster.geometrySource, 'vi'),
    };
    return row;
  });
}

/**
 * The whole report as the JSON export gives it: the period with its label, the columns, the rows.
 *
 * @example nationalReport('hoa-binh', [], sources, reportingPeriod(2024, 'year')).rows // []
 */
export function nationalReport(
  provinceId: string,
  clusters: readonly ClusterProperties[],
  sources: readonly Source[],
  period: ReportingPeriod,
): NationalReport {
  return {
    period: { ...period, label: reportingPeriodLabel(period) },
    provinceId,
    columns: nationalReportColumns.map(({ key, header }) => ({ key, header: { ...header } })),
    rows: nationalReportRows(clusters, sources, period),
  };
}
