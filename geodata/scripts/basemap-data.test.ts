import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Point } from 'geojson';
import { describe, expect, test } from 'vitest';

const read = <T>(file: string) =>
  JSON.parse(readFileSync(new URL(`../basemap/${file}`, import.meta.url), 'utf8')) as T;

/** Whether any ring of the multipolygon lies wholly inside the box. */
function hasPartWithin(geometry: MultiPolygon, [west, south, east, north]: [number, number, number, number]) {
  return geometry.coordinates.some((polygon) =>
    (polygon[0] ?? []).every(
      ([lon = 0, lat = 0]) => lon >= west && lon <= east && lat >= south && lat <= north,
    ),
  );
}

describe('shipped basemap', () => {
  const vietnam = read<FeatureCollection<MultiPolygon>>('vietnam.geojson').features[0];

  test('draws the islets of Hoàng Sa as part of Viet Nam', () => {
    expect(vietnam && hasPartWithin(vietnam.geometry, [111, 15.6, 113.2, 17.3])).toBe(true);
  });

  test('draws the islets of Trường Sa as part of Viet Nam', () => {
    expect(vietnam && hasPartWithin(vietnam.geometry, [111.3, 7, 117.5, 12])).toBe(true);
  });

  test('labels both archipelagos as Viet Nam’s', () => {
    const names = read<FeatureCollection<Point>>('labels.geojson').features.map(
      (feature) => feature.properties?.name_vi,
    );
    expect(names).toContain('Quần đảo Hoàng Sa (Việt Nam)');
    expect(names).toContain('Quần đảo Trường Sa (Việt Nam)');
  });
});
