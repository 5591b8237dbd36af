import { describe, expect, test } from 'vitest';
import { ClusterProperties, type ClusterPropertiesInput } from './cluster.ts';
import type { ReportedFigureInput } from './figure.ts';
import {
  NationalReport,
  nationalReport,
  nationalReportColumns,
  nationalReportHeaders,
  nationalReportRows,
} from './national-report.ts';
import { reportingPeriod } from './reporting-period.ts';
import type { Source } from './source.ts';

const plan: Source = {
  id: 'kh-4794',
  title: { vi: 'Kế hoạch 4794/KH-UBND', en: 'Plan 4794/KH-UBND' },
  number: '4794/KH-UBND',
  issuer: { vi: 'UBND tỉnh Khánh Hòa', en: 'Khánh Hòa Provincial People’s Committee' },
  issuedOn: null,
  file: '000_68acbeee2dbe3615.txt',
};
const survey: Source = {
  id: 'survey-2024',
  title: { vi: 'Báo cáo rà soát cụm công nghiệp 2024', en: 'Cluster review 2024' },
  number: null,
  issuer: { vi: 'Sở Công Thương', en: 'Department of Industry and Trade' },
  issuedOn: '2024-10-01',
  file: 'survey.txt',
};
const sources = [plan, survey];

const ha = (value: number, asOf: string | null, sourceId = 'kh-4794'): ReportedFigureInput => ({
  value,
  unit: 'ha',
  sourceId,
  asOf,
});

function cluster(overrides: Partial<ClusterPropertiesInput> = {}): ClusterProperties {
  return ClusterProperties.parse({
    id: 'song-cau',
    provinceId: 'khanh-hoa',
    name: { vi: 'CCN Sông Cầu', en: 'Sông Cầu cluster' },
    stage: 'operating',
    stageSourceId: 'kh-4794',
    locality: { value: { vi: 'huyện Khánh Vĩnh', en: 'Khánh Vĩnh district' }, sourceId: 'kh-4794' },
    infrastructureInvestor: null,
    wastewaterPlant: null,
    geometrySource: 'illustrative',
    sourceIds: ['kh-4794'],
    ...overrides,
  });
}

const h1 = reportingPeriod(2024, 'h1');
const year = reportingPeriod(2024, 'year');
const only = (clusters: ClusterProperties[], period = h1) => {
  const [row] = nationalReportRows(clusters, sources, period);
  if (!row) throw new Error('no row');
  return row;
};

describe('nationalReportColumns', () => {
  test('follow every figure column with its source column and its as-of column', () => {
    const keys: string[] = nationalReportColumns.map((column) => column.key);
    const figures = keys.filter((key) => keys.includes(`${key}AsOf`));
    expect(figures).toEqual([
      'plannedAreaHa',
      'establishedAreaHa',
      'leasableIndustrialLandHa',
      'leasedIndustrialLandHa',
      'occupancyPercent',
      'clearedSharePercent',
      'infrastructureCompletenessPercent',
      'wastewaterPlantCapacityM3PerDay',
      'productionFacilityCount',
      'workerCount',
    ]);
    for (const key of figures) {
      const at = keys.indexOf(key);
      expect(keys.slice(at, at + 3)).toEqual([key, `${key}Source`, `${key}AsOf`]);
    }
  });

  test('give one header row, Vietnamese first with the English after it', () => {
    const headers = nationalReportHeaders();
    expect(headers).toHaveLength(nationalReportColumns.length);
    expect(headers).toContain('Diện tích quy hoạch (ha) / Planned area (ha)');
    expect(headers).toContain('Nguồn — Diện tích quy hoạch (ha) / Source — Planned area (ha)');
    expect(headers[0]).toBe('Kỳ báo cáo / Reporting period');
  });
});

describe('nationalReportRows', () => {
  test('gives one row per cluster, removed ones included, by province then Vietnamese name', () => {
    const rows = nationalReportRows(
      [
        cluster({ id: 'b', name: { vi: 'CCN Bắc Sơn', en: 'B' } }),
        cluster({ id: 'z', provinceId: 'hoa-binh', name: { vi: 'CCN Zeta', en: 'Z' } }),
        cluster({ id: 'a', name: { vi: 'CCN Ánh Dương', en: 'A' }, stage: 'removed' }),
        cluster({ id: 'c', name: { vi: 'CCN Cam Lâm', en: 'C' } }),
      ],
      sources,
      h1,
    );
    expect(rows.map((row) => row.clusterId)).toEqual(['z', 'a', 'b', 'c']);
    expect(rows[1]).toMatchObject({ stageCode: 'removed', stage: 'Đã rút khỏi quy hoạch' });
  });

  test('gives no row when there is no cluster, not rows made from province totals', () => {
    expect(nationalReportRows([], sources, h1)).toEqual([]);
  });

  test('names the period, the cluster, its stage and locality with their sources', () => {
    expect(only([cluster({ aliases: ['Sông Cầu 1', 'Song Cau'] })])).toMatchObject({
      periodId: '2024-h1',
      periodStart: '2023-12-15',
      periodEnd: '2024-06-14',
      provinceId: 'khanh-hoa',
      clusterId: 'song-cau',
      name: 'CCN Sông Cầu',
      aliases: 'Sông Cầu 1; Song Cau',
      stageCode: 'operating',
      stage: 'Đang hoạt động',
      stageSource: '4794/KH-UBND',
      locality: 'huyện Khánh Vĩnh',
      localitySource: '4794/KH-UBND',
      geometrySource: 'Minh họa — không phải ranh giới đo đạc',
    });
  });

  test('leaves an unknown figure empty and says so in its source column, never 0', () => {
    const row = only([cluster({ locality: null })]);
    for (const key of [
      'plannedAreaHa',
      'leasedIndustrialLandHa',
      'occupancyPercent',
      'workerCount',
    ] as const) {
      expect(row[key], key).toBeNull();
      expect(row[`${key}Source`], key).toBe('chưa có số liệu');
      expect(row[`${key}AsOf`], key).toBeNull();
    }
    expect(row).toMatchObject({
      locality: null,
      localitySource: 'chưa có số liệu',
      infrastructureInvestor: null,
      infrastructureInvestorSource: 'chưa có số liệu',
      infrastructureCompletenessPercent: null,
      infrastructureCompletenessPercentSource: 'chưa có số liệu',
      wastewaterPlantState: null,
      wastewaterPlantStateSource: 'chưa có số liệu',
      wastewaterPlantCapacityM3PerDay: null,
    });
    expect(Object.values(row)).not.toContain(0);
  });

  test('shows a figure the source gives no date for, saying its date is unknown', () => {
    const row = only([cluster({ figures: { plannedAreaHa: ha(42.5, null) } })]);
    expect(row).toMatchObject({
      plannedAreaHa: 42.5,
      plannedAreaHaSource: '4794/KH-UBND',
      plannedAreaHaAsOf: 'không rõ thời điểm',
    });
  });

  test('withholds a figure dated after the period, showing it in the period it describes', () => {
    const figures = { leasedIndustrialLandHa: ha(12, '2024-09-30', 'survey-2024') };
    expect(only([cluster({ figures })], h1)).toMatchObject({
      leasedIndustrialLandHa: null,
      leasedIndustrialLandHaSource: 'số liệu sau kỳ báo cáo (as-of 2024-09-30)',
      leasedIndustrialLandHaAsOf: '2024-09-30',
    });
    expect(only([cluster({ figures })], year)).toMatchObject({
      leasedIndustrialLandHa: 12,
      leasedIndustrialLandHaSource: 'Báo cáo rà soát cụm công nghiệp 2024',
      leasedIndustrialLandHaAsOf: '2024-09-30',
    });
  });

  test('keeps a figure dated on the period’s last day, withholds one dated the day after', () => {
    expect(
      only([cluster({ figures: { workerCount: { ...ha(300, '2024-06-14'), unit: 'people' } } })]),
    ).toMatchObject({ workerCount: 300 });
    expect(
      only([cluster({ figures: { workerCount: { ...ha(300, '2024-06-15'), unit: 'people' } } })]),
    ).toMatchObject({ workerCount: null, workerCountSource: 'số liệu sau kỳ báo cáo (as-of 2024-06-15)' });
  });

  test('says when the source gives a figure as approximate', () => {
    const row = only([cluster({ figures: { plannedAreaHa: { ...ha(50, null), approximate: true } } })]);
    expect(row.plannedAreaHaSource).toBe('4794/KH-UBND (nguồn ghi "khoảng")');
  });

  test('derives occupancy from leased ÷ leasable land, citing both inputs', () => {
    const row = only(
      [
        cluster({
          figures: {
            leasableIndustrialLandHa: ha(40, null),
            leasedIndustrialLandHa: ha(10, '2024-03-01', 'survey-2024'),
          },
        }),
      ],
      h1,
    );
    expect(row).toMatchObject({
      occupancyPercent: 25,
      occupancyPercentSource: 'Báo cáo rà soát cụm công nghiệp 2024; 4794/KH-UBND',
      occupancyPercentAsOf: '2024-03-01; không rõ thời điểm',
    });
  });

  test('withholds occupancy when an input is withheld, and leaves it unknown when one is missing', () => {
    const figures = {
      leasableIndustrialLandHa: ha(40, '2024-03-01'),
      leasedIndustrialLandHa: ha(10, '2024-09-30'),
    };
    expect(only([cluster({ figures })], h1)).toMatchObject({
      occupancyPercent: null,
      occupancyPercentSource: 'số liệu sau kỳ báo cáo (as-of 2024-09-30)',
    });
    expect(only([cluster({ figures })], year)).toMatchObject({ occupancyPercent: 25 });
    expect(only([cluster({ figures: { leasedIndustrialLandHa: ha(10, null) } })], year)).toMatchObject({
      occupancyPercent: null,
      occupancyPercentSource: 'chưa có số liệu',
    });
  });

  test('gives infrastructure completeness exactly when all ten components are known, else its range', () => {
    const done = { value: 'done', sourceId: 'kh-4794' } as const;
    const building = { value: 'building', sourceId: 'survey-2024' } as const;
    const eight = {
      internalRoads: done,
      sidewalks: done,
      greenSpace: done,
      waterSupply: done,
      wastewater: done,
      solidWaste: done,
      fireProtection: done,
      powerSupply: building,
    };
    expect(only([cluster({ infrastructure: eight })])).toMatchObject({
      infrastructureCompletenessPercent: '70–90',
      infrastructureCompletenessPercentSource: '4794/KH-UBND; Báo cáo rà soát cụm công nghiệp 2024',
      infrastructureCompletenessPercentAsOf: 'không rõ thời điểm',
    });
    const all = { ...eight, publicLighting: done, telecom: done };
    expect(only([cluster({ infrastructure: all })]).infrastructureCompletenessPercent).toBe(90);
  });

  test('gives the wastewater plant’s state and capacity with their source', () => {
    const plant = { value: { state: 'compliant', capacityM3PerDay: 800 }, sourceId: 'survey-2024' } as const;
    expect(only([cluster({ wastewaterPlant: plant })])).toMatchObject({
      wastewaterPlantState: 'Đạt quy chuẩn kỹ thuật quốc gia',
      wastewaterPlantStateSource: 'Báo cáo rà soát cụm công nghiệp 2024',
      wastewaterPlantCapacityM3PerDay: 800,
      wastewaterPlantCapacityM3PerDaySource: 'Báo cáo rà soát cụm công nghiệp 2024',
      wastewaterPlantCapacityM3PerDayAsOf: 'không rõ thời điểm',
    });
    const noCapacity = { value: { state: 'building' }, sourceId: 'kh-4794' } as const;
    expect(only([cluster({ wastewaterPlant: noCapacity })])).toMatchObject({
      wastewaterPlantState: 'Đang xây dựng',
      wastewaterPlantCapacityM3PerDay: null,
      wastewaterPlantCapacityM3PerDaySource: 'chưa có số liệu',
    });
  });

  test('names a source it does not hold by its id rather than dropping it', () => {
    expect(only([cluster({ stageSourceId: 'not-held' })]).stageSource).toBe('not-held');
  });

  test('gives a plain cell for every column, in every row', () => {
    const row = only([cluster()]);
    expect(Object.keys(row)).toEqual(nationalReportColumns.map((column) => column.key));
    for (const value of Object.values(row)) expect(['string', 'number', 'object']).toContain(typeof value);
  });

  test('does not change the clusters or sources it is given', () => {
    const clusters = [
      cluster({ id: 'b', name: { vi: 'CCN B', en: 'B' }, figures: { plannedAreaHa: ha(1, '2025-01-01') } }),
      cluster({ id: 'a', name: { vi: 'CCN A', en: 'A' } }),
    ];
    const before = structuredClone({ clusters, sources });
    nationalReportRows(clusters, sources, h1);
    expect({ clusters, sources }).toEqual(before);
  });
});

describe('nationalReport', () => {
  test('gives the period with its label, the columns and the rows, as the API schema reads them', () => {
    const report = NationalReport.parse(nationalReport('khanh-hoa', [cluster()], sources, year));
    expect(report.period).toMatchObject({ id: '2024-year', endDate: '2024-12-14' });
    expect(report.period.label.vi).toBe('Báo cáo năm 2024 (15/12/2023 – 14/12/2024)');
    expect(report.columns).toHaveLength(nationalReportColumns.length);
    expect(report.rows).toHaveLength(1);
  });

  test('gives no rows for a province with no cluster in the data', () => {
    expect(nationalReport('hoa-binh', [], sources, year).rows).toEqual([]);
  });
});
