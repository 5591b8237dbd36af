import { describe, expect, test } from 'vitest';
import { polygonEwkbHex } from './ewkb.ts';

describe('polygons as hex EWKB', () => {
  test('the bytes PostGIS writes for the same polygon (ST_AsEWKB, little-endian)', () => {
    const square = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [108.974, 12.281],
          [108.975, 12.281],
          [108.975, 12.282],
          [108.974, 12.281],
        ],
      ],
    };
    // select encode(ST_AsEWKB(ST_SetSRID(ST_GeomFromGeoJSON('…'), 4326), 'NDR'), 'hex') on PostGIS 3.3
    expect(polygonEwkbHex(square)).toBe(
      '0103000020e6100000010000000400000075931804563e5b401d5a643bdf8f284066666666663e5b401d5a643bdf8f2840' +
        '66666666663e5b40aaf1d24d6290284075931804563e5b401d5a643bdf8f2840',
    );
  });

  test('holes: one count per ring, the rings in order', () => {
    const ring = (size: number) => [
      [0, 0],
      [size, 0],
      [size, size],
      [0, 0],
    ];
    const hex = polygonEwkbHex({ type: 'Polygon', coordinates: [ring(10), ring(1)] });
    expect(hex.length).toBe((1 + 4 + 4 + 4 + 2 * (4 + 4 * 16)) * 2);
    expect(hex.slice(18, 26)).toBe('02000000'); // after the byte order, type and SRID
  });
});
