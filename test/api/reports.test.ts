import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiError } from '../../domain/api.ts';
import {
  NationalReport,
  nationalReportColumns,
  nationalReportHeaders,
} from '../../domain/national-report.ts';
import { createApp } from '../../server/app.ts';
import { bundleWithTestProvince, testClusterId, testProvinceId } from './fixtures/test-province.ts';
import { databaseKind, openFreshStore, silentLogger } from './test-store.ts';

let cleanup: () => Promise<void>;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  const opened = await openFreshStore({ geodata: bundleWithTestProvince() });
  cleanup = opened.cleanup;
  app = createApp({ store: Promise.resolve(opened.store), logger: silentLogger });
});
afterAll(async () => cleanup?.());

const path = '/api/reports/national-database';
const BOM = [0xef, 0xbb, 0xbf];

/** The raw bytes of a CSV answer, and its records read by a real CSV parser. */
async function csv(query: string) {
  const response = await request(app).get(`${path}?${query}`).responseType('blob').expect(200);
  const bytes = response.body as Buffer;
  const records: string[][] = parse(bytes.subarray(3).toString('utf8'), { relax_column_count: false });
  return { response, bytes, records };
}

/** A CSV record as an object keyed by column. */
const byColumn = (record: string[]) =>
  Object.fromEntries(nationalReportColumns.map((column, index) => [column.key, record[index]]));

const expectError = (body: unknown, mention: string) => {
  const parsed = ApiError.parse(body);
  expect(parsed.error.message_vi).toContain(mention);
  expect(parsed.error.message_en).toContain(mention);
};

describe(`national database export on ${databaseKind}`, () => {
  test('gives Khánh Hòa as a UTF-8 CSV attachment with a BOM, one row per cluster', async () => {
    const { response, bytes, records } = await csv('province=khanh-hoa&period=2024-h1');
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="ccn-khanh-hoa-2024-h1.csv"');
    expect([...bytes.subarray(0, 3)]).toEqual(BOM);
    const [header, ...rows] = records;
    expect(header).toEqual(nationalReportHeaders());
    expect(header).toContain('Diện tích quy hoạch (ha) / Planned area (ha)');
    expect(rows).toHaveLength(11);
    expect(new Set(rows.map((row) => byColumn(row).clusterId)).size).toBe(11);
  });

  test('writes CCN Sông Cầu with its stage and source, its unknown figures empty and said so', async () => {
    const { records } = await csv('province=khanh-hoa&period=2024-year');
    const songCau = records.map(byColumn).find((row) => row.clusterId === 'song-cau');
    expect(songCau).toMatchObject({
      periodId: '2024-year',
      periodStart: '2023-12-15',
      periodEnd: '2024-12-14',
      provinceId: 'khanh-hoa',
      name: 'CCN Sông Cầu',
      stageCode: 'operating',
      stage: 'Đang hoạt động',
      stageSource: '4794/KH-UBND',
      locality: 'huyện Khánh Vĩnh',
      localitySource: '4794/KH-UBND',
      plannedAreaHa: '',
      plannedAreaHaSource: 'chưa có số liệu',
      leasedIndustrialLandHa: '',
      leasedIndustrialLandHaSource: 'chưa có số liệu',
      occupancyPercent: '',
      occupancyPercentSource: 'chưa có số liệu',
      infrastructureCompletenessPercent: '',
      workerCount: '',
      workerCountSource: 'chưa có số liệu',
    });
    expect(Object.values(songCau ?? {})).not.toContain('0');
  });

  test('writes no 0 anywhere in the shipped data, which reports no per-cluster figure', async () => {
    const { records } = await csv('province=khanh-hoa&period=2024-year');
    for (const record of records.slice(1)) expect(record).not.toContain('0');
  });

  test('withholds a figure dated after the six-month period and shows it for the year', async () => {
    const report = async (period: string) => {
      const response = await request(app)
        .get(path)
        .query({ province: testProvinceId, period, format: 'json' })
        .expect(200);
      return NationalReport.parse(response.body);
    };
    const h1 = await report('2024-h1');
    const [first] = h1.rows;
    expect(h1.rows).toHaveLength(1);
    expect(first).toMatchObject({
      clusterId: testClusterId,
      plannedAreaHa: 27.5,
      plannedAreaHaSource: 'Dữ liệu thử nghiệm',
      plannedAreaHaAsOf: '2024-03-01',
      leasedIndustrialLandHa: null,
      leasedIndustrialLandHaSource: 'số liệu sau kỳ báo cáo (as-of 2024-09-30)',
      occupancyPercent: null,
      occupancyPercentSource: 'số liệu sau kỳ báo cáo (as-of 2024-09-30)',
      infrastructureCompletenessPercent: '80–100',
      wastewaterPlantState: 'Đạt quy chuẩn kỹ thuật quốc gia',
      wastewaterPlantCapacityM3PerDay: 800,
    });

    const year = await report('2024-year');
    expect(year.period).toMatchObject({ id: '2024-year', startDate: '2023-12-15', endDate: '2024-12-14' });
    expect(year.period.label.en).toBe('Annual report 2024 (15 Dec 2023 – 14 Dec 2024)');
    expect(year.rows[0]).toMatchObject({
      leasedIndustrialLandHa: 9,
      leasedIndustrialLandHaAsOf: '2024-09-30',
      occupancyPercent: 45,
      occupancyPercentSource: 'Dữ liệu thử nghiệm',
      occupancyPercentAsOf: '2024-09-30; 2024-03-01',
    });
  });

  test('gives the same row in CSV as in JSON', async () => {
    const { records } = await csv(`province=${testProvinceId}&period=2024-h1`);
    const row = byColumn(records[1] ?? []);
    expect(row).toMatchObject({ plannedAreaHa: '27.5', leasedIndustrialLandHa: '', occupancyPercent: '' });
  });

  test('exports Hòa Bình, whose source names no cluster, as the header row alone', async () => {
    const { records, response } = await csv('province=hoa-binh&period=2024-h1');
    expect(records).toEqual([nationalReportHeaders()]);
    expect(response.headers['content-disposition']).toContain('ccn-hoa-binh-2024-h1.csv');
    const json = await request(app).get(`${path}?province=hoa-binh&period=2024-h1&format=json`).expect(200);
    expect(NationalReport.parse(json.body).rows).toEqual([]);
  });

  test('asks for a province by name when it is missing, and does not know an unknown one', async () => {
    expectError((await request(app).get(`${path}?period=2024-h1`).expect(400)).body, '"province"');
    expectError(
      (await request(app).get(`${path}?province=Khanh Hoa&period=2024-h1`).expect(400)).body,
      '"province"',
    );
    expectError(
      (await request(app).get(`${path}?province=atlantis&period=2024-h1`).expect(404)).body,
      '"atlantis"',
    );
  });

  test('asks for a valid period with an example', async () => {
    expectError((await request(app).get(`${path}?province=khanh-hoa`).expect(400)).body, '"2024-h1"');
    const invalid = await request(app).get(`${path}?province=khanh-hoa&period=2024-q3`).expect(400);
    expectError(invalid.body, '2024-q3');
    expectError(invalid.body, '"2024-h1"');
  });

  test('refuses an unknown parameter or format, naming it', async () => {
    expectError(
      (await request(app).get(`${path}?province=khanh-hoa&period=2024-h1&provence=x`).expect(400)).body,
      '"provence"',
    );
    expectError(
      (await request(app).get(`${path}?province=khanh-hoa&period=2024-h1&format=xlsx`).expect(400)).body,
      '"format"',
    );
  });
});
