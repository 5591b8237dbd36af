import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VectorTile, type VectorTileFeature } from '@mapbox/vector-tile';
import type { Polygon, Position } from 'geojson';
import { PbfReader } from 'pbf';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiError } from '../../domain/api.ts';
import type { PlotFeature, PlotGeometry } from '../../domain/plot.ts';
import { createApp } from '../../server/app.ts';
import { loadGeodata } from '../../server/geodata/load-geodata.ts';
import { readGeodata } from '../../server/geodata/read-geodata.ts';
import { migrate } from '../../server/store/migrate.ts';
import { openPgClient } from '../../server/store/pg-client.ts';
import { openPgliteClient } from '../../server/store/pglite-client.ts';
import type { SqlClient } from '../../server/store/sql-client.ts';
import type { AtlasStore } from '../../server/store/store.ts';
import { createTileSource, type TileLayerId } from '../../server/tiles/tile-source.ts';
import { databaseKind, databaseUrl, openFreshStore, silentLogger } from './test-store.ts';

// ---- Tile arithmetic and decoding, written out so the tests check the server, not themselves. ----

/** The tile of zoom `z` holding a lon/lat point (slippy-map numbering, y from the north). */
function tileAt(lon: number, lat: number, z: number): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const latRad = (lat * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.asinh(Math.tan(latRad)) / Math.PI) / 2) * n);
  return { z, x, y };
}

/** One tile unit (1/4096 of a tile) in degrees of longitude: the precision of a tile's coordinates. */
const unitDegrees = (z: number) => 360 / 2 ** z / 4096;

type DecodedFeature = { properties: Record<string, unknown>; feature: VectorTileFeature };

function decode(bytes: Uint8Array, layer: TileLayerId | 'plot_labels'): DecodedFeature[] {
  const decoded = new VectorTile(new PbfReader(bytes)).layers[layer];
  if (!decoded) return [];
  expect(decoded.extent).toBe(4096);
  expect(decoded.version).toBe(2);
  return Array.from({ length: decoded.length }, (_, index) => {
    const feature = decoded.feature(index);
    return { properties: feature.properties, feature };
  });
}

const byId = (features: DecodedFeature[], id: string) => features.find((f) => f.properties.id === id);

/** The MVT spec's surveyor's formula in tile coordinates (y down): exterior rings are positive. */
function surveyorArea(ring: readonly { x: number; y: number }[]): number {
  let twice = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % ring.length];
    if (a && b) twice += a.x * b.y - b.x * a.y;
  }
  return twice / 2;
}

function distanceToSegment(p: Position, a: Position, b: Position): number {
  const [px, py, ax, ay, bx, by] = [p[0] ?? 0, p[1] ?? 0, a[0] ?? 0, a[1] ?? 0, b[0] ?? 0, b[1] ?? 0];
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** How far the farthest vertex of `from` lies from the outline of `to` (one way of a Hausdorff distance). */
function farthestVertex(from: readonly Position[][], to: readonly Position[][]): number {
  let farthest = 0;
  for (const point of from.flat()) {
    let nearest = Number.POSITIVE_INFINITY;
    for (const ring of to)
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = ring[i];
        const b = ring[i + 1];
        if (a && b) nearest = Math.min(nearest, distanceToSegment(point, a, b));
      }
    farthest = Math.max(farthest, nearest);
  }
  return farthest;
}

const outlineDistance = (a: readonly Position[][], b: readonly Position[][]) =>
  Math.max(farthestVertex(a, b), farthestVertex(b, a));

/** Bounds from ST_Extent come from the index's single-precision boxes: close, not exact. */
function expectBoundsNear(actual: readonly number[] | null | undefined, expected: readonly number[]) {
  expect(actual).toHaveLength(4);
  for (const [index, edge] of expected.entries()) expect(actual?.[index]).toBeCloseTo(edge, 4);
}

const tileRings = (feature: VectorTileFeature): Position[][] =>
  feature.loadGeometry().map((ring) => ring.map((point) => [point.x, point.y]));

// ---- Fixtures: plots inside CCN Sông Cầu (a hexagon around 108.975, 12.282). ----

const songCau = { lon: 108.975, lat: 12.282 };
/** The z16 tile holding the centre of Sông Cầu spans lat 12.28097…12.28634; p-edge crosses its south edge. */
const plotTile16 = tileAt(songCau.lon, songCau.lat, 16);

const plotPolygons: Record<string, PlotGeometry> = {
  'p-a01': {
    type: 'Polygon',
    coordinates: [
      [
        [108.974, 12.2815],
        [108.976, 12.2816],
        [108.9758, 12.283],
        [108.9741, 12.2829],
        [108.974, 12.2815],
      ],
    ],
  },
  // Straddles the boundary between z16 tiles y = 30514 and 30515 (lat 12.280966).
  'p-edge': {
    type: 'Polygon',
    coordinates: [
      [
        [108.9745, 12.2804],
        [108.9755, 12.2804],
        [108.9755, 12.2814],
        [108.9745, 12.2814],
        [108.9745, 12.2804],
      ],
    ],
  },
  // A courtyard: its hole must come out as an interior ring (negative area).
  'p-court': {
    type: 'Polygon',
    coordinates: [
      [
        [108.9762, 12.282],
        [108.9776, 12.282],
        [108.9776, 12.2832],
        [108.9762, 12.2832],
        [108.9762, 12.282],
      ],
      [
        [108.9766, 12.2824],
        [108.9766, 12.2828],
        [108.9772, 12.2828],
        [108.9772, 12.2824],
        [108.9766, 12.2824],
      ],
    ],
  },
};

function plotPolygon(id: string): PlotGeometry {
  const polygon = plotPolygons[id];
  if (!polygon) throw new Error(`no fixture plot ${id}`);
  return polygon;
}

const plotDoc = (id: string, label: string) => ({
  id,
  clusterId: 'song-cau',
  provinceId: 'khanh-hoa',
  label,
  status: 'available' as const,
  origin: 'import' as const,
  permittedIndustries: [],
  tenant: null,
  contact: null,
  sourceId: null,
  asOf: null,
});

/** Plots these tests write through the store are test data, recorded as a tool's import. */
const testAudit = { action: 'import', actor: null, sourceId: null } as const;

const insertPlot = `
  insert into plots (id, doc, area_m2, area_measure, geom)
  select $1, $2::jsonb, ST_Area(g::geography), 'ellipsoid', g
  from (select ST_SetSRID(ST_GeomFromGeoJSON($3), 4326) as g) as input`;

/** A database as the app would have it, plus the fixture plots and one removed cluster. */
async function openTileDatabase(kind: 'pglite' | 'postgresql', dataDir: string): Promise<SqlClient> {
  const client =
    kind === 'postgresql' && databaseUrl ? await openPgClient(databaseUrl) : await openPgliteClient(dataDir);
  if (client.kind === 'postgresql')
    await client.exec('drop schema if exists public cascade; create schema public');
  await migrate(client);
  await loadGeodata(client, readGeodata());
  const labels: Record<string, string> = { 'p-a01': 'A-01', 'p-edge': 'A-02', 'p-court': 'B-01' };
  for (const [id, polygon] of Object.entries(plotPolygons)) {
    await client.query(insertPlot, [
      id,
      JSON.stringify(plotDoc(id, labels[id] ?? id)),
      JSON.stringify(polygon),
    ]);
  }
  await client.query(
    `update clusters set doc = jsonb_set(doc, '{stage}', '"removed"') where id = 'cam-thanh-nam'`,
  );
  return client;
}

const encoderKinds = databaseUrl ? (['pglite', 'postgresql'] as const) : (['pglite'] as const);

describe('vector tiles', () => {
  const clients = new Map<string, SqlClient>();
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ccn-atlas-tiles-'));
    for (const kind of encoderKinds) clients.set(kind, await openTileDatabase(kind, join(dataDir, kind)));
  });
  afterAll(async () => {
    for (const client of clients.values()) await client.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const source = (kind: string) => {
    const client = clients.get(kind);
    if (!client) throw new Error(`no ${kind} database`);
    return createTileSource(client);
  };

  describe.each(encoderKinds)('encoded on %s', (kind) => {
    test.each([10, 14])('a cluster tile at z%i holds Sông Cầu with its properties', async (z) => {
      const { x, y } = tileAt(songCau.lon, songCau.lat, z);
      const features = decode(await source(kind).encodeTile('clusters', z, x, y), 'clusters');
      expect(byId(features, 'song-cau')?.properties).toEqual({
        id: 'song-cau',
        province_id: 'khanh-hoa',
        stage: 'operating',
        name_vi: 'CCN Sông Cầu',
        name_en: 'Sông Cầu cluster',
        geometry_source: 'illustrative',
        infra_min: 0,
      });
    });

    test('leaves out the wastewater state of a cluster when it is unknown', async () => {
      const { z, x, y } = tileAt(songCau.lon, songCau.lat, 14);
      const features = decode(await source(kind).encodeTile('clusters', z, x, y), 'clusters');
      expect(byId(features, 'song-cau')?.properties).not.toHaveProperty('wastewater_state');
    });

    test('leaves removed clusters out and keeps their neighbours', async () => {
      const { z, x, y } = tileAt(109.14, 11.93, 10);
      const ids = decode(await source(kind).encodeTile('clusters', z, x, y), 'clusters').map(
        (f) => f.properties.id,
      );
      expect(ids).toContain('cam-thinh-dong');
      expect(ids).not.toContain('cam-thanh-nam');
    });

    test.each([14, 16])('a plot tile at z%i holds the plot, its properties and its outline', async (z) => {
      const { x, y } = tileAt(108.975, 12.2822, z);
      const features = decode(await source(kind).encodeTile('plots', z, x, y), 'plots');
      const plot = byId(features, 'p-a01');
      const [stored] = (await clients
        .get(kind)
        ?.query<{ area_m2: number }>('select area_m2 from plots where id = $1', ['p-a01'])) ?? [
        { area_m2: 0 },
      ];
      expect(plot?.properties).toEqual({
        id: 'p-a01',
        cluster_id: 'song-cau',
        province_id: 'khanh-hoa',
        label: 'A-01',
        status: 'available',
        origin: 'import',
        area_ha: Math.round(((stored?.area_m2 ?? 0) / 10_000) * 10_000) / 10_000,
        infra_min: 0,
        wastewater_compliant: false,
      });
      const geometry = plot?.feature.toGeoJSON(x, y, z).geometry as Polygon;
      expect(geometry.type).toBe('Polygon');
      // Snapping to the 4096 grid moves a vertex by at most half a unit each way.
      expect(outlineDistance(geometry.coordinates, plotPolygon('p-a01').coordinates)).toBeLessThan(
        unitDegrees(z),
      );
    });

    test('winds exterior rings clockwise (positive area) and holes the other way, as MVT 2 says', async () => {
      const { z, x, y } = plotTile16;
      const features = decode(await source(kind).encodeTile('plots', z, x, y), 'plots');
      const court = byId(features, 'p-court');
      const areas = court?.feature.loadGeometry().map(surveyorArea) ?? [];
      expect(areas).toHaveLength(2);
      expect(areas[0]).toBeGreaterThan(0);
      expect(areas[1]).toBeLessThan(0);
      for (const feature of features)
        expect(surveyorArea(feature.feature.loadGeometry()[0] ?? [])).toBeGreaterThan(0);
      const song = tileAt(songCau.lon, songCau.lat, 14);
      const clusters = decode(await source(kind).encodeTile('clusters', song.z, song.x, song.y), 'clusters');
      expect(surveyorArea(byId(clusters, 'song-cau')?.feature.loadGeometry()[0] ?? [])).toBeGreaterThan(0);
    });

    test('draws a plot across a tile edge in both tiles, each clipped to its buffer', async () => {
      const { z, x, y } = plotTile16;
      const north = byId(decode(await source(kind).encodeTile('plots', z, x, y), 'plots'), 'p-edge');
      const south = byId(decode(await source(kind).encodeTile('plots', z, x, y + 1), 'plots'), 'p-edge');
      const northYs =
        north?.feature
          .loadGeometry()
          .flat()
          .map((point) => point.y) ?? [];
      const southYs =
        south?.feature
          .loadGeometry()
          .flat()
          .map((point) => point.y) ?? [];
      // The plot runs ~0.0005° (~430 units at z16) past the edge; the buffer keeps 64 of them.
      expect(Math.max(...northYs)).toBe(4096 + 64);
      expect(Math.min(...southYs)).toBe(-64);
      expect(Math.min(...northYs)).toBeGreaterThan(3000);
      expect(Math.max(...southYs)).toBeLessThan(1000);
    });

    test('labels a plot across a tile edge once, in the tile that holds its label point', async () => {
      const { z, x, y } = plotTile16;
      const labels = [y, y + 1].map(async (row) =>
        byId(decode(await source(kind).encodeTile('plots', z, x, row), 'plot_labels'), 'p-edge'),
      );
      const [north, south] = await Promise.all(labels);
      expect([north, south].filter(Boolean)).toHaveLength(1);
      const label = north ?? south;
      expect(label?.properties).toMatchObject({ label: 'A-02', status: 'available' });
      const [[point] = []] = label?.feature.loadGeometry() ?? [];
      expect(point?.x).toBeGreaterThanOrEqual(0);
      expect(point?.x).toBeLessThan(4096);
      expect(point?.y).toBeGreaterThanOrEqual(0);
      expect(point?.y).toBeLessThan(4096);
    });

    test('answers empty tiles where there is nothing, and for plots below zoom 13', async () => {
      expect(await source(kind).encodeTile('clusters', 14, 0, 0)).toHaveLength(0);
      const khanhBinh = tileAt(108.905, 12.32, 14);
      expect(await source(kind).encodeTile('plots', khanhBinh.z, khanhBinh.x, khanhBinh.y)).toHaveLength(0);
      const below = tileAt(songCau.lon, songCau.lat, 12);
      expect(await source(kind).encodeTile('plots', below.z, below.x, below.y)).toHaveLength(0);
    });

    test('gives the extent of each layer', async () => {
      const clusters = await source(kind).bounds('clusters');
      expect(clusters?.[0]).toBeCloseTo(108.901417, 5);
      expect(clusters?.[1]).toBeCloseTo(11.858969, 5);
      const plots = await source(kind).bounds('plots');
      expectBoundsNear(plots, [108.974, 12.2804, 108.9776, 12.2832]);
    });
  });

  test.skipIf(!databaseUrl)('Node encoding and ST_AsMVT give the same tiles', async () => {
    const addresses: { layer: TileLayerId; z: number; x: number; y: number }[] = [
      { layer: 'clusters', ...tileAt(songCau.lon, songCau.lat, 10) },
      { layer: 'clusters', ...tileAt(songCau.lon, songCau.lat, 14) },
      // The hexagon's east corner clipped by a z16 tile edge.
      { layer: 'clusters', ...tileAt(108.9786, 12.282, 16) },
      { layer: 'plots', ...tileAt(songCau.lon, songCau.lat, 14) },
      { layer: 'plots', ...plotTile16 },
      { layer: 'plots', ...plotTile16, y: plotTile16.y + 1 },
    ];
    for (const { layer, z, x, y } of addresses) {
      const inNode = await source('pglite').encodeTile(layer, z, x, y);
      const inPostgis = await source('postgresql').encodeTile(layer, z, x, y);
      const nodeFeatures = decode(inNode, layer);
      const postgisFeatures = decode(inPostgis, layer);
      expect(nodeFeatures.length).toBeGreaterThan(0);
      expect(nodeFeatures.map((f) => f.properties)).toEqual(postgisFeatures.map((f) => f.properties));
      for (const [index, nodeFeature] of nodeFeatures.entries()) {
        const postgisFeature = postgisFeatures[index];
        if (!postgisFeature) throw new Error('feature missing');
        expect(
          outlineDistance(tileRings(nodeFeature.feature), tileRings(postgisFeature.feature)),
        ).toBeLessThanOrEqual(1);
      }
      if (layer === 'plots') {
        const nodeLabels = decode(inNode, 'plot_labels');
        const postgisLabels = decode(inPostgis, 'plot_labels');
        expect(nodeLabels.map((f) => f.properties)).toEqual(postgisLabels.map((f) => f.properties));
        for (const [index, nodeLabel] of nodeLabels.entries()) {
          const [[a] = []] = nodeLabel.feature.loadGeometry();
          const [[b] = []] = postgisLabels[index]?.feature.loadGeometry() ?? [];
          expect(
            Math.abs((a?.x ?? 0) - (b?.x ?? 1e9)) + Math.abs((a?.y ?? 0) - (b?.y ?? 1e9)),
          ).toBeLessThanOrEqual(2);
        }
      }
      const ratio = inNode.length / inPostgis.length;
      expect(ratio, `${layer}/${z}/${x}/${y}`).toBeGreaterThan(1 / 1.2);
      expect(ratio, `${layer}/${z}/${x}/${y}`).toBeLessThan(1.2);
    }
  });
});

// ---- Over HTTP, on the store the app runs on (PostgreSQL when DATABASE_URL is set). ----

const binary = (response: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
};

const plotFeature = (id: string, label: string, polygon: PlotGeometry): PlotFeature => ({
  type: 'Feature',
  geometry: polygon,
  properties: plotDoc(id, label),
});

describe(`tile routes on ${databaseKind}`, () => {
  let store: AtlasStore;
  let cleanup: () => Promise<void>;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    ({ store, cleanup } = await openFreshStore());
    app = createApp({ store: Promise.resolve(store), logger: silentLogger });
  });
  afterAll(async () => cleanup());

  const getTile = (path: string) => request(app).get(path).buffer(true).parse(binary);
  const song14 = tileAt(songCau.lon, songCau.lat, 14);

  test('serves a cluster tile as a Mapbox Vector Tile', async () => {
    const response = await getTile(`/tiles/clusters/14/${song14.x}/${song14.y}.mvt`).expect(200);
    expect(response.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    expect(response.headers['cache-control']).toBe('public, no-cache');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(byId(decode(response.body, 'clusters'), 'song-cau')?.properties.name_vi).toBe('CCN Sông Cầu');
  });

  test('answers an empty tile with 200 and no bytes', async () => {
    const response = await getTile('/tiles/clusters/14/0/0.mvt').expect(200);
    expect(response.body).toHaveLength(0);
    expect(response.headers.etag).toBeTruthy();
  });

  test('answers 304 to the ETag it gave', async () => {
    const path = `/tiles/clusters/14/${song14.x}/${song14.y}.mvt`;
    const first = await getTile(path).expect(200);
    const etag = first.headers.etag ?? '';
    expect(etag).toMatch(/^"/);
    await request(app).get(path).set('If-None-Match', etag).expect(304);
  });

  test.each([
    ['z below 0', '/tiles/clusters/-1/0/0.mvt'],
    ['z above 22', '/tiles/clusters/25/0/0.mvt'],
    ['x past the grid', '/tiles/clusters/3/8/0.mvt'],
    ['y past the grid', '/tiles/clusters/3/0/8.mvt'],
    ['a word', '/tiles/clusters/abc/0/0.mvt'],
    ['a decimal', '/tiles/clusters/14/1.5/0.mvt'],
    ['a decimal y', '/tiles/clusters/14/0/1.5.mvt'],
    ['another extension', '/tiles/clusters/14/0/0.png'],
    ['a parent directory', '/tiles/clusters/14/../0.mvt'],
    ['a parent directory before the layer', '/tiles/../clusters/14/0/0.mvt'],
    ['an encoded slash', '/tiles/clusters/14/..%2F0/0.mvt'],
    ['too few parts', '/tiles/clusters/14/0.mvt'],
  ])('rejects %s with a 400 in both languages', async (_case, path) => {
    const response = await request(app).get(path).expect(400);
    const { error } = ApiError.parse(response.body);
    expect(error.code).toBe('invalid_tile');
    expect(error.message_vi).toContain('/tiles/{lớp}/{z}/{x}/{y}.mvt');
    expect(error.message_en).toContain('/tiles/{layer}/{z}/{x}/{y}.mvt');
  });

  test('answers 404 for a layer it does not have, naming those it has', async () => {
    for (const path of ['/tiles/roads/14/0/0.mvt', '/tiles/roads.json']) {
      const response = await request(app).get(path).expect(404);
      const { error } = ApiError.parse(response.body);
      expect(error.code).toBe('unknown_layer');
      expect(error.message_en).toContain('clusters, plots');
    }
  });

  test('describes each layer in TileJSON 3.0.0 whose tile URL works', async () => {
    const response = await request(app).get('/tiles/plots.json').set('Host', 'atlas.test:8080').expect(200);
    expect(response.headers['cache-control']).toBe('public, no-cache');
    expect(response.body).toMatchObject({
      tilejson: '3.0.0',
      tiles: ['http://atlas.test:8080/tiles/plots/{z}/{x}/{y}.mvt'],
      minzoom: 13,
      maxzoom: 16,
      // No plots yet: Viet Nam's extent.
      bounds: [102.1, 8.4, 109.5, 23.4],
      vector_layers: [
        { id: 'plots', minzoom: 13, maxzoom: 16 },
        { id: 'plot_labels', minzoom: 13, maxzoom: 16 },
      ],
    });
    expect(Object.keys(response.body.vector_layers[0].fields)).toEqual([
      'id',
      'cluster_id',
      'province_id',
      'label',
      'status',
      'origin',
      'area_ha',
      'infra_min',
      'wastewater_compliant',
    ]);
    const clusters = await request(app).get('/tiles/clusters.json').expect(200);
    expect(clusters.body).toMatchObject({ minzoom: 4, maxzoom: 16, vector_layers: [{ id: 'clusters' }] });
    expect(clusters.body.bounds[0]).toBeCloseTo(108.9014, 3);
    expect(typeof clusters.body.attribution).toBe('string');
    const template = decodeURI(new URL(clusters.body.tiles[0]).pathname);
    const path = template
      .replace('{z}', '14')
      .replace('{x}', String(song14.x))
      .replace('{y}', String(song14.y));
    const tile = await getTile(path).expect(200);
    expect(byId(decode(tile.body, 'clusters'), 'song-cau')).toBeDefined();
  });

  test('a plot written shows at once: new ETag, new content, new bounds', async () => {
    const { z, x, y } = plotTile16;
    const path = `/tiles/plots/${z}/${x}/${y}.mvt`;
    const before = await getTile(path).expect(200);
    expect(before.body).toHaveLength(0);
    const etagBefore = before.headers.etag ?? '';

    await store.savePlots([plotFeature('p-a01', 'A-01', plotPolygon('p-a01'))], { audit: testAudit });

    await request(app).get(path).set('If-None-Match', etagBefore).expect(200);
    const after = await getTile(path).expect(200);
    expect(after.headers.etag).not.toBe(etagBefore);
    expect(byId(decode(after.body, 'plots'), 'p-a01')?.properties.label).toBe('A-01');
    const tileJson = await request(app).get('/tiles/plots.json').expect(200);
    expectBoundsNear(tileJson.body.bounds, [108.974, 12.2815, 108.976, 12.283]);
  });

  test('a write elsewhere keeps the ETag of a tile it did not touch', async () => {
    const path = '/tiles/clusters/14/0/0.mvt';
    const before = await getTile(path).expect(200);
    await store.savePlots([plotFeature('p-edge', 'A-02', plotPolygon('p-edge'))], { audit: testAudit });
    await request(app)
      .get(path)
      .set('If-None-Match', before.headers.etag ?? '')
      .expect(304);
  });
});
