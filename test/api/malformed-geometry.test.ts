import request from 'supertest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ImportEvent } from '../../domain/import-api.ts';
import type { PlotFeature } from '../../domain/plot.ts';
import { testProvinceId } from './fixtures/test-province.ts';
import {
  bilingualError,
  createEditor,
  type Harness,
  openHarness,
  type Session,
  signIn,
  storeCounts,
} from './hostile-harness.ts';
import { databaseKind } from './test-store.ts';

// Issue 9, item 3: malformed and invalid GeoJSON sent to every write that takes a geometry (a
// cluster's boundary, a plot's boundary, an imported file). Unreadable JSON is a 400; a body that
// is no geometry a 422 naming the field; a shape PostGIS finds invalid a 422 with its reason;
// all bilingual, nothing written (versions, audit rows, data version unchanged), tiles still served.

let h: Harness;
let lan: Session;
let thu: Session;
const source = { sourceId: 'kh-4794', asOf: '2025-06-14' };

const ORIGIN = [108.985, 12.29] as const;
const at = (east: number, north: number): [number, number] => [
  ORIGIN[0] + east / (111_320 * Math.cos((ORIGIN[1] * Math.PI) / 180)),
  ORIGIN[1] + north / 110_600,
];
const rectangle = (west: number, south: number, east: number, north: number) => ({
  type: 'Polygon' as const,
  coordinates: [[at(west, south), at(east, south), at(east, north), at(west, north), at(west, south)]],
});

beforeAll(async () => {
  h = await openHarness();
  await createEditor(h.store, 'lan', ['khanh-hoa']);
  await createEditor(h.store, 'thu', [testProvinceId]);
  lan = await signIn(h.app, 'lan');
  thu = await signIn(h.app, 'thu');
  await request(h.app)
    .put('/api/clusters/song-cau/boundary')
    .set('Cookie', lan.cookie)
    .set('X-CSRF-Token', lan.csrfToken)
    .set('If-Match', '"cluster-song-cau-v1"')
    .send({ geometry: rectangle(0, 0, 400, 400), source })
    .expect(200);
  const plot: PlotFeature = {
    type: 'Feature',
    geometry: rectangle(0, 0, 100, 100),
    properties: {
      id: 'sc-a',
      clusterId: 'song-cau',
      provinceId: 'khanh-hoa',
      label: 'A',
      status: 'available',
      permittedIndustries: [],
      tenant: null,
      contact: null,
      origin: 'import',
      sourceId: 'kh-4794',
      asOf: null,
    },
  };
  await h.store.savePlots([plot], { audit: { action: 'import', actor: null, sourceId: 'kh-4794' } });
});
afterAll(async () => h?.close());

/** A write of a raw body (JSON text or not), with the editor's session and the current If-Match. */
function write(target: 'cluster' | 'plot', body: string) {
  const path = target === 'cluster' ? '/api/clusters/song-cau/boundary' : '/api/plots/sc-a/boundary';
  const etag = target === 'cluster' ? '"cluster-song-cau-v2"' : '"plot-sc-a-v1"';
  return request(h.app)
    .put(path)
    .set('Cookie', lan.cookie)
    .set('X-CSRF-Token', lan.csrfToken)
    .set('If-Match', etag)
    .set('Content-Type', 'application/json')
    .send(body);
}

const withGeometry = (geometry: unknown) => JSON.stringify({ geometry, source });
const square = rectangle(10, 10, 60, 60).coordinates[0] ?? [];

/** Bodies that are not a geometry at all, or not JSON: each with the words the refusal must hold. */
const malformed: [string, string, RegExp][] = [
  ['an empty object', '{}', /geometry/],
  ['an empty body', '', /geometry|body/i],
  // The body must be a JSON object: a bare null is refused as unreadable, like text that is no JSON.
  ['JSON null', 'null', /could not be read/],
  ['a geometry that is {}', withGeometry({}), /geometry/],
  ['"coordinates":[1]', withGeometry({ type: 'Polygon', coordinates: [1] }), /geometry\.coordinates/],
  ['no rings', withGeometry({ type: 'Polygon', coordinates: [] }), /geometry\.coordinates/],
  ['an empty ring', withGeometry({ type: 'Polygon', coordinates: [[]] }), /geometry\.coordinates/],
  ['a point', withGeometry({ type: 'Point', coordinates: [109, 12] }), /geometry/],
  ['a string geometry', withGeometry('POLYGON((0 0,1 0,1 1,0 0))'), /geometry/],
  [
    'NaN (not JSON)',
    `{"geometry":{"type":"Polygon","coordinates":[[[NaN,12],[109,12],[109,12.1],[NaN,12]]]},"source":${JSON.stringify(source)}}`,
    /could not be read/,
  ],
  [
    'Infinity (not JSON)',
    '{"geometry":{"type":"Polygon","coordinates":[[[Infinity,1]]]}}',
    /could not be read/,
  ],
  [
    'truncated JSON',
    withGeometry({ type: 'Polygon', coordinates: [square] }).slice(0, 40),
    /could not be read/,
  ],
  [
    '1e400 (overflows to Infinity)',
    withGeometry({ type: 'Polygon', coordinates: [[[0, 0]]] }).replace(
      '[[[0,0]]]',
      '[[[1e400,0],[1,0],[1,1],[1e400,0]]]',
    ),
    /geometry\.coordinates/,
  ],
  ['an unclosed ring', withGeometry({ type: 'Polygon', coordinates: [square.slice(0, 4)] }), /not closed/],
  [
    'a 3-point ring',
    withGeometry({ type: 'Polygon', coordinates: [[square[0], square[1], square[0]]] }),
    /geometry\.coordinates/,
  ],
  [
    'text as a number',
    withGeometry({
      type: 'Polygon',
      coordinates: [
        [
          ['109', '12'],
          ['109.1', '12'],
          ['109.1', '12.1'],
          ['109', '12'],
        ],
      ],
    }),
    /geometry\.coordinates/,
  ],
  [
    'three numbers per position',
    withGeometry({ type: 'Polygon', coordinates: [square.map(([x, y]) => [x, y, 5])] }),
    /geometry\.coordinates/,
  ],
];

/** Shapes that parse but are not a valid place on Earth or not a valid polygon. */
const invalid: [string, unknown, RegExp][] = [
  [
    'latitude beyond 90',
    {
      type: 'Polygon',
      coordinates: [
        [
          [109, 91],
          [109.001, 91],
          [109.001, 91.001],
          [109, 91.001],
          [109, 91],
        ],
      ],
    },
    /Viet ?Nam|outside|latitude|range/i,
  ],
  [
    'longitude beyond 180',
    {
      type: 'Polygon',
      coordinates: [
        [
          [181, 12],
          [181.001, 12],
          [181.001, 12.001],
          [181, 12.001],
          [181, 12],
        ],
      ],
    },
    /Viet ?Nam|outside|longitude|range/i,
  ],
  [
    '1e308 coordinates',
    {
      type: 'Polygon',
      coordinates: [
        [
          [1e308, 12],
          [1e308, 12.001],
          [-1e308, 12.001],
          [1e308, 12],
        ],
      ],
    },
    /Viet ?Nam|outside|latitude|range/i,
  ],
  [
    'a bow-tie',
    { type: 'Polygon', coordinates: [[at(10, 10), at(60, 60), at(60, 10), at(10, 60), at(10, 10)]] },
    /cross|cắt|self-intersection/i,
  ],
  [
    'a ring touching itself at a vertex',
    {
      type: 'Polygon',
      coordinates: [[at(10, 10), at(50, 10), at(30, 30), at(50, 50), at(10, 50), at(30, 30), at(10, 10)]],
    },
    /self-intersection|cross|cắt|touch/i,
  ],
  [
    'a hole outside its shell',
    {
      type: 'Polygon',
      coordinates: [square, (rectangle(200, 200, 250, 250).coordinates[0] ?? []).slice().reverse()],
    },
    /hole|lỗ/i,
  ],
];

async function snapshot() {
  const counts = await storeCounts(h.client);
  const cluster = await h.store.getClusterVersioned('song-cau');
  const plot = await h.store.getPlot('sc-a');
  return {
    counts,
    cluster: cluster?.version,
    geometry: cluster?.feature.geometry,
    plot: plot?.version,
    plotGeometry: plot?.geometry,
  };
}

describe(`malformed and invalid geometry sent to the boundary writes, on ${databaseKind}`, () => {
  for (const target of ['cluster', 'plot'] as const) {
    test(`${target}: a body that is no geometry → 422, no JSON → 400, naming the reason, nothing written`, async () => {
      const before = await snapshot();
      for (const [what, body, reason] of malformed) {
        const response = await write(target, body);
        // Text that is no JSON cannot be read (400); readable JSON that holds no geometry is 422.
        expect(response.status, `${target}: ${what} → ${JSON.stringify(response.body)}`).toBe(
          reason.source === 'could not be read' ? 400 : 422,
        );
        const error = bilingualError(response.body);
        expect(error.message_en, `${target}: ${what}`).toMatch(reason);
      }
      expect(await snapshot()).toEqual(before);
    });

    test(`${target}: a shape outside WGS84 or invalid for PostGIS → 422 with the reason, nothing written`, async () => {
      const before = await snapshot();
      for (const [what, geometry, reason] of invalid) {
        const response = await write(target, withGeometry(geometry));
        expect(response.status, `${target}: ${what} → ${JSON.stringify(response.body)}`).toBe(422);
        const error = bilingualError(response.body);
        expect(`${error.message_en} ${error.message_vi}`, `${target}: ${what}`).toMatch(reason);
      }
      expect(await snapshot()).toEqual(before);
    });
  }

  test('the tiles over the refused shapes are still served (200), and the store still answers', async () => {
    // Sông Cầu's area at z 10…16, and the tiles a 1e308 or 91° shape would have touched.
    const tile = (z: number, lon: number, lat: number) => {
      const n = 2 ** z;
      const x = Math.floor(((lon + 180) / 360) * n);
      const rad = (lat * Math.PI) / 180;
      const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
      return [z, Math.min(Math.max(x, 0), n - 1), Math.min(Math.max(y, 0), n - 1)];
    };
    const addresses = [
      ...[10, 12, 14, 16].map((z) => tile(z, ORIGIN[0], ORIGIN[1])),
      [0, 0, 0],
      [2, 3, 0],
      [2, 0, 0],
    ];
    for (const layer of ['clusters', 'plots']) {
      for (const [z, x, y] of addresses) {
        const response = await request(h.app).get(`/tiles/${layer}/${z}/${x}/${y}.mvt`);
        expect([200, 204], `${layer}/${z}/${x}/${y}`).toContain(response.status);
      }
    }
    await request(h.app).get('/api/clusters/song-cau').expect(200);
  });
});

/** Reads an import's answer as text (JSON refusal or NDJSON events). */
const asText = (response: request.Response, callback: (error: Error | null, body: string) => void) => {
  let text = '';
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    text += chunk;
  });
  response.on('end', () => callback(null, text));
};

function upload(bytes: string, commit: boolean) {
  const query = new URLSearchParams({
    fileName: 'ranh-gioi.geojson',
    ...(commit ? { commit: 'true', source: 'test-fixture' } : {}),
  });
  return request(h.app)
    .post(`/api/provinces/${testProvinceId}/imports?${query}`)
    .set('Cookie', thu.cookie)
    .set('X-CSRF-Token', thu.csrfToken)
    .set('Content-Type', 'application/octet-stream')
    .buffer(true)
    .parse(asText as never)
    .send(Buffer.from(bytes, 'utf8'));
}

const feature = (geometry: unknown) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { cluster: 'cum-thu-nghiem' }, geometry }],
  });
const testSquare = [
  [106.5, 10.5],
  [106.503, 10.5],
  [106.503, 10.503],
  [106.5, 10.503],
  [106.5, 10.5],
];

describe(`malformed and invalid GeoJSON files sent to the import, on ${databaseKind}`, () => {
  const files: [string, string][] = [
    ['an empty object', '{}'],
    ['an empty file', ' '],
    [
      'NaN (not JSON)',
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[NaN,1]]]}}]}',
    ],
    ['truncated JSON', feature({ type: 'Polygon', coordinates: [testSquare] }).slice(0, 50)],
    ['"coordinates":[1]', feature({ type: 'Polygon', coordinates: [1] })],
    ['no rings', feature({ type: 'Polygon', coordinates: [] })],
    ['an empty ring', feature({ type: 'Polygon', coordinates: [[]] })],
    ['an unclosed ring', feature({ type: 'Polygon', coordinates: [testSquare.slice(0, 4)] })],
    [
      'a 3-point ring',
      feature({ type: 'Polygon', coordinates: [[testSquare[0], testSquare[1], testSquare[0]]] }),
    ],
    [
      'latitude beyond 90',
      feature({ type: 'Polygon', coordinates: [testSquare.map(([x, y]) => [x, (y ?? 0) + 85])] }),
    ],
    [
      '1e308 coordinates',
      feature({
        type: 'Polygon',
        coordinates: [
          [
            [1e308, 10.5],
            [1e308, 10.6],
            [-1e308, 10.6],
            [1e308, 10.5],
          ],
        ],
      }),
    ],
    [
      'a bow-tie',
      feature({
        type: 'Polygon',
        coordinates: [
          [
            [106.5, 10.5],
            [106.503, 10.503],
            [106.503, 10.5],
            [106.5, 10.503],
            [106.5, 10.5],
          ],
        ],
      }),
    ],
    [
      'a hole outside its shell',
      feature({
        type: 'Polygon',
        coordinates: [
          testSquare,
          [
            [106.6, 10.6],
            [106.6, 10.601],
            [106.601, 10.601],
            [106.601, 10.6],
            [106.6, 10.6],
          ],
        ],
      }),
    ],
  ];

  test.each(files)(
    '%s: refused (4xx, or an NDJSON error with 422), bilingual, nothing written',
    async (_what, file) => {
      const before = await storeCounts(h.client);
      const cluster = await h.store.getClusterVersioned('cum-thu-nghiem');
      for (const commit of [false, true]) {
        const response = await upload(file, commit);
        expect(response.status, `commit=${commit}: ${response.body}`).toBeLessThan(500);
        if (response.status !== 200) {
          expect(response.status).toBeGreaterThanOrEqual(400);
          bilingualError(JSON.parse(String(response.body)));
          continue;
        }
        const events = String(response.body)
          .split('\n')
          .filter(Boolean)
          .map((line) => ImportEvent.parse(JSON.parse(line)));
        const last = events.at(-1);
        if (commit) {
          // A commit of a file with a problem is refused whole.
          if (last?.type !== 'error') throw new Error(`expected an error, got ${JSON.stringify(last)}`);
          expect(last.status).toBe(422);
          expect(last.error.message_vi.length).toBeGreaterThan(0);
          expect(last.error.message_en.length).toBeGreaterThan(0);
        } else {
          if (last?.type !== 'plan') throw new Error(`expected a plan, got ${JSON.stringify(last)}`);
          expect(last.plan.problems.length, JSON.stringify(last.plan)).toBeGreaterThan(0);
          for (const problem of last.plan.problems) {
            expect(problem.vi.length).toBeGreaterThan(0);
            expect(problem.en.length).toBeGreaterThan(0);
          }
        }
      }
      expect(await storeCounts(h.client)).toEqual(before);
      expect((await h.store.getClusterVersioned('cum-thu-nghiem'))?.version).toBe(cluster?.version);
    },
  );
});
