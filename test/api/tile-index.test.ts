import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import type { Polygon } from 'geojson';
import { PbfReader } from 'pbf';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PlotFeature } from '../../domain/plot.ts';
import { createApp } from '../../server/app.ts';
import { loadGeodata } from '../../server/geodata/load-geodata.ts';
import { readGeodata } from '../../server/geodata/read-geodata.ts';
import { migrate } from '../../server/store/migrate.ts';
import { openPgliteClient } from '../../server/store/pglite-client.ts';
import type { SqlClient } from '../../server/store/sql-client.ts';
import type { AtlasStore } from '../../server/store/store.ts';
import { createTileSource } from '../../server/tiles/tile-source.ts';
import { openFreshStore, silentLogger } from './test-store.ts';

// On PGlite, tiles are cut in Node from features held in memory (server/tiles/feature-index.ts).
// These tests write in every way the data changes and check that the next tile shows it, and that
// the index read only what changed. PGlite whatever DATABASE_URL says: PostgreSQL has no such index.

function tileAt(lon: number, lat: number, z: number) {
  const n = 2 ** z;
  const latRad = (lat * Math.PI) / 180;
  return {
    z,
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.asinh(Math.tan(latRad)) / Math.PI) / 2) * n),
  };
}

const idsIn = (bytes: Uint8Array, layer: string) => {
  const decoded = new VectorTile(new PbfReader(bytes)).layers[layer];
  return Array.from({ length: decoded?.length ?? 0 }, (_, i) => decoded?.feature(i).properties ?? {});
};

/** A 100 m square plot with its south-west corner at lon/lat, as GeoJSON. */
const square = (lon: number, lat: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + 0.0009, lat],
      [lon + 0.0009, lat + 0.0009],
      [lon, lat + 0.0009],
      [lon, lat],
    ],
  ],
});

const plotDoc = (id: string, label: string) => ({
  id,
  clusterId: 'song-cau',
  provinceId: 'khanh-hoa',
  label,
  status: 'available',
  origin: 'import',
  permittedIndustries: [],
  tenant: null,
  contact: null,
  sourceId: null,
  asOf: null,
});

const insertPlot = `
  insert into plots (id, doc, area_m2, area_measure, geom)
  select $1, $2::jsonb, ST_Area(g::geography), 'ellipsoid', g
  from (select ST_SetSRID(ST_GeomFromGeoJSON($3), 4326) as g) as input`;

// Around CCN Sông Cầu (108.975, 12.282); two z16 tiles apart north–south.
const here = tileAt(108.975, 12.282, 16);
const there = tileAt(108.975, 12.272, 16);

describe('PGlite tiles follow every write', () => {
  let client: SqlClient;
  let dataDir: string;
  let tiles: ReturnType<typeof createTileSource>;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ccn-atlas-tile-index-'));
    client = await openPgliteClient(dataDir);
    await migrate(client);
    await loadGeodata(client, readGeodata());
    await client.query(insertPlot, [
      'p-1',
      JSON.stringify(plotDoc('p-1', 'A-01')),
      JSON.stringify(square(108.9745, 12.2815)),
    ]);
    // No store: the source reads the data version from the database, as a tool's writes move it too.
    tiles = createTileSource(client);
  });
  afterAll(async () => {
    await client.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const plotIds = async (tile: { z: number; x: number; y: number }) =>
    idsIn(await tiles.encodeTile('plots', tile.z, tile.x, tile.y), 'plots').map((p) => p.id);

  test('a plot inserted, moved and deleted shows, moves and goes, each write read on its own', async () => {
    expect(await plotIds(here)).toEqual(['p-1']);
    expect(tiles.index?.lastSync?.kind).toBe('build');

    await client.query(insertPlot, [
      'p-2',
      JSON.stringify(plotDoc('p-2', 'A-02')),
      JSON.stringify(square(108.9756, 12.2815)),
    ]);
    expect(await plotIds(here)).toEqual(['p-1', 'p-2']);
    expect(tiles.index?.lastSync).toMatchObject({ kind: 'patch', features: 1 });

    await client.query(`update plots set geom = ST_SetSRID(ST_GeomFromGeoJSON($2), 4326) where id = $1`, [
      'p-2',
      JSON.stringify(square(108.975, 12.2725)),
    ]);
    expect(await plotIds(here)).toEqual(['p-1']);
    expect(await plotIds(there)).toEqual(['p-2']);
    const labels = idsIn(await tiles.encodeTile('plots', there.z, there.x, there.y), 'plot_labels');
    expect(labels.map((p) => p.label)).toEqual(['A-02']);

    await client.query(`delete from plots where id = 'p-2'`);
    expect(await plotIds(there)).toEqual([]);
    expect(tiles.index?.lastSync).toMatchObject({ kind: 'patch', features: 0 });
  });

  test("a cluster edit reaches the cluster's tile and its plots' properties", async () => {
    await client.query(
      `update clusters set doc = jsonb_set(jsonb_set(doc, '{name,vi}', '"CCN Sông Cầu mới"'),
         '{infrastructure}', '{"internalRoads": {"value": "done", "sourceId": "kh-4794"}}')
       where id = 'song-cau'`,
    );
    const clusterTile = tileAt(108.975, 12.282, 14);
    const clusters = idsIn(
      await tiles.encodeTile('clusters', clusterTile.z, clusterTile.x, clusterTile.y),
      'clusters',
    );
    expect(clusters.find((c) => c.id === 'song-cau')).toMatchObject({
      name_vi: 'CCN Sông Cầu mới',
      infra_min: 10,
    });
    // The cluster read again, nothing else: its plots take its change in memory.
    expect(tiles.index?.lastSync).toMatchObject({ kind: 'patch', features: 1 });
    const [plot] = idsIn(await tiles.encodeTile('plots', here.z, here.x, here.y), 'plots');
    expect(plot).toMatchObject({ id: 'p-1', infra_min: 10 });

    await client.query(
      `update clusters set doc = jsonb_set(doc, '{stage}', '"removed"') where id = 'song-cau'`,
    );
    const after = idsIn(
      await tiles.encodeTile('clusters', clusterTile.z, clusterTile.x, clusterTile.y),
      'clusters',
    );
    expect(after.map((c) => c.id)).not.toContain('song-cau');
    // Plots of a removed cluster are still drawn, as on the ST_AsMVT path.
    expect(await plotIds(here)).toEqual(['p-1']);
  });

  test('further behind than the change log keeps, it reads everything again', async () => {
    await client.query('update feature_changes_trimmed set through = through + 1000000');
    await client.query(insertPlot, [
      'p-3',
      JSON.stringify(plotDoc('p-3', 'A-03')),
      JSON.stringify(square(108.9756, 12.2815)),
    ]);
    expect(await plotIds(here)).toEqual(['p-1', 'p-3']);
    expect(tiles.index?.lastSync?.kind).toBe('build');
  });

  test('writes that touch no cluster or plot read nothing', async () => {
    await plotIds(here);
    await client.query(`update provinces set doc = doc where id = 'khanh-hoa'`);
    expect(await plotIds(here)).toEqual(['p-1', 'p-3']);
    expect(tiles.index?.lastSync).toMatchObject({ kind: 'patch', features: 0 });
  });
});

describe('tiles over HTTP on a PGlite store after a plot is redrawn', () => {
  let store: AtlasStore;
  let cleanup: () => Promise<void>;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    ({ store, cleanup } = await openFreshStore({ databaseUrl: null }));
    app = createApp({ store: Promise.resolve(store), logger: silentLogger });
  });
  afterAll(async () => cleanup());

  const binary = (response: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => callback(null, Buffer.concat(chunks)));
  };
  const getTile = (tile: { z: number; x: number; y: number }, etag?: string) => {
    const pending = request(app)
      .get(`/tiles/plots/${tile.z}/${tile.x}/${tile.y}.mvt`)
      .buffer(true)
      .parse(binary);
    return etag ? pending.set('If-None-Match', etag) : pending;
  };

  test('the redraw shows at once: a new ETag where it was and where it went', async () => {
    const feature: PlotFeature = {
      type: 'Feature',
      geometry: square(108.9745, 12.2815) as PlotFeature['geometry'],
      properties: plotDoc('p-1', 'A-01') as PlotFeature['properties'],
    };
    await store.savePlots([feature], { audit: { action: 'import', actor: null, sourceId: null } });
    const before = await getTile(here).expect(200);
    expect(idsIn(before.body, 'plots').map((p) => p.id)).toEqual(['p-1']);
    const plot = await store.getPlot('p-1');
    const written = await store.updatePlotBoundary('p-1', {
      expectedVersion: plot?.version ?? 1,
      geometry: square(108.975, 12.2725) as PlotFeature['geometry'],
      next: plot?.properties ?? feature.properties,
      actor: { accountId: 'test', accountName: 'Test' },
      sourceId: 'kh-4794',
    });
    expect(written.outcome).toBe('written');
    const after = await getTile(here, before.headers.etag).expect(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body).toHaveLength(0);
    const moved = await getTile(there).expect(200);
    expect(idsIn(moved.body, 'plots').map((p) => p.id)).toEqual(['p-1']);
  });
});
