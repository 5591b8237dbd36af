import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
// A CommonJS bundle: Node's ESM loader gives only its default export.
import geographiclib from 'geographiclib-geodesic';
import type { FeatureCollection, Polygon, Position } from 'geojson';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseCrsCode } from '../../domain/crs.ts';
import { vn2000Tm3Proj4 } from '../../domain/vn2000.ts';
import { applyImport } from '../../server/import/apply-import.ts';
import { planImport } from '../../server/import/plan-import.ts';
import { readImportFile } from '../../server/import/read-import.ts';
import type { AtlasStore } from '../../server/store/store.ts';
import { bundleWithTestProvince, testClusterId } from './fixtures/test-province.ts';
import { databaseKind, openFreshStore } from './test-store.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/import/${name}`, import.meta.url)));
const original = JSON.parse(
  new TextDecoder().decode(fixture('clusters-wgs84.geojson')),
) as FeatureCollection<Polygon>;
const [songCau, dienTho] = original.features.map((feature) => feature.geometry);
if (!songCau || !dienTho) throw new Error('fixture polygons missing');

let store: AtlasStore;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ store, cleanup } = await openFreshStore({ geodata: bundleWithTestProvince() }));
});
afterAll(async () => cleanup());

const clusters = async () => (await store.listClusters({})).features.map((feature) => feature.properties);

async function dryRun(name: string, bytes: Uint8Array, crs?: string) {
  const reading = await readImportFile(name, bytes, { crs: crs ? parseCrsCode(crs) : undefined });
  return {
    reading,
    plan: await planImport(reading, { clusters: await clusters(), checkGeometry: store.checkGeometry }),
  };
}

/** Distance in metres between two lon/lat positions on the WGS84 ellipsoid. */
const metresBetween = ([lon1 = 0, lat1 = 0]: Position, [lon2 = 0, lat2 = 0]: Position) =>
  geographiclib.Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2).s12 ?? Number.POSITIVE_INFINITY;

/** The largest distance between corresponding vertices of two polygons, in metres. */
function largestShift(read: unknown, expected: Polygon): number {
  const ring = (read as Polygon).coordinates[0] ?? [];
  const expectedRing = expected.coordinates[0] ?? [];
  // Shapefiles store outer rings clockwise; RFC 7946 counter-clockwise. Compare as sets of vertices.
  return Math.max(
    ...expectedRing.map((vertex) => Math.min(...ring.map((candidate) => metresBetween(candidate, vertex)))),
  );
}

const project = (polygon: Polygon, definition: string): Polygon => ({
  type: 'Polygon',
  coordinates: polygon.coordinates.map((ring) =>
    ring.map((position) => proj4('WGS84', definition).forward(position)),
  ),
});

const geojsonWithCrs = (
  crsName: string | null,
  geometries: Polygon[],
  properties: Record<string, unknown>[],
) =>
  strToU8(
    JSON.stringify({
      type: 'FeatureCollection',
      ...(crsName ? { crs: { type: 'name', properties: { name: crsName } } } : {}),
      features: geometries.map((geometry, index) => ({
        type: 'Feature',
        geometry,
        properties: properties[index],
      })),
    }),
  );

/** The committed ogr2ogr fixture layer, zipped the way a planner would send it, its .prj optionally replaced. */
function shapefileZip(stem: string, replace: { prj?: string | null; dbf?: null } = {}) {
  const files: Record<string, Uint8Array> = {};
  for (const extension of ['shp', 'shx', 'dbf', 'prj', 'cpg'])
    files[`${stem}.${extension}`] = fixture(`${stem}.${extension}`);
  if (replace.prj === null) delete files[`${stem}.prj`];
  else if (replace.prj !== undefined) files[`${stem}.prj`] = strToU8(replace.prj);
  if (replace.dbf === null) delete files[`${stem}.dbf`];
  return zipSync(files);
}

describe(`import round trips to WGS84 within 1 cm, on ${databaseKind}`, () => {
  test('GeoJSON with a crs member in VN-2000 TM-3 (Khánh Hòa 108°15′) and UTM 49N', async () => {
    for (const [crsName, definition] of [
      ['vn2000-tm3:108.25', vn2000Tm3Proj4(108.25)],
      [
        'urn:ogc:def:crs:EPSG::3406',
        '+proj=utm +zone=49 +ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278 +units=m +no_defs',
      ],
    ] as const) {
      const projected = project(songCau, definition);
      expect(projected.coordinates[0]?.[0]?.[0]).toBeGreaterThan(100_000);
      const { reading, plan } = await dryRun(
        'ranh-gioi.geojson',
        geojsonWithCrs(crsName, [projected], [{ name: 'CCN Sông Cầu' }]),
      );
      expect(reading.format !== 'csv' && reading.crsFrom).toBe('file');
      expect(plan.problems).toEqual([]);
      expect(largestShift(plan.items[0]?.geometry, songCau), crsName).toBeLessThan(0.01);
    }
  });

  test('KML, which is WGS84 by definition', async () => {
    const coordinates = (songCau.coordinates[0] ?? []).map(([lon, lat]) => `${lon},${lat},0`).join(' ');
    const kml = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>CCN Song Cau</name><Polygon><outerBoundaryIs><LinearRing><coordinates>${coordinates}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>`;
    const { plan } = await dryRun('song-cau.kml', strToU8(kml));
    expect(plan.problems).toEqual([]);
    expect(plan.items[0]?.match?.clusterId).toBe('song-cau');
    expect(largestShift(plan.items[0]?.geometry, songCau)).toBeLessThan(0.01);
  });

  test('zipped Shapefiles made by ogr2ogr (PROJ), read with their .prj: TM-3, UTM 49N, VN-2000 geographic in windows-1258', async () => {
    for (const [stem, code] of [
      ['vn2000-tm3-khanh-hoa', 'vn2000-tm3:108.25'],
      ['vn2000-utm-49n', 'vn2000-utm-49n'],
      ['vn2000-geographic-cp1258', 'vn2000-geographic'],
    ] as const) {
      const { plan } = await dryRun(`${stem}.zip`, shapefileZip(stem));
      expect(plan.crs?.code, stem).toBe(code);
      expect(plan.problems, stem).toEqual([]);
      expect(
        plan.items.map((item) => item.match?.clusterId),
        stem,
      ).toEqual(['song-cau', 'dien-tho']);
      expect(largestShift(plan.items[0]?.geometry, songCau), stem).toBeLessThan(0.01);
      expect(largestShift(plan.items[1]?.geometry, dienTho), stem).toBeLessThan(0.01);
    }
  });

  test('a Shapefile without .prj is read in the CRS the user chooses', async () => {
    const { plan } = await dryRun(
      'x.zip',
      shapefileZip('vn2000-tm3-khanh-hoa', { prj: null }),
      'vn2000-tm3-province:khanh-hoa',
    );
    expect(plan.crs).toMatchObject({ code: 'vn2000-tm3-province:khanh-hoa', from: 'user' });
    expect(largestShift(plan.items[0]?.geometry, songCau)).toBeLessThan(0.01);
  });
});

describe(`import dry run report, on ${databaseKind}`, () => {
  test('matches names without diacritics, measures in the VN-2000 plane, lists unknown fields, warns of replacing illustrative geometry', async () => {
    const { plan } = await dryRun('x.zip', shapefileZip('vn2000-tm3-khanh-hoa'));
    expect(plan.itemsRead).toBe(2);
    expect(plan.items[0]).toMatchObject({
      reference: 'CCN Song Cau',
      match: { clusterId: 'song-cau', name: 'CCN Sông Cầu', by: 'name' },
      replaces: 'illustrative',
      area: { measure: 'vn2000-plane' },
    });
    expect(plan.unknownFields).toEqual(['ghi_chu']);
    expect(plan.warnings.map((warning) => warning.en)).toContain(
      'Feature 1: replaces the illustrative geometry of "song-cau" with an imported boundary.',
    );
  });

  test('compares the imported area with the declared planned area, in ha and %', async () => {
    // ~0.6 km × 0.6 km beside the test cluster, which declares 27.5 ha planned; no meridian known: ellipsoid.
    const square: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [106.5, 10.5],
          [106.5055, 10.5],
          [106.5055, 10.5055],
          [106.5, 10.5055],
          [106.5, 10.5],
        ],
      ],
    };
    const { plan } = await dryRun('x.geojson', geojsonWithCrs(null, [square], [{ cluster: testClusterId }]));
    const area = plan.items[0]?.area;
    expect(area?.measure).toBe('ellipsoid');
    expect(area?.comparisons[0]).toMatchObject({ key: 'plannedAreaHa', declaredHa: 27.5 });
    expect(area?.comparisons[0]?.differenceHa).toBeCloseTo((area?.hectares ?? 0) - 27.5, 6);
    expect(area?.comparisons[0]?.differencePercent).toBeGreaterThan(30);
    expect(plan.warnings[0]?.en).toMatch(/differs by \+3\d\.\d\d% from the planned area 27\.50 ha/);
  });

  test('reads a figures CSV keyed by cluster name with decimal commas', async () => {
    const csv = 'Tên cụm;Diện tích quy hoạch (ha);Ghi chú\nCCN Song Cau;27,5;thử\n';
    const { plan } = await dryRun('so-lieu.csv', strToU8(csv));
    expect(plan.problems).toEqual([]);
    expect(plan.unknownFields).toEqual(['Ghi chú']);
    expect(plan.items[0]).toMatchObject({
      match: { clusterId: 'song-cau' },
      figures: { plannedAreaHa: { value: 27.5 } },
    });
  });

  test('gives PostGIS’s own reason for a self-intersecting boundary', async () => {
    const bowtie: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [108.974, 12.281],
          [108.975, 12.282],
          [108.975, 12.281],
          [108.974, 12.282],
          [108.974, 12.281],
        ],
      ],
    };
    const { plan } = await dryRun('x.geojson', geojsonWithCrs(null, [bowtie], [{ name: 'Sông Cầu' }]));
    expect(plan.problems[0]?.en).toMatch(/Feature 1: invalid geometry \(PostGIS\): Self-intersection/);
  });
});

describe(`an import commits atomically, on ${databaseKind}`, () => {
  test('a dry run of the commit writes nothing; the commit replaces the boundary, flags it imported and audits it', async () => {
    const zip = shapefileZip('vn2000-tm3-khanh-hoa');
    const { plan } = await dryRun('song-cau.zip', zip);
    const before = await store.getClusterVersioned('song-cau');
    const options = {
      source: 'kh-4794',
      asOf: '2025-06-14',
      actor: { accountId: 'test-importer', accountName: 'test-importer' },
    } as const;
    const progress: number[] = [];
    const rehearsal = await applyImport(plan, store, { ...options, dryRun: true });
    expect(rehearsal.boundariesUpdated).toBeGreaterThan(0);
    expect(await store.getClusterVersioned('song-cau')).toEqual(before);

    await applyImport(plan, store, {
      ...options,
      dryRun: false,
      onProgress: ({ done }) => progress.push(done),
    });
    const after = await store.getClusterVersioned('song-cau');
    expect(after?.version).toBe((before?.version ?? 0) + 1);
    expect(after?.feature.properties.geometrySource).toBe('import');
    expect(after?.feature.properties.geometryNote).toBeUndefined();
    expect(after?.feature.geometry).not.toEqual(before?.feature.geometry);
    expect(progress.at(-1)).toBe(
      rehearsal.boundariesUpdated + rehearsal.figuresUpdated > 0 ? progress.length : 0,
    );
    const [latest] = await store.clusterHistory('song-cau');
    expect(latest).toMatchObject({ action: 'import', accountName: 'test-importer', sourceId: 'kh-4794' });
    expect(latest?.after.version).toBe(after?.version);
  });
});

describe(`hostile and broken files are refused with a clear message and nothing written, on ${databaseKind}`, () => {
  const refused = async (name: string, bytes: Uint8Array, message: RegExp, crs?: string) => {
    const before = { version: store.dataVersion(), clusters: JSON.stringify(await store.listClusters({})) };
    const attempt = async () => {
      const { plan } = await dryRun(name, bytes, crs);
      await applyImport(plan, store, { source: 'kh-4794', asOf: null, actor: null, dryRun: false });
    };
    const error = await attempt().then(
      () => null,
      (caught: unknown) => caught as { en?: string; messageEn?: string },
    );
    expect(error, name).not.toBeNull();
    expect(error?.en ?? error?.messageEn, name).toMatch(message);
    expect(store.dataVersion()).toBe(before.version);
    expect(JSON.stringify(await store.listClusters({}))).toBe(before.clusters);
  };

  test('a .prj in a projection the import does not know, quoted; accepted once the user chooses', async () => {
    const lambert =
      'PROJCS["RGF93_Lambert_93",GEOGCS["GCS_RGF_1993",DATUM["D_RGF_1993",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],PARAMETER["False_Easting",700000.0],PARAMETER["False_Northing",6600000.0],PARAMETER["Central_Meridian",3.0],PARAMETER["Standard_Parallel_1",49.0],PARAMETER["Standard_Parallel_2",44.0],PARAMETER["Latitude_Of_Origin",46.5],UNIT["Meter",1.0]]';
    const zip = shapefileZip('vn2000-tm3-khanh-hoa', { prj: lambert });
    await refused('x.zip', zip, /Unrecognised CRS "RGF93_Lambert_93"/);
    const { plan } = await dryRun('x.zip', zip, 'vn2000-tm3:108.25');
    expect(plan.problems).toEqual([]);
  });

  test('the wrong CRS chosen: coordinates fall outside Viet Nam', async () => {
    await refused(
      'x.zip',
      shapefileZip('vn2000-tm3-khanh-hoa'),
      /coordinates fall outside Viet Nam — wrong CRS\?/,
      'wgs84',
    );
  });

  test('a Shapefile without its .dbf, an archive with no .shp, and what is not a zip', async () => {
    await refused('x.zip', shapefileZip('vn2000-tm3-khanh-hoa', { dbf: null }), /has no \.dbf beside it/);
    await refused('x.zip', zipSync({ 'readme.txt': strToU8('hi') }), /holds no \.shp/);
    await refused('x.zip', strToU8('PK but not really a zip'), /not a readable ZIP/);
  });

  test('an archive entry climbing out with ../', async () => {
    await refused(
      'x.zip',
      zipSync({ '../x.shp': fixture('vn2000-utm-49n.shp'), 'x.dbf': fixture('vn2000-utm-49n.dbf') }),
      /"\.\.\/x\.shp" pointing outside/,
    );
  });

  test('a zip bomb: zeros compressing a thousandfold, and 1 GB declared', async () => {
    await refused(
      'x.zip',
      zipSync({ 'x.shp': new Uint8Array(8 * 1024 * 1024), 'x.dbf': new Uint8Array(10) }, { level: 9 }),
      /zip bomb/,
    );
    const declared = zipSync({ 'x.shp': new Uint8Array(2000), 'x.dbf': new Uint8Array(10) });
    const view = new DataView(declared.buffer);
    for (let at = 0; at + 4 <= declared.length; at++) {
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 1024 * 1024 * 1024, true);
    }
    await refused('x.zip', declared, /over the 200 MB limit|zip bomb/);
  });

  test('a KML with an external entity, and one with entity expansion', async () => {
    const body =
      '<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>&x;</name></Placemark></Document></kml>';
    await refused(
      'x.kml',
      strToU8(`<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY x SYSTEM "file:///etc/passwd">]>${body}`),
      /DOCTYPE\/ENTITY declaration — refused/,
    );
    const laughs = `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY x "&b;&b;&b;&b;&b;&b;&b;&b;">]>${body}`;
    await refused('x.kml', strToU8(laughs), /billion laughs/);
  });

  test('GeoJSON with NaN, 1e308, a latitude over 90 and an unclosed ring', async () => {
    const ring = (positions: string) =>
      `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Sông Cầu"},"geometry":{"type":"Polygon","coordinates":[[${positions}]]}}]}`;
    await refused(
      'x.geojson',
      strToU8(ring('[108.97,12.28],[NaN,12.28],[108.98,12.29],[108.97,12.28]')),
      /Invalid GeoJSON/,
    );
    await refused(
      'x.geojson',
      strToU8(ring('[108.97,12.28],[1e308,12.28],[108.98,12.29],[108.97,12.28]')),
      /outside Viet Nam/,
    );
    await refused(
      'x.geojson',
      strToU8(ring('[108.97,12.28],[108.98,95],[108.98,12.29],[108.97,12.28]')),
      /outside Viet Nam — wrong CRS\? .*latitude beyond ±180°\/±90°/,
    );
    await refused(
      'x.geojson',
      strToU8(ring('[108.97,12.28],[108.98,12.28],[108.98,12.29],[108.97,12.29]')),
      /ring should be the same|Invalid GeoJSON/,
    );
    await refused(
      'x.geojson',
      geojsonWithCrs('EPSG:2154', [songCau], [{ name: 'Sông Cầu' }]),
      /Unrecognised CRS "EPSG:2154"/,
    );
  });

  test('a CSV with a non-numeric area', async () => {
    await refused(
      'x.csv',
      strToU8('cluster,plannedAreaHa\nsong-cau,hai mươi\n'),
      /Row 2: "plannedAreaHa" is not a number: "hai mươi"/,
    );
  });
});
