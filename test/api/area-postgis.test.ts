import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { measureArea } from '../../domain/area.ts';
import { vn2000Tm3Proj4 } from '../../domain/vn2000.ts';
import { openPgClient } from '../../server/store/pg-client.ts';
import { openPgliteClient } from '../../server/store/pglite-client.ts';
import type { SqlClient } from '../../server/store/sql-client.ts';
import { databaseUrl } from './test-store.ts';

// Pins domain/area.ts against PostGIS (GeographicLib for geography, PROJ for the VN-2000 plane),
// run in PGlite (or the PostgreSQL server of DATABASE_URL) on the area fixtures of domain/fixtures/in.
const fixturesUrl = new URL('../../domain/fixtures/in/', import.meta.url);
type AreaFixture = Feature<
  Polygon | MultiPolygon,
  { description: string; centralMeridianDegrees: number | null }
>;
const fixtures = readdirSync(fixturesUrl)
  .filter((file) => file.endsWith('.geojson'))
  .map((file) => ({
    name: file.replace(/\.geojson$/, ''),
    feature: JSON.parse(readFileSync(new URL(file, fixturesUrl), 'utf8')) as AreaFixture,
  }));

/** PostGIS's figure may differ from ours by at most 0.01%. */
const TOLERANCE_PERCENT = 0.01;
const percentApart = (ours: number, postgis: number) => Math.abs(ours / postgis - 1) * 100;

let dataDir: string;
let db: SqlClient;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ccn-atlas-area-'));
  // The PostgreSQL server when the suite runs against one (DATABASE_URL), else PGlite.
  db = databaseUrl ? await openPgClient(databaseUrl) : await openPgliteClient(dataDir);
  await db.exec('create extension if not exists postgis');
});
afterAll(async () => {
  await db?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const GEOMETRY = 'ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)';

describe('measureArea against PostGIS', () => {
  test('there are fixtures to compare', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(6);
  });

  for (const { name, feature } of fixtures) {
    const { centralMeridianDegrees } = feature.properties;
    const geometryJson = JSON.stringify(feature.geometry);
    const ours = measureArea(feature.geometry, { centralMeridianDegrees });

    test(`${name}: geodesic area within ${TOLERANCE_PERCENT}% of ST_Area(geography)`, async () => {
      const [row] = await db.query<{ hectares: number; valid: boolean }>(
        `select ST_Area(${GEOMETRY}::geography) / 10000 as hectares, ST_IsValid(${GEOMETRY}) as valid`,
        [geometryJson],
      );
      if (!row) throw new Error('no row');
      expect(row.valid, 'only fixtures named "invalid" are invalid').toBe(!name.includes('invalid'));
      expect(percentApart(ours.geodesicHectares, row.hectares)).toBeLessThan(TOLERANCE_PERCENT);
    });

    if (centralMeridianDegrees === null) continue;
    test(`${name}: VN-2000 plane area within ${TOLERANCE_PERCENT}% of ST_Area(ST_Transform(…, TM-3 ${centralMeridianDegrees}°))`, async () => {
      const [row] = await db.query<{ hectares: number }>(
        `select ST_Area(ST_Transform(${GEOMETRY}, $2::text)) / 10000 as hectares`,
        [geometryJson, vn2000Tm3Proj4(centralMeridianDegrees)],
      );
      if (!row) throw new Error('no row');
      expect(ours.vn2000PlaneHectares).not.toBeNull();
      expect(percentApart(ours.vn2000PlaneHectares ?? 0, row.hectares)).toBeLessThan(TOLERANCE_PERCENT);
    });
  }

  test('proj4 and PROJ put a vertex at the same VN-2000 coordinates, datum shift included', async () => {
    // Both read +towgs84 the same way; without the shift the point would move by about 225 m.
    const lonLat = [109.093961, 12.259411];
    const definition = vn2000Tm3Proj4(108.25);
    const [row] = await db.query<{ x: number; y: number }>(
      `select ST_X(p) as x, ST_Y(p) as y
         from (select ST_Transform(ST_SetSRID(ST_MakePoint($1, $2), 4326), $3::text) as p) as projected`,
      [lonLat[0], lonLat[1], definition],
    );
    if (!row) throw new Error('no row');
    const [x = Number.NaN, y = Number.NaN] = proj4('WGS84', definition).forward(lonLat);
    expect(Math.abs(x - row.x)).toBeLessThan(0.001);
    expect(Math.abs(y - row.y)).toBeLessThan(0.001);
    const withoutShift = proj4('WGS84', definition.replace(/\+towgs84=\S+ /, '')).forward(lonLat);
    expect(Math.hypot((withoutShift[0] ?? 0) - row.x, (withoutShift[1] ?? 0) - row.y)).toBeGreaterThan(100);
  });
});
