import { describe, expect, test } from 'vitest';
import {
  endedReportingPeriods,
  formatReportingPeriodId,
  latestEndedReportingPeriod,
  parseReportingPeriodId,
  ReportingPeriodId,
  reportingPeriod,
  reportingPeriodLabel,
  reportingPeriodsContaining,
} from './reporting-period.ts';

const ids = (periods: { id: string }[]) => periods.map((period) => period.id);

describe('reporting period ids', () => {
  test('name a year and a kind, and read back the same period', () => {
    expect(formatReportingPeriodId(2024, 'h1')).toBe('2024-h1');
    expect(formatReportingPeriodId(2024, 'year')).toBe('2024-year');
    expect(parseReportingPeriodId('2024-h1')).toEqual(reportingPeriod(2024, 'h1'));
    expect(parseReportingPeriodId('2025-year')).toEqual(reportingPeriod(2025, 'year'));
  });

  test('refuse anything else', () => {
    for (const id of ['2024', '2024-h2', '2024-H1', '24-h1', '2024-year ', 'h1-2024', '', '2024-q3']) {
      expect(parseReportingPeriodId(id), id).toBeNull();
      expect(ReportingPeriodId.safeParse(id).success, id).toBe(false);
    }
  });
});

describe('reporting period dates (Thông tư 14/2024/TT-BCT)', () => {
  test('the six-month report covers 15/12 of the year before to 14/6', () => {
    expect(reportingPeriod(2024, 'h1')).toMatchObject({ startDate: '2023-12-15', endDate: '2024-06-14' });
  });

  test('the annual report covers 15/12 of the year before to 14/12', () => {
    expect(reportingPeriod(2024, 'year')).toMatchObject({ startDate: '2023-12-15', endDate: '2024-12-14' });
  });
});

describe('reportingPeriodLabel', () => {
  test('names the six-month report with the days it covers, in both languages', () => {
    expect(reportingPeriodLabel(reportingPeriod(2024, 'h1'))).toEqual({
      vi: 'Báo cáo 6 tháng đầu năm 2024 (15/12/2023 – 14/6/2024)',
      en: 'Six-month report 2024 (15 Dec 2023 – 14 Jun 2024)',
    });
  });

  test('names the annual report with the days it covers, in both languages', () => {
    expect(reportingPeriodLabel(reportingPeriod(2024, 'year'))).toEqual({
      vi: 'Báo cáo năm 2024 (15/12/2023 – 14/12/2024)',
      en: 'Annual report 2024 (15 Dec 2023 – 14 Dec 2024)',
    });
  });
});

describe('reportingPeriodsContaining', () => {
  test('puts 14/6 in the six-month and the annual period, 15/6 in the annual one only', () => {
    expect(ids(reportingPeriodsContaining('2024-06-14'))).toEqual(['2024-h1', '2024-year']);
    expect(ids(reportingPeriodsContaining('2024-06-15'))).toEqual(['2024-year']);
  });

  test('puts 14/12 in the year’s annual period, 15/12 in the next year’s periods', () => {
    expect(ids(reportingPeriodsContaining('2024-12-14'))).toEqual(['2024-year']);
    expect(ids(reportingPeriodsContaining('2024-12-15'))).toEqual(['2025-h1', '2025-year']);
    expect(ids(reportingPeriodsContaining('2024-12-31'))).toEqual(['2025-h1', '2025-year']);
  });

  test('puts 1/1 and a leap day in the year’s periods like any other day', () => {
    expect(ids(reportingPeriodsContaining('2025-01-01'))).toEqual(['2025-h1', '2025-year']);
    expect(ids(reportingPeriodsContaining('2024-02-29'))).toEqual(['2024-h1', '2024-year']);
  });

  test('refuses a date that is not one', () => {
    expect(() => reportingPeriodsContaining('2023-02-29')).toThrow();
    expect(() => reportingPeriodsContaining('14/6/2024')).toThrow();
  });
});

describe('latestEndedReportingPeriod', () => {
  test('has not ended the six-month period on its last day, has the day after', () => {
    expect(latestEndedReportingPeriod('2024-06-14').id).toBe('2023-year');
    expect(latestEndedReportingPeriod('2024-06-15').id).toBe('2024-h1');
  });

  test('has not ended the annual period on 14/12, has on 15/12', () => {
    expect(latestEndedReportingPeriod('2024-12-14').id).toBe('2024-h1');
    expect(latestEndedReportingPeriod('2024-12-15').id).toBe('2024-year');
  });

  test('gives the previous annual period early in a year and on a leap day', () => {
    expect(latestEndedReportingPeriod('2025-01-01').id).toBe('2024-year');
    expect(latestEndedReportingPeriod('2024-02-29').id).toBe('2023-year');
  });
});

describe('endedReportingPeriods', () => {
  test('lists the periods ended by a date, latest first', () => {
    expect(ids(endedReportingPeriods('2025-06-15', 4))).toEqual([
      '2025-h1',
      '2024-year',
      '2024-h1',
      '2023-year',
    ]);
    expect(ids(endedReportingPeriods('2025-06-14', 3))).toEqual(['2024-year', '2024-h1', '2023-year']);
    expect(ids(endedReportingPeriods('2024-12-20', 2))).toEqual(['2024-year', '2024-h1']);
  });

  test('gives nothing when asked for nothing', () => {
    expect(endedReportingPeriods('2025-06-15', 0)).toEqual([]);
  });
});
