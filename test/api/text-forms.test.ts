import ExcelJS from 'exceljs';
import { strToU8 } from 'fflate';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ClusterFeature } from '../../domain/cluster.ts';
import { ImportEvent } from '../../domain/import-api.ts';
import type { PlotFeature } from '../../domain/plot.ts';
import { matchesSearch } from '../../domain/search.ts';
import { shippedBundleWith } from './fixtures/made-up-province.ts';
import { createEditor, type Harness, openHarness, type Session, signIn } from './hostile-harness.ts';
import { databaseKind } from './test-store.ts';

// Issue 9, item 6 (server side): Vietnamese in NFC and NFD is one text (stored NFC, matched
// either way), and hostile text in names (markup, spreadsheet formulas) stays text in every export.

const PROVINCE = 'tinh-chu-thu';
const nfd = (text: string) => text.normalize('NFD');
const nfc = (text: string) => text.normalize('NFC');
const SCRIPT = '<script>alert(1)</script>';
const FORMULAS = ['=HYPERLINK("http://evil.example","bấm")', "+1+cmd|' /C calc'!A0", '-2+3', '@SUM(A1:A9)'];

const square = (lon: number, lat: number): ClusterFeature['geometry'] => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + 0.004, lat],
      [lon + 0.004, lat + 0.004],
      [lon, lat + 0.004],
      [lon, lat],
    ],
  ],
});

function cluster(id: string, name: string, lon: number, lat: number): ClusterFeature {
  return {
    type: 'Feature',
    geometry: square(lon, lat),
    properties: {
      id,
      provinceId: PROVINCE,
      name: { vi: name, en: name },
      aliases: [],
      stage: 'operating',
      stageSourceId: 'chu-thu-nguon',
      locality: null,
      infrastructureInvestor: null,
      wastewaterPlant: null,
      infrastructure: {},
      clearance: null,
      obstacles: [],
      targets: [],
      figures: {},
      geometrySource: 'illustrative',
      sourceIds: ['chu-thu-nguon'],
    },
  };
}

let h: Harness;
let thu: Session;

beforeAll(async () => {
  h = await openHarness(
    shippedBundleWith({
      id: PROVINCE,
      name: { vi: 'Tỉnh Chữ thử', en: 'Text test province' },
      view: { center: [106.2, 10.2], zoom: 12 },
      source: {
        id: 'chu-thu-nguon',
        title: { vi: 'Dữ liệu thử chữ', en: 'Text test data' },
        issuer: { vi: 'Bộ kiểm thử', en: 'Test suite' },
        file: 'test/api/text-forms.test.ts',
      },
      clusters: [
        cluster('hoa-nfc', nfc('CCN Hòa Phú'), 106.2, 10.2),
        cluster('script', SCRIPT, 106.21, 10.2),
        ...FORMULAS.map((name, index) => cluster(`formula-${index}`, name, 106.22 + index * 0.01, 10.2)),
      ],
    }),
  );
  await createEditor(h.store, 'thu', [PROVINCE]);
  thu = await signIn(h.app, 'thu');
});
afterAll(async () => h?.close());

describe(`NFC and NFD are one name, on ${databaseKind}`, () => {
  test('a search typed in NFD ("Hòa", decomposed) finds the cluster stored in NFC, and the other way round', async () => {
    const { features } = (await request(h.app).get('/api/clusters').query({ province: PROVINCE }).expect(200))
      .body as {
      features: ClusterFeature[];
    };
    const stored = features.find((feature) => feature.properties.id === 'hoa-nfc');
    expect(stored?.properties.name.vi).toBe(nfc('CCN Hòa Phú'));
    expect(nfd('Hòa')).not.toBe(nfc('Hòa'));
    for (const query of [nfd('Hòa'), nfc('Hòa'), nfd('hòa phú'), 'hoa phu']) {
      const found = features.filter((feature) => matchesSearch(feature.properties.name.vi, query));
      expect(
        found.map((feature) => feature.properties.id),
        query,
      ).toEqual(['hoa-nfc']);
    }
    expect(matchesSearch(nfd('CCN Hòa Phú'), nfc('Hòa'))).toBe(true);
  });

  test('an imported file naming the cluster in NFD matches the NFC-stored cluster by name', async () => {
    const file = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: nfd('CCN Hòa Phú') }, geometry: null }],
    });
    const response = await request(h.app)
      .post(`/api/provinces/${PROVINCE}/imports?fileName=ten.geojson`)
      .set('Cookie', thu.cookie)
      .set('X-CSRF-Token', thu.csrfToken)
      .set('Content-Type', 'application/octet-stream')
      .buffer(true)
      .parse((res, callback) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => callback(null, text));
      })
      .send(Buffer.from(strToU8(file)));
    expect(response.status).toBe(200);
    const last = String(response.body)
      .split('\n')
      .filter(Boolean)
      .map((line) => ImportEvent.parse(JSON.parse(line)))
      .at(-1);
    if (last?.type !== 'plan') throw new Error(`expected a plan, got ${JSON.stringify(last)}`);
    expect(last.plan.items[0]?.match).toMatchObject({ clusterId: 'hoa-nfc', by: 'name' });
  });

  test('a plot saved with an NFD label and tenant is stored in NFC', async () => {
    const plot: PlotFeature = {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [106.201, 10.201],
            [106.202, 10.201],
            [106.202, 10.202],
            [106.201, 10.202],
            [106.201, 10.201],
          ],
        ],
      },
      properties: {
        id: 'hoa-lo-1',
        clusterId: 'hoa-nfc',
        provinceId: PROVINCE,
        label: nfd('Lô Hòa 1'),
        status: 'leased',
        permittedIndustries: [nfd('Dệt may')],
        tenant: nfd('Công ty Hòa Bình'),
        contact: null,
        origin: 'import',
        sourceId: 'chu-thu-nguon',
        asOf: null,
      },
    };
    await h.store.savePlots([plot], { audit: { action: 'import', actor: null, sourceId: 'chu-thu-nguon' } });
    const detail = (await request(h.app).get('/api/plots/hoa-lo-1').expect(200)).body;
    expect(detail.properties.label).toBe(nfc('Lô Hòa 1'));
    expect(detail.properties.tenant).toBe(nfc('Công ty Hòa Bình'));
    expect(detail.properties.permittedIndustries).toEqual([nfc('Dệt may')]);
    const [row] = await h.client.query<{ label: string }>(
      "select doc->>'label' as label from plots where id = $1",
      ['hoa-lo-1'],
    );
    expect(row?.label).toBe(nfc('Lô Hòa 1'));
  });
});

/** The CSV's cells, by a small parser (quotes doubled, CRLF rows), the BOM dropped. */
function csvCells(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

const exportOf = (format: string) =>
  request(h.app)
    .get(`/api/export/clusters.${format}`)
    .query({ province: PROVINCE })
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    })
    .expect(200);

describe(`markup and formulas in names stay text in every export, on ${databaseKind}`, () => {
  test('KML: the script name is XML-escaped, never markup', async () => {
    const kml = ((await exportOf('kml')).body as Buffer).toString('utf8');
    expect(kml).not.toMatch(/<script/i);
    // Escaped as XML (tokml writes `<` as `&#x3C;`), it reads back as the name it is.
    const names = [...kml.matchAll(/<name>([^<]*)<\/name>/g)].map(([, text]) =>
      (text ?? '')
        .replace(/&#x3C;|&lt;/gi, '<')
        .replace(/&gt;|&#x3E;/gi, '>')
        .replace(/&quot;|&#x22;/gi, '"')
        .replace(/&#x26;|&amp;/gi, '&'),
    );
    expect(names).toContain(SCRIPT);
    for (const formula of FORMULAS) expect(names).toContain(formula);
  });

  test('GeoJSON: the names come back exactly as text', async () => {
    const collection = JSON.parse(((await exportOf('geojson')).body as Buffer).toString('utf8'));
    const names = collection.features.map(
      (feature: { properties: { name: { vi: string } } }) => feature.properties.name.vi,
    );
    expect(names).toContain(SCRIPT);
    for (const formula of FORMULAS) expect(names).toContain(formula);
  });

  test('CSV (meant for Excel): the script is a plain cell; a cell starting with = + - @ is quoted as text', async () => {
    const response = await exportOf('csv');
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const rows = csvCells((response.body as Buffer).toString('utf8'));
    const header = rows[0] ?? [];
    const nameColumn = header.findIndex((cell) => cell.startsWith('Tên cụm'));
    expect(nameColumn).toBeGreaterThanOrEqual(0);
    const names = rows.slice(1).map((row) => row[nameColumn] ?? '');
    expect(names).toContain(SCRIPT);
    // OWASP CSV injection: a leading apostrophe makes Excel read the cell as text, not a formula.
    for (const formula of FORMULAS) expect(names).toContain(`'${formula}`);
    for (const row of rows.slice(1)) {
      for (const cell of row) expect(cell, `cell ${cell}`).not.toMatch(/^[=+@\t\r]/);
    }
  });

  test('the national-database CSV (Thông tư 14/2024): a name starting with = + - @ is quoted as text', async () => {
    const response = await request(h.app)
      .get('/api/reports/national-database')
      .query({ province: PROVINCE, period: '2026-h1' })
      .buffer(true)
      .expect(200);
    const rows = csvCells(String(response.text));
    const cells = rows.slice(1).flat();
    expect(cells).toContain(SCRIPT);
    for (const formula of FORMULAS) expect(cells).toContain(`'${formula}`);
    for (const cell of cells) expect(cell, `cell ${cell}`).not.toMatch(/^[=+@\t\r]/);
  });

  test('XLSX: every name is a text cell, none a formula', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportOf('xlsx')).body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const names: string[] = [];
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        expect(cell.type, String(cell.value)).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') names.push(cell.value);
      });
    });
    expect(names).toContain(SCRIPT);
    for (const formula of FORMULAS) expect(names).toContain(formula);
  });
});
