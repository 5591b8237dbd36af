import { DOMParser } from '@xmldom/xmldom';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiError } from '../../domain/api.ts';
import type { ClusterFeature } from '../../domain/cluster.ts';
import { createApp } from '../../server/app.ts';
import { exportHeader } from '../../server/export/csv.ts';
import { clusterExportColumns, plotExportColumns } from '../../server/export/rows.ts';
import { layoutCluster } from '../../server/plots/layout-cluster.ts';
import { shippedBundleWith } from './fixtures/made-up-province.ts';
import { databaseKind, openFreshStore, silentLogger } from './test-store.ts';

let cleanup: () => Promise<void>;
let app: ReturnType<typeof createApp>;
let plotCount = 0;

/** A name that would break a KML or a web page if it were pasted in unescaped. */
const trickyName = 'CCN <script>alert("x")</script> & Đông Hòa';
const exportProvinceId = 'tinh-xuat-thu';

/** A made-up cluster with reported figures, so numbers and their sources can be checked. */
const reportedCluster: ClusterFeature = {
  type: 'Feature',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [106.6, 10.6],
        [106.605, 10.6],
        [106.605, 10.605],
        [106.6, 10.605],
        [106.6, 10.6],
      ],
    ],
  },
  properties: {
    id: 'cum-xuat-thu',
    provinceId: exportProvinceId,
    name: { vi: trickyName, en: 'Export test cluster' },
    aliases: [],
    stage: 'operating',
    stageSourceId: 'export-fixture',
    locality: { value: { vi: 'huyện Thử', en: 'Thử district' }, sourceId: 'export-fixture' },
    infrastructureInvestor: { value: { kind: 'enterprise' }, sourceId: 'export-fixture' },
    wastewaterPlant: { value: { state: 'compliant', capacityM3PerDay: 800 }, sourceId: 'export-fixture' },
    infrastructure: {},
    clearance: null,
    obstacles: [],
    targets: [],
    figures: {
      plannedAreaHa: {
        value: 27.5,
        unit: 'ha',
        approximate: false,
        sourceId: 'export-fixture',
        asOf: '2024-03-01',
      },
      leasableIndustrialLandHa: {
        value: 20,
        unit: 'ha',
        approximate: false,
        sourceId: 'export-fixture',
        asOf: '2024-03-01',
      },
      leasedIndustrialLandHa: {
        value: 9,
        unit: 'ha',
        approximate: false,
        sourceId: 'export-fixture',
        asOf: null,
      },
    },
    geometrySource: 'survey',
    sourceIds: ['export-fixture'],
  },
};

beforeAll(async () => {
  const opened = await openFreshStore({
    geodata: shippedBundleWith({
      id: exportProvinceId,
      name: { vi: 'Tỉnh Xuất thử', en: 'Export test province' },
      view: { center: [106.6, 10.6], zoom: 12 },
      source: {
        id: 'export-fixture',
        title: { vi: 'Dữ liệu thử cho xuất tệp', en: 'Test data for exports' },
        issuer: { vi: 'Bộ kiểm thử', en: 'Test suite' },
        file: 'test/api/export.test.ts',
      },
      clusters: [reportedCluster],
    }),
  });
  cleanup = opened.cleanup;
  plotCount = (
    await layoutCluster(
      opened.store,
      'song-cau',
      { plotWidthM: 50, plotDepthM: 80, roadWidthM: 12 },
      { actor: null },
    )
  ).plotCount;
  app = createApp({ store: Promise.resolve(opened.store), logger: silentLogger });
});
afterAll(async () => cleanup?.());

/** The raw bytes of an export. */
async function download(path: string) {
  const response = await request(app)
    .get(`/api/export/${path}`)
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    })
    .expect(200);
  return { response, bytes: response.body as Buffer };
}

const DATED_ATTACHMENT = (collection: string, province: string, extension: string) =>
  new RegExp(`^attachment; filename="ccn-${collection}-${province}-\\d{4}-\\d{2}-\\d{2}\\.${extension}"$`);

/** CSV records read by a real parser, keyed by column key. */
function csvRecords(bytes: Buffer, columns: typeof clusterExportColumns) {
  const records: string[][] = parse(bytes.subarray(3).toString('utf8'), { relax_column_count: false });
  const [header = [], ...rows] = records;
  return {
    header,
    rows: rows.map((row) => Object.fromEntries(columns.map((column, index) => [column.key, row[index]]))),
  };
}

const refused = async (path: string, status: number, mention: string) => {
  const response = await request(app).get(`/api/export/${path}`).expect(status);
  const { error } = ApiError.parse(response.body);
  expect(error.message_vi).toContain(mention);
  expect(error.message_en).toContain(mention);
  return error;
};

describe(`exports of clusters on ${databaseKind}`, () => {
  test('GeoJSON keeps the records as /api/clusters gives them, geometrySource on every feature', async () => {
    const { response, bytes } = await download('clusters.geojson?province=khanh-hoa');
    expect(response.headers['content-type']).toBe('application/geo+json');
    expect(response.headers['content-disposition']).toMatch(
      DATED_ATTACHMENT('clusters', 'khanh-hoa', 'geojson'),
    );
    const exported = JSON.parse(bytes.toString('utf8'));
    expect(exported.type).toBe('FeatureCollection');
    expect(exported.features).toHaveLength(11);
    const api = (await request(app).get('/api/clusters?province=khanh-hoa').expect(200)).body;
    const byId = new Map(api.features.map((feature: ClusterFeature) => [feature.properties.id, feature]));
    for (const feature of exported.features) {
      expect(feature.properties.geometrySource).toBe('illustrative');
      expect(feature).toMatchObject(byId.get(feature.properties.id) as object);
    }
    expect(exported.sources.map((source: { number: string }) => source.number)).toContain('4794/KH-UBND');
    expect(exported.note.vi).toContain('minh họa');
  });

  test('CSV has a BOM, CRLF lines, the vi / en header and one row per Khánh Hòa cluster', async () => {
    const { response, bytes } = await download('clusters.csv?province=khanh-hoa');
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(DATED_ATTACHMENT('clusters', 'khanh-hoa', 'csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');
    const { header, rows } = csvRecords(bytes, clusterExportColumns);
    expect(header).toEqual(clusterExportColumns.map(exportHeader));
    expect(header).toContain('Tên cụm / Name (Vietnamese)');
    expect(header).toContain('Nguồn — Diện tích quy hoạch (ha) / Source — Planned area (ha)');
    expect(rows).toHaveLength(11);
    expect(rows.map((row) => row.name_vi)).toContain('CCN Trảng É 2');
  });

  test('CSV leaves unknown figures empty, never 0, and says "chưa có số liệu" in their source', async () => {
    const { bytes } = await download('clusters.csv?province=khanh-hoa');
    const songCau = csvRecords(bytes, clusterExportColumns).rows.find((row) => row.id === 'song-cau');
    expect(songCau).toMatchObject({
      name_vi: 'CCN Sông Cầu',
      stage: 'operating',
      stage_vi: 'Đang hoạt động',
      stage_source: '4794/KH-UBND',
      locality_vi: 'huyện Khánh Vĩnh',
      planned_area_ha: '',
      planned_area_ha_source: 'chưa có số liệu',
      planned_area_ha_as_of: '',
      occupancy_percent: '',
      occupancy_percent_source: 'chưa có số liệu',
      infrastructure_percent: '',
      wastewater_state: '',
      wastewater_state_source: 'chưa có số liệu',
      worker_count: '',
      geometry_source: 'illustrative',
      geometry_source_vi: 'Minh họa — không phải ranh giới đo đạc',
    });
  });

  test('CSV gives reported figures with their source and as-of, occupancy derived from them', async () => {
    const { bytes } = await download(`clusters.csv?province=${exportProvinceId}`);
    const [row] = csvRecords(bytes, clusterExportColumns).rows;
    expect(row).toMatchObject({
      name_vi: trickyName,
      planned_area_ha: '27.5',
      planned_area_ha_source: 'Dữ liệu thử cho xuất tệp',
      planned_area_ha_as_of: '2024-03-01',
      leased_area_ha: '9',
      leased_area_ha_as_of: 'không rõ thời điểm',
      occupancy_percent: '45',
      wastewater_state: 'compliant',
      wastewater_state_vi: 'Đạt quy chuẩn kỹ thuật quốc gia',
      wastewater_capacity_m3_per_day: '800',
      infrastructure_investor_vi: 'Doanh nghiệp',
      geometry_source: 'survey',
    });
  });

  test('filters by stage as /api/clusters does', async () => {
    const { bytes } = await download('clusters.csv?province=khanh-hoa&stage=operating');
    const { rows } = csvRecords(bytes, clusterExportColumns);
    expect(rows.map((row) => row.id).sort()).toEqual(['khatoco-ninh-ich', 'song-cau']);
  });

  test('XLSX: a bold frozen header, Vietnamese intact, numbers as numbers, the sources sheet', async () => {
    const { response, bytes } = await download(`clusters.xlsx?province=${exportProvinceId}`);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers['content-disposition']).toMatch(
      DATED_ATTACHMENT('clusters', exportProvinceId, 'xlsx'),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Cụm công nghiệp', 'Nguồn']);
    const [table, sources] = workbook.worksheets;
    if (!table || !sources) throw new Error('sheets missing');
    expect(table.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = table.getRow(1);
    expect(header.font?.bold).toBe(true);
    expect(header.getCell(2).value).toBe('Tên cụm / Name (Vietnamese)');
    const column = (key: string) => clusterExportColumns.findIndex((item) => item.key === key) + 1;
    const row = table.getRow(2);
    expect(row.getCell(column('name_vi')).value).toBe(trickyName);
    const planned = row.getCell(column('planned_area_ha'));
    expect(planned.value).toBe(27.5);
    expect(planned.numFmt).toBe('#,##0.00');
    expect(row.getCell(column('occupancy_percent')).value).toBe(45);
    // Unknown: an empty cell, its source column saying so.
    expect(row.getCell(column('cleared_share_percent')).value).toBeNull();
    expect(row.getCell(column('cleared_share_percent_source')).value).toBe('chưa có số liệu');
    expect(table.getColumn(column('name_vi')).width).toBeGreaterThan(20);

    expect(sources.getRow(1).getCell(2).value).toBe('Số hiệu\nNumber');
    expect(sources.getRow(2).getCell(3).value).toBe('Dữ liệu thử cho xuất tệp');
    // A surveyed boundary: no illustrative note.
    const texts: string[] = [];
    sources.eachRow((sheetRow) => texts.push(String(sheetRow.getCell(1).value)));
    expect(texts.some((text) => text.includes('Vị trí minh họa'))).toBe(false);
  });

  test('XLSX of illustrative clusters lists 4794/KH-UBND and notes the illustrative locations', async () => {
    const { bytes } = await download('clusters.xlsx?province=khanh-hoa');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const table = workbook.getWorksheet('Cụm công nghiệp');
    const sources = workbook.getWorksheet('Nguồn');
    if (!table || !sources) throw new Error('sheets missing');
    expect(table.rowCount).toBe(12);
    const names: unknown[] = [];
    table.eachRow((row, index) => index > 1 && names.push(row.getCell(2).value));
    expect(names).toContain('CCN Diên Thọ (giai đoạn 2)');
    const texts: string[] = [];
    sources.eachRow((row) => texts.push(row.values.toString()));
    expect(texts.some((text) => text.includes('4794/KH-UBND') && text.includes('UBND tỉnh Khánh Hòa'))).toBe(
      true,
    );
    expect(texts).toContain(',Vị trí minh họa — không phải ranh giới đo đạc');
  });

  test('KML: one Placemark per cluster, named in Vietnamese, with the illustrative note', async () => {
    const { response, bytes } = await download('clusters.kml?province=khanh-hoa');
    expect(response.headers['content-type']).toBe('application/vnd.google-earth.kml+xml');
    expect(response.headers['content-disposition']).toMatch(DATED_ATTACHMENT('clusters', 'khanh-hoa', 'kml'));
    const document = new DOMParser().parseFromString(bytes.toString('utf8'), 'text/xml');
    const placemarks = Array.from(document.getElementsByTagName('Placemark'));
    expect(placemarks).toHaveLength(11);
    const names = placemarks.map((placemark) => placemark.getElementsByTagName('name')[0]?.textContent);
    expect(names).toContain('CCN Cam Thịnh Đông');
    const description = placemarks[0]?.getElementsByTagName('description')[0]?.textContent ?? '';
    expect(description).toContain('Vị trí minh họa — không phải ranh giới đo đạc');
    expect(placemarks[0]?.getElementsByTagName('Polygon').length).toBeGreaterThan(0);
  });

  test('KML escapes a name with <script> and &: the text comes back whole, no element is made', async () => {
    const { bytes } = await download(`clusters.kml?province=${exportProvinceId}`);
    const text = bytes.toString('utf8');
    expect(text).not.toContain('<script>');
    // Escaped as character references (&#x3C; for <, &#x26; for &), which every XML reader decodes.
    expect(text).toMatch(/(&lt;|&#x3C;|&#60;)script>/i);
    expect(text).toMatch(/(&amp;|&#x26;|&#38;) Đông Hòa/i);
    const document = new DOMParser().parseFromString(text, 'text/xml');
    expect(document.getElementsByTagName('script')).toHaveLength(0);
    expect(document.getElementsByTagName('name')[0]?.textContent).toBe(trickyName);
  });

  test('all provinces when none is given', async () => {
    const { response, bytes } = await download('clusters.geojson');
    expect(response.headers['content-disposition']).toMatch(DATED_ATTACHMENT('clusters', 'all', 'geojson'));
    expect(JSON.parse(bytes.toString('utf8')).features).toHaveLength(12);
  });
});

describe(`exports of plots on ${databaseKind}`, () => {
  test('CSV has one row per plot with the origin in words: a generated layout says so', async () => {
    const { bytes } = await download('plots.csv?province=khanh-hoa');
    const { header, rows } = csvRecords(bytes, plotExportColumns);
    expect(header).toEqual(plotExportColumns.map(exportHeader));
    expect(rows).toHaveLength(plotCount);
    expect(rows[0]).toMatchObject({
      cluster_id: 'song-cau',
      cluster_name_vi: 'CCN Sông Cầu',
      origin: 'generated',
      origin_vi: 'Phân lô minh họa do công cụ tạo — không phải lô đất thực tế',
      status_vi: 'Còn trống',
      tenant: '',
      source: 'chưa có số liệu',
    });
    expect(Number(rows[0]?.area_m2)).toBeGreaterThan(0);
  });

  test('XLSX sheet "Lô đất" with areas as numbers and the illustrative note', async () => {
    const { bytes } = await download('plots.xlsx?province=khanh-hoa');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Lô đất', 'Nguồn']);
    const table = workbook.getWorksheet('Lô đất');
    if (!table) throw new Error('sheet missing');
    expect(table.rowCount).toBe(plotCount + 1);
    const area = table
      .getRow(2)
      .getCell(plotExportColumns.findIndex((column) => column.key === 'area_ha') + 1);
    expect(typeof area.value).toBe('number');
    expect(area.numFmt).toBe('#,##0.00');
    const texts: string[] = [];
    workbook.getWorksheet('Nguồn')?.eachRow((row) => texts.push(String(row.getCell(1).value)));
    expect(texts).toContain('Vị trí minh họa — không phải ranh giới đo đạc');
  });

  test('GeoJSON and KML flag generated plots as illustrative', async () => {
    const geojson = JSON.parse((await download('plots.geojson?province=khanh-hoa')).bytes.toString('utf8'));
    expect(geojson.features).toHaveLength(plotCount);
    expect(geojson.features[0].properties).toMatchObject({
      origin: 'generated',
      geometrySource: 'illustrative',
    });
    const kml = new DOMParser().parseFromString(
      (await download('plots.kml?province=khanh-hoa')).bytes.toString('utf8'),
      'text/xml',
    );
    const placemarks = Array.from(kml.getElementsByTagName('Placemark'));
    expect(placemarks).toHaveLength(plotCount);
    expect(placemarks[0]?.getElementsByTagName('name')[0]?.textContent).toMatch(/^Lô .+ — CCN Sông Cầu$/);
    expect(placemarks[0]?.getElementsByTagName('description')[0]?.textContent).toContain('Phân lô minh họa');
  });

  test('a province without plots exports the header only', async () => {
    const { bytes } = await download('plots.csv?province=hoa-binh');
    expect(csvRecords(bytes, plotExportColumns).rows).toEqual([]);
  });
});

describe('export requests that cannot be answered', () => {
  test('an unknown format is refused, naming the formats', async () => {
    await refused('clusters.pdf?province=khanh-hoa', 400, 'geojson, csv, xlsx, kml');
  });

  test('an unknown collection is not found', async () => {
    await refused('wastewater-plants.csv', 404, 'clusters, plots');
    await refused('clusters', 404, 'clusters, plots');
  });

  test('a malformed province id is refused; an unknown one is not found', async () => {
    await refused('clusters.csv?province=Kh%C3%A1nh%20H%C3%B2a', 400, 'province');
    await refused('clusters.csv?province=atlantis', 404, 'atlantis');
    await refused('plots.xlsx?province=atlantis', 404, 'atlantis');
  });

  test('plots need a province; unknown parameters and stages are refused', async () => {
    await refused('plots.csv', 400, 'province');
    await refused('plots.csv?province=khanh-hoa&stage=operating', 400, 'stage');
    await refused('clusters.csv?province=khanh-hoa&stage=closed', 400, 'closed');
    await refused('clusters.csv?provinc=khanh-hoa', 400, 'provinc');
  });
});
