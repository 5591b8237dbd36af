import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import express from 'express';
import type { Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ClusterGeometry } from '../../domain/cluster.ts';
import { createApp } from '../../server/app.ts';
import { layoutCluster } from '../../server/plots/layout-cluster.ts';
import type { AtlasStore } from '../../server/store/store.ts';
import { bundleWithTestProvince, testClusterId } from './fixtures/test-province.ts';
import { databaseKind, openFreshStore, silentLogger } from './test-store.ts';

/**
 * GDAL's OAPIF driver (Debian's gdal-bin) against the real server on a loopback port: what QGIS
 * and ogr2ogr users get. GDAL checks media types strictly, pages by `rel="next"`, reads the feature
 * count from `numberMatched`, field types from the `describedBy` JSON Schema, and sends attribute
 * filters as query parameters when the OpenAPI document lists them for the items path.
 */
const gdalInstalled = existsSync('/usr/bin/ogr2ogr') && existsSync('/usr/bin/ogrinfo');
const run = promisify(execFile);

const geodata = bundleWithTestProvince();
let store: AtlasStore;
let cleanup: () => Promise<void>;
let server: Server;
let root: string;
let workDir: string;
/** Every URL the server was asked for, in order. */
const requested: string[] = [];

/** Environment for GDAL: no proxy in the way of the loopback server, no hanging on a dead one. */
function gdalEnvironment(): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['http_proxy', 'https_proxy', 'HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'all_proxy']) {
    delete environment[name];
  }
  return {
    ...environment,
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost',
    GDAL_HTTP_TIMEOUT: '30',
    GDAL_HTTP_MAX_RETRY: '0',
  };
}

const ogrinfo = async (...args: string[]) =>
  (await run('/usr/bin/ogrinfo', args, { env: gdalEnvironment(), timeout: 60_000 })).stdout;

type OutputFeature = { type: 'Feature'; properties: Record<string, unknown>; geometry: ClusterGeometry };

/** Runs ogr2ogr to GeoJSON and reads what it wrote. */
async function ogr2ogr(layer: string, ...options: string[]): Promise<OutputFeature[]> {
  const out = join(workDir, `${layer}-${requested.length}.geojson`);
  await run('/usr/bin/ogr2ogr', ['-f', 'GeoJSON', out, `OAPIF:${root}`, layer, ...options], {
    env: gdalEnvironment(),
    timeout: 120_000,
  });
  return JSON.parse(readFileSync(out, 'utf8')).features;
}

const positions = (geometry: ClusterGeometry): Position[] =>
  geometry.type === 'Polygon' ? geometry.coordinates.flat() : geometry.coordinates.flat(2);

beforeAll(async () => {
  if (!gdalInstalled) return;
  ({ store, cleanup } = await openFreshStore({ geodata }));
  await layoutCluster(store, 'song-cau', { plotWidthM: 50, plotDepthM: 80, roadWidthM: 12 }, { actor: null });
  const outer = express();
  outer.use((request, _response, next) => {
    requested.push(request.originalUrl);
    next();
  });
  outer.use(createApp({ store: Promise.resolve(store), logger: silentLogger }));
  server = await new Promise<Server>((resolve) => {
    const listening = outer.listen(0, '127.0.0.1', () => resolve(listening));
  });
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ogc`;
  workDir = mkdtempSync(join(tmpdir(), 'ccn-atlas-gdal-'));
});
afterAll(async () => {
  if (!gdalInstalled) return;
  await new Promise((resolve) => server.close(resolve));
  await cleanup();
  rmSync(workDir, { recursive: true, force: true });
});

describe.skipIf(!gdalInstalled)(`GDAL reads the OGC API on ${databaseKind}`, () => {
  test('ogrinfo lists the three collections as layers', async () => {
    const out = await ogrinfo('-ro', '-so', `OAPIF:${root}`);
    expect(out).toContain("using driver `OAPIF' successful");
    expect(out).toMatch(/1: clusters \(title: Cụm công nghiệp — Industrial clusters\) \(Multi Polygon\)/);
    expect(out).toMatch(/2: plots .*\(Polygon\)/);
    expect(out).toMatch(/3: wastewater-plants .*\(Point\)/);
    expect(requested).toContain('/ogc/collections');
  });

  test('ogrinfo sees typed fields, the feature count and the extent', async () => {
    const out = await ogrinfo('-ro', '-so', `OAPIF:${root}`, 'clusters');
    expect(out).toContain(`Feature Count: ${geodata.clusters.features.length}`);
    expect(out).toMatch(/^name_vi: String/m);
    expect(out).toMatch(/^infrastructure_minimum_percent: Integer/m);
    expect(out).toMatch(/^infrastructure_percent: Integer/m);
    expect(out).toMatch(/^occupancy_percent: Real/m);
    expect(out).toMatch(/^planned_area_ha: Real/m);
    expect(out.match(/^id: /gm)).toHaveLength(1);
    const plots = await ogrinfo('-ro', '-so', `OAPIF:${root}`, 'plots');
    expect(plots).toMatch(/^area_ha: Real/m);
    expect(plots).toMatch(/^as_of: Date/m);
  });

  test('ogr2ogr copies every cluster with its attributes, diacritics intact, and its geometry', async () => {
    const features = await ogr2ogr('clusters');
    expect(features).toHaveLength(geodata.clusters.features.length);
    const songCau = features.find((feature) => feature.properties.id === 'song-cau');
    expect(songCau?.properties).toMatchObject({
      name_vi: 'CCN Sông Cầu',
      stage: 'operating',
      stage_vi: 'Đang hoạt động',
      locality_vi: 'huyện Khánh Vĩnh',
      occupancy_percent: null,
      infrastructure_minimum_percent: 0,
    });
    for (const source of geodata.clusters.features) {
      const copied = features.find((feature) => feature.properties.id === source.properties.id);
      expect(copied, source.properties.id).toBeDefined();
      const got = positions(copied?.geometry as ClusterGeometry);
      const want = positions(source.geometry);
      expect(got).toHaveLength(want.length);
      got.forEach(([lon = 0, lat = 0], index) => {
        expect(Math.abs(lon - (want[index]?.[0] ?? Number.NaN))).toBeLessThan(1e-6);
        expect(Math.abs(lat - (want[index]?.[1] ?? Number.NaN))).toBeLessThan(1e-6);
      });
    }
  });

  test('ogr2ogr pages through every plot, 7 at a time, each plot once', async () => {
    const stored = await store.listPlotFeatures({ limit: 1000, offset: 0 });
    expect(stored.numberMatched).toBeGreaterThanOrEqual(90);
    const before = requested.length;
    const features = await ogr2ogr('plots', '-oo', 'PAGE_SIZE=7');
    const ids = features.map((feature) => String(feature.properties.id));
    expect(ids).toHaveLength(stored.numberMatched);
    expect(new Set(ids).size).toBe(stored.numberMatched);
    const paged = requested
      .slice(before)
      .filter((url) => url.startsWith('/ogc/collections/plots/items?') && /[?&]offset=\d+/.test(url));
    expect(paged.length).toBeGreaterThanOrEqual(Math.ceil(stored.numberMatched / 7) - 1);
    expect(requested.slice(before).every((url) => !/limit=(\d{4,})/.test(url))).toBe(true);
    const [first] = stored.plots;
    const copied = features.find((feature) => feature.properties.id === first?.properties.id);
    expect(copied?.properties.area_ha).toBeCloseTo((first?.areaM2 ?? 0) / 10_000, 6);
    expect(copied?.properties).toMatchObject({
      cluster_id: 'song-cau',
      status: 'available',
      origin: 'generated',
    });
  });

  test('ogr2ogr copies the wastewater plant the test cluster reports, as a point inside it', async () => {
    const features = await ogr2ogr('wastewater-plants');
    expect(features).toHaveLength(1);
    expect(features[0]?.properties).toMatchObject({
      id: `${testClusterId}-wwtp`,
      cluster_id: testClusterId,
      state: 'compliant',
      capacity_m3_per_day: 800,
      geometry_source: 'illustrative',
    });
    const geometry = features[0]?.geometry as unknown as { type: string; coordinates: [number, number] };
    expect(geometry.type).toBe('Point');
    expect(geometry.coordinates[0]).toBeGreaterThan(106.5);
    expect(geometry.coordinates[0]).toBeLessThan(106.505);
  });

  test('an attribute filter on a queryable is sent to the server, not applied after a full download', async () => {
    const before = requested.length;
    const features = await ogr2ogr('clusters', '-where', "stage = 'operating'");
    expect(features.length).toBeGreaterThan(0);
    expect(features.every((feature) => feature.properties.stage === 'operating')).toBe(true);
    expect(
      requested
        .slice(before)
        .some((url) => /\/ogc\/collections\/clusters\/items\?.*stage=operating/.test(url)),
    ).toBe(true);
  });

  test('a spatial filter is sent as bbox', async () => {
    const before = requested.length;
    const features = await ogr2ogr('clusters', '-spat', '106.49', '10.49', '106.51', '10.51');
    expect(features.map((feature) => feature.properties.id)).toEqual([testClusterId]);
    expect(requested.slice(before).some((url) => url.includes('bbox='))).toBe(true);
  });
});
