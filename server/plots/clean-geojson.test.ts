import { getIssues } from '@placemarkio/check-geojson';
import { describe, expect, test } from 'vitest';
import { parseCleanGeoJson } from './clean-geojson.ts';

const ring = [
  [108.974, 12.281],
  [108.975, 12.281],
  [108.975, 12.282],
  [108.974, 12.281],
];
const square = { type: 'Polygon', coordinates: [ring] };
const feature = (extra: Record<string, unknown> = {}) => ({
  type: 'Feature',
  geometry: square,
  properties: { cluster: 'song-cau', label: 'A-1', status: 'available' },
  ...extra,
});
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe('the fast path past check-geojson', () => {
  const clean = [
    collection(feature()),
    collection(feature(), feature({ id: 7, bbox: [108.974, 12.281, 108.975, 12.282] })),
    collection(feature({ geometry: null, properties: null })),
    collection(feature({ geometry: { ...square, coordinates: [ring.map(([x, y]) => [x, y, 3])] } })),
    collection(),
    JSON.stringify({ type: 'FeatureCollection', features: [feature()], name: 'lô "A": 1' }),
    `{ "type" : "FeatureCollection",\n  "features": [${JSON.stringify(feature())}] }\n`,
  ];
  test.each(clean)('answers a clean collection parsed, as check-geojson finds nothing: %s', (text) => {
    expect(getIssues(text)).toEqual([]);
    expect(parseCleanGeoJson(text)).toEqual(JSON.parse(text));
  });

  const withProblems = [
    'lô đất',
    '{}',
    JSON.stringify(square),
    JSON.stringify(feature()),
    '{"type":"FeatureCollection","features":{}}',
    '{"type":"FeatureCollection"}',
    '{"type":"FeatureCollection","features":[1]}',
    collection(feature({ type: 'Feature ' })),
    collection({ geometry: square, properties: {} }),
    collection(feature({ properties: undefined })),
    collection(feature({ properties: [] })),
    collection(feature({ geometry: undefined })),
    collection(feature({ id: true })),
    collection(feature({ features: [] })),
    collection(feature({ bbox: [1, 2, 3] })),
    collection(feature({ bbox: [1, 2, 3, '4'] })),
    collection(feature({ geometry: { ...square, bbox: [1, 2] } })),
    collection(feature({ geometry: { ...square, properties: {} } })),
    collection(feature({ geometry: { type: 'Polygon' } })),
    collection(feature({ geometry: { type: 'Polygon', coordinates: {} } })),
    collection(feature({ geometry: { type: 'Polygon', coordinates: [ring.slice(0, 3)] } })),
    collection(
      feature({ geometry: { type: 'Polygon', coordinates: [[...ring.slice(0, 3), [108.9, 12.2]]] } }),
    ),
    collection(feature({ geometry: { type: 'Polygon', coordinates: [[...ring.slice(0, 3), [108.974]]] } })),
    collection(feature({ geometry: { type: 'Polygon', coordinates: [[...ring, [1, '2']]] } })),
    collection(feature({ geometry: { type: 'Polygon', coordinates: [[...ring, 5]] } })),
    collection(feature({ geometry: { type: 'Polygon', coordinates: [5] } })),
    collection(feature({ geometry: { type: 'Point', coordinates: [108.97, 12.28] } })),
    JSON.stringify({ type: 'FeatureCollection', features: [], properties: {} }),
    // Duplicate members: JSON.parse keeps the last, check-geojson refuses them.
    collection(feature()).replace('"type":"Polygon"', '"type":"Polygon","type":"Polygon"'),
    collection(feature()).replace('"coordinates":', '"coordinates":[],"coordinates":'),
    `{"type":"FeatureCollection","type":"FeatureCollection","features":[]}`,
  ];
  test.each(withProblems)('leaves anything else to check-geojson: %s', (text) => {
    expect(parseCleanGeoJson(text)).toBeUndefined();
  });

  test('never answers a text check-geojson finds a problem in', () => {
    for (const text of [...clean, ...withProblems]) {
      if (parseCleanGeoJson(text) !== undefined) expect(getIssues(text)).toEqual([]);
    }
  });
});
