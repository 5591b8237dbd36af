import { describe, expect, test } from 'vitest';
import {
  bufferedBox,
  type MercatorPolygon,
  mercatorPolygonsFromWkb,
  mercatorX,
  mercatorY,
  pointInTile,
  polygonsInTile,
  type TileRing,
  tileFrame,
} from './tile-geometry.ts';

/** z1 tile 0/0: the north-west quarter of the world; one tile unit is 20037508.34 / 4096 m. */
const frame = tileFrame(1, 0, 0, 4096, 64);
const unit = 1 / frame.scale;

/** A ring given in tile units, as Mercator metres. */
const ring = (...points: [number, number][]): Float64Array =>
  Float64Array.from(points.flatMap(([x, y]) => [frame.west + x * unit, frame.north - y * unit]));
const square = (x0: number, y0: number, x1: number, y1: number) =>
  ring([x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]);

/** A ring's points, and no ring. */
const points = (r: TileRing): [number, number][] => r;
const none: TileRing = [];
const area = (r: TileRing) => {
  const p = points(r);
  let sum = 0;
  for (let i = 0; i + 1 < p.length; i++) {
    sum += (p[i]?.[0] ?? 0) * (p[i + 1]?.[1] ?? 0) - (p[i + 1]?.[0] ?? 0) * (p[i]?.[1] ?? 0);
  }
  return sum / 2;
};

describe('tile geometry', () => {
  test('projects lon/lat as EPSG:3857 does', () => {
    expect(mercatorX(180)).toBeCloseTo(20037508.342789244, 6);
    expect(mercatorY(0)).toBe(0);
    // ST_Transform(ST_SetSRID(ST_MakePoint(108.975, 12.282), 4326), 3857) on PostGIS 3.3
    expect(mercatorX(108.975)).toBeCloseTo(12131041.509196987, 5);
    expect(mercatorY(12.282)).toBeCloseTo(1377818.7519171047, 5);
  });

  test('frames a tile as ST_TileEnvelope does, and its buffer', () => {
    expect(frame.west).toBeCloseTo(-20037508.342789244, 6);
    expect(frame.north).toBeCloseTo(20037508.342789244, 6);
    expect(frame.east).toBeCloseTo(0, 6);
    expect(frame.south).toBeCloseTo(0, 6);
    const [west, , east] = bufferedBox(frame);
    expect((east - west) * frame.scale).toBeCloseTo(4096 + 128, 6);
  });

  test('maps a polygon inside the tile to integer units, exterior positive, hole negative', () => {
    const polygon: MercatorPolygon = [square(100.2, 100.4, 300.6, 200.5), square(150, 120, 180, 150)];
    const rings = polygonsInTile([polygon], frame);
    expect(rings).toHaveLength(2);
    const [outer = none, hole = none] = rings ?? [];
    expect(area(outer)).toBeGreaterThan(0);
    expect(area(hole)).toBeLessThan(0);
    const corners = points(outer);
    expect(corners[0]).toEqual(corners[corners.length - 1]);
    expect(new Set(corners.map(String))).toEqual(new Set(['100,100', '301,100', '301,201', '100,201']));
  });

  test('winds a ring given the other way round', () => {
    const reversed = square(10, 10, 50, 50).slice();
    const points = Array.from({ length: reversed.length / 2 }, (_, i) => [
      reversed[2 * i],
      reversed[2 * i + 1],
    ]);
    const backwards = Float64Array.from(points.reverse().flat() as number[]);
    const [outer = none] = polygonsInTile([[backwards]], frame) ?? [];
    expect(area(outer)).toBeGreaterThan(0);
  });

  test('clips to the tile and its 64-unit buffer', () => {
    const [outer = none] = polygonsInTile([[square(-500, 1000, 5000, 2000)]], frame) ?? [];
    const xs = points(outer).map(([x]) => x);
    expect(Math.min(...xs)).toBe(-64);
    expect(Math.max(...xs)).toBe(4096 + 64);
    expect(area(outer)).toBe((4096 + 128) * 1000);
  });

  test('clips across a corner of the buffered tile, and keeps the ring closed', () => {
    const [outer = none] = polygonsInTile([[square(-1000, -1000, 100, 200)]], frame) ?? [];
    const corners = points(outer);
    expect(corners[0]).toEqual(corners[corners.length - 1]);
    expect(new Set(corners.map(String))).toEqual(new Set(['-64,-64', '100,-64', '100,200', '-64,200']));
    expect(area(outer)).toBe((100 + 64) * (200 + 64));
  });

  test('drops a hole wholly outside the buffer, keeps its exterior', () => {
    const rings = polygonsInTile([[square(0, 0, 5000, 100), square(4500, 10, 4600, 90)]], frame);
    expect(rings).toHaveLength(1);
  });

  test('a tile inside a large polygon is the whole buffered square', () => {
    const [outer = none] = polygonsInTile([[square(-9000, -9000, 9000, 9000)]], frame) ?? [];
    expect(area(outer)).toBe((4096 + 128) ** 2);
  });

  test('leaves out what lies outside the buffer, and what snaps to nothing', () => {
    expect(polygonsInTile([[square(5000, 5000, 6000, 6000)]], frame)).toBeNull();
    expect(polygonsInTile([[square(10.1, 10.1, 10.3, 10.3)]], frame)).toBeNull();
    // A polygon of a multipolygon that is out leaves the others.
    const rings = polygonsInTile([[square(5000, 5000, 6000, 6000)], [square(0, 0, 10, 10)]], frame);
    expect(rings).toHaveLength(1);
  });

  test('drops vertices closer than half a unit to the outline, keeps the corners', () => {
    const wobbly = ring([0, 0], [100, 0.2], [200, 0], [200, 100], [0, 100], [0, 0]);
    const [outer = none] = polygonsInTile([[wobbly]], frame) ?? [];
    expect(points(outer)).toHaveLength(5);
    const bent = ring([0, 0], [100, 3], [200, 0], [200, 100], [0, 100], [0, 0]);
    expect(points((polygonsInTile([[bent]], frame) ?? [])[0] ?? none)).toHaveLength(6);
  });

  test('simplifies with a tolerance of half a unit', () => {
    const nearly = ring([0, 0], [100, 0.4], [200, 0], [200, 100], [0, 100], [0, 0]);
    expect(points((polygonsInTile([[nearly]], frame) ?? [])[0] ?? none)).toHaveLength(5);
    const past = ring([0, 0], [100, 0.6], [200, 0], [200, 100], [0, 100], [0, 0]);
    expect(points((polygonsInTile([[past]], frame) ?? [])[0] ?? none)).toHaveLength(6);
  });

  test('drops a sliver that simplification collapses, and with it its holes', () => {
    const sliver = ring([0, 0], [100, 0.2], [200, 0.1], [100, 0.3], [0, 0]);
    expect(polygonsInTile([[sliver]], frame)).toBeNull();
    expect(polygonsInTile([[sliver, square(10, 10, 20, 20)]], frame)).toBeNull();
  });

  test('puts a label point in exactly one tile: west and north edges in, east and south out', () => {
    expect(pointInTile(frame.west, frame.north, frame)).toEqual([0, 0]);
    expect(pointInTile(frame.east, frame.north - unit, frame)).toBeNull();
    expect(pointInTile(frame.west + unit, frame.south, frame)).toBeNull();
    expect(pointInTile(frame.west + 10.4 * unit, frame.north - 20.6 * unit, frame)).toEqual([10, 21]);
    const east = tileFrame(1, 1, 0, 4096, 64);
    expect(pointInTile(frame.east, frame.north - unit, east)).toEqual([0, 1]);
  });
});

describe('reading WKB', () => {
  test('a polygon, little-endian, as ST_AsBinary gives it', () => {
    const hex =
      '010300000001000000040000000000000000005b400000000000002840f2d24d6210005b400000000000002840f2d24d6210005b408d976e12830028400000000000005b400000000000002840';
    const [polygon] = mercatorPolygonsFromWkb(hex);
    expect(polygon).toHaveLength(1);
    const ring = polygon?.[0] ?? new Float64Array();
    expect(ring).toHaveLength(8);
    expect(ring[0]).toBeCloseTo(mercatorX(108), 6);
    expect(ring[1]).toBeCloseTo(mercatorY(12), 6);
    expect(ring[5]).toBeCloseTo(mercatorY(12.001), 6);
  });

  test('a multipolygon with a hole, big-endian', () => {
    const hex =
      '00000000060000000200000000030000000100000004000000000000000000000000000000003ff000000000000000000000000000003ff00000000000003ff000000000000000000000000000000000000000000000000000000300000002000000044000000000000000400000000000000040080000000000004000000000000000400800000000000040080000000000004000000000000000400000000000000000000004400199999999999a400199999999999a4002666666666666400199999999999a40026666666666664002666666666666400199999999999a400199999999999a';
    const polygons = mercatorPolygonsFromWkb(hex);
    expect(polygons.map((polygon) => polygon.length)).toEqual([1, 2]);
    expect(polygons[1]?.[1]?.[0]).toBeCloseTo(mercatorX(2.2), 6);
  });

  test('anything but a polygon gives none', () => {
    expect(mercatorPolygonsFromWkb('0101000000000000000000f03f0000000000000040')).toEqual([]);
    expect(mercatorPolygonsFromWkb('')).toEqual([]);
  });
});
