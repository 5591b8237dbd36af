import { z } from 'zod';
import { IsoDate, type LocalizedText } from './text.ts';

/**
 * The reporting periods of Thông tư 14/2024/TT-BCT (the periodic reporting regime and the national
 * cluster database): the six-month report (`h1`) covers 15/12 of the year before to 14/6; the
 * annual report (`year`) covers 15/12 of the year before to 14/12. Both periods of a year start on
 * the same day, so a date from 15/6 to 14/12 lies in the annual period only, and a date from 15/12
 * on belongs to the next year's periods.
 *
 * The circular is in force from 1/10/2024; earlier periods are computed with the same dates, as a
 * planner comparing years would, not because the earlier regime used them.
 */
export const reportingPeriodKinds = ['h1', 'year'] as const;
export const ReportingPeriodKind = z.enum(reportingPeriodKinds);
export type ReportingPeriodKind = z.infer<typeof ReportingPeriodKind>;

const PERIOD_ID = /^(\d{4})-(h1|year)$/;

/**
 * A reporting period's id: the year the report is for and its kind, `2024-h1` (six-month report)
 * or `2024-year` (annual report).
 *
 * @example ReportingPeriodId.parse('2024-h1') // '2024-h1'
 */
export const ReportingPeriodId = z
  .string()
  .regex(PERIOD_ID, 'a reporting period is written YYYY-h1 (six-month report) or YYYY-year (annual report)')
  .refine((id) => Number(id.slice(0, 4)) >= 1000, 'the year has four digits');
export type ReportingPeriodId = z.infer<typeof ReportingPeriodId>;

/** A reporting period with the first and last day it covers, both included. */
export const ReportingPeriod = z.object({
  id: ReportingPeriodId,
  year: z.number().int(),
  kind: ReportingPeriodKind,
  /** First day covered: 15/12 of the year before. */
  startDate: IsoDate,
  /** Last day covered: 14/6 (six-month report) or 14/12 (annual report). */
  endDate: IsoDate,
});
export type ReportingPeriod = z.infer<typeof ReportingPeriod>;

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/**
 * The id of a year's period of a kind.
 *
 * @example formatReportingPeriodId(2024, 'h1') // '2024-h1'
 */
export function formatReportingPeriodId(year: number, kind: ReportingPeriodKind): ReportingPeriodId {
  return `${pad(year, 4)}-${kind}`;
}

/**
 * A year's period of a kind, with its dates.
 *
 * @example reportingPeriod(2024, 'h1') // { id: '2024-h1', startDate: '2023-12-15', endDate: '2024-06-14', … }
 */
export function reportingPeriod(year: number, kind: ReportingPeriodKind): ReportingPeriod {
  return {
    id: formatReportingPeriodId(year, kind),
    year,
    kind,
    startDate: `${pad(year - 1, 4)}-12-15`,
    endDate: kind === 'h1' ? `${pad(year, 4)}-06-14` : `${pad(year, 4)}-12-14`,
  };
}

/**
 * The period an id names, or null when the id is not one.
 *
 * @example parseReportingPeriodId('2024-year')?.endDate // '2024-12-14'
 * @example parseReportingPeriodId('2024-q3') // null
 */
export function parseReportingPeriodId(id: string): ReportingPeriod | null {
  if (!ReportingPeriodId.safeParse(id).success) return null;
  const match = PERIOD_ID.exec(id);
  if (!match) return null;
  return reportingPeriod(Number(match[1]), match[2] as ReportingPeriodKind);
}

const englishMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function dateParts(isoDate: string): [number, number, number] {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  return [year, month, day];
}

const viDate = (isoDate: string) => {
  const [year, month, day] = dateParts(isoDate);
  return `${day}/${month}/${year}`;
};
const enDate = (isoDate: string) => {
  const [year, month, day] = dateParts(isoDate);
  return `${day} ${englishMonths[month - 1]} ${year}`;
};

/**
 * The period's name as a report's title gives it, with the days it covers.
 *
 * @example reportingPeriodLabel(reportingPeriod(2024, 'h1'))
 * // { vi: 'Báo cáo 6 tháng đầu năm 2024 (15/12/2023 – 14/6/2024)',
 * //   en: 'Six-month report 2024 (15 Dec 2023 – 14 Jun 2024)' }
 */
export function reportingPeriodLabel(period: ReportingPeriod): LocalizedText {
  const name =
    period.kind === 'h1'
      ? { vi: `Báo cáo 6 tháng đầu năm ${period.year}`, en: `Six-month report ${period.year}` }
      : { vi: `Báo cáo năm ${period.year}`, en: `Annual report ${period.year}` };
  return {
    vi: `${name.vi} (${viDate(period.startDate)} – ${viDate(period.endDate)})`,
    en: `${name.en} (${enDate(period.startDate)} – ${enDate(period.endDate)})`,
  };
}

/**
 * The periods a date falls in: the six-month and the annual period from 15/12 to 14/6, the annual
 * period only from 15/6 to 14/12. A date from 15/12 on belongs to the next year's periods.
 *
 * @example reportingPeriodsContaining('2024-06-14').map((p) => p.id) // ['2024-h1', '2024-year']
 * @example reportingPeriodsContaining('2024-12-15').map((p) => p.id) // ['2025-h1', '2025-year']
 */
export function reportingPeriodsContaining(isoDate: string): ReportingPeriod[] {
  const date = IsoDate.parse(isoDate);
  const [year, month, day] = dateParts(date);
  const reportYear = month === 12 && day >= 15 ? year + 1 : year;
  return reportingPeriodKinds
    .map((kind) => reportingPeriod(reportYear, kind))
    .filter((period) => period.startDate <= date && date <= period.endDate);
}

/**
 * The periods that have ended by a date (their last day is before it), latest first. A period ends
 * at the close of its last day: on 14/6 the six-month period is still running, on 15/6 it has ended.
 *
 * @example endedReportingPeriods('2025-06-15', 3).map((p) => p.id) // ['2025-h1', '2024-year', '2024-h1']
 */
export function endedReportingPeriods(isoDate: string, count: number): ReportingPeriod[] {
  const date = IsoDate.parse(isoDate);
  const [year] = dateParts(date);
  const periods: ReportingPeriod[] = [];
  // The year's own periods may have ended; the year after's cannot have.
  for (let reportYear = year; periods.length < count; reportYear -= 1) {
    for (const kind of ['year', 'h1'] as const) {
      const period = reportingPeriod(reportYear, kind);
      if (period.endDate < date && periods.length < count) periods.push(period);
    }
  }
  return periods;
}

/**
 * The latest period that has ended by a date: the default period of a report made that day.
 *
 * @example latestEndedReportingPeriod('2024-06-14').id // '2023-year'
 * @example latestEndedReportingPeriod('2024-06-15').id // '2024-h1'
 */
export function latestEndedReportingPeriod(isoDate: string): ReportingPeriod {
  const [latest] = endedReportingPeriods(isoDate, 1);
  if (!latest) throw new Error(`no reporting period ended by ${isoDate}`);
  return latest;
}
