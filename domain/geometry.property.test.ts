import fc from 'fast-check';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, test } from 'vitest';
import { measureArea } from './area.ts';
import {
  type BoundaryCheck,
  boundaryFindingText,
  checkBoundary,
  checkPlotBoundary,
  type NeighbourCluster,
} from './boundary-check.ts';

/** WGS84 radii of curvature at a latitude: metres per radian north (M) and east along the parallel (N cos φ). */
function metresPerRadian(latitudeDegrees: number) {
  const a = 6_378_137;
  const e2 = 0.006_694_379_990_14;
  const phi = (latitudeDegrees * Math.PI) / 180;
  const w = Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
  return { north: (a * (1 - e2)) / w ** 3, east: (a / w) * Math.cos(phi) };
}

type Centre = { lon: number; lat: number };
/** Metres east and north of a centre, as longitude and latitude (tangent plane; exact enough within 5 km). */
function toLonLat(centre: Centre, [east, north]: readonly [number, number]): [number, number] {
  const scale = metresPerRadian(centre.lat);
  return [
    centre.lon + ((east / scale.east) * 180) / Math.PI,
    centre.lat + ((north / scale.north) * 180) / Math.PI,
  ];
}

/** Shoelace area in m² of a ring of metre offsets (open), unsigned. */
function planarSquareMetres(points: ReadonlyArray<readonly [number, number]>): number {
  let twice = 0;
  points.forEach(([x1, y1], index) => {
    const [x2, y2] = points[(index + 1) % points.length] ?? [0, 0];
    twice += x1 * y2 - x2 * y1;
  });
  return Math.abs(twice) / 2;
}

/** The offsets scaled by s about their mean, a point inside a convex polygon: inside it for s < 1. */
function shrink(offsets: ReadonlyArray<readonly [number, number]>, s: number, eastShift = 0) {
  const [meanEast, meanNorth] = offsets
    .reduce(([e, n], [east, north]) => [e + east, n + north], [0, 0])
    .map((sum) => sum / offsets.length) as [number, number];
  return offsets.map(
    ([east, north]) =>
      [meanEast + (east - meanEast) * s + eastShift, meanNorth + (north - meanNorth) * s] as const,
  );
}

const close = <P extends Position>(ring: readonly P[]): P[] => [...ring, ring[0] as P];
const polygon = <P extends Position>(...rings: ReadonlyArray<readonly P[]>) => ({
  type: 'Polygon' as const,
  coordinates: rings.map(close),
});

/** A point in Viet Nam's extent, far enough from its edges for a shape 15 km east of it to be inside too. */
const centre: fc.Arbitrary<Centre> = fc.record({
  lon: fc.double({ min: 101.1, max: 118.3, noNaN: true }),
  lat: fc.double({ min: 5.6, max: 23.9, noNaN: true }),
});

/** n angles around a circle, in order, no two closer than a fifth of an even share. */
const angles = (n: number) =>
  fc
    .tuple(
      fc.array(fc.double({ min: 0.2, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
      fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
    )
    .map(([weights, start]) => {
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      let angle = start;
      return weights.map((weight) => {
        const at = angle;
        angle += (weight / total) * 2 * Math.PI;
        return at;
      });
    });

/** A convex polygon: 3–24 points on a circle of radius 50 m–5 km, in metres from its centre. */
const convexOffsets = fc
  .tuple(fc.integer({ min: 3, max: 24 }), fc.double({ min: 50, max: 5000, noNaN: true }))
  .chain(([n, radius]) =>
    angles(n).map((list) =>
      list.map((angle) => [radius * Math.cos(angle), radius * Math.sin(angle)] as const),
    ),
  );

const convex = fc.record({
  centre,
  offsets: convexOffsets,
  meridianOffset: fc.double({ min: -1.5, max: 1.5, noNaN: true }),
});

const noNeighbours = (meridian: number | null) => ({
  cluster: { id: 'drawn', figures: {} },
  centralMeridianDegrees: meridian,
  neighbours: [] as NeighbourCluster[],
});
const errors = (check: BoundaryCheck) => check.findings.filter((finding) => finding.severity === 'error');
const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('valid convex polygons', () => {
  test('are accepted, and measure positive, within 0.5% of the planar area, on the ellipsoid and in VN-2000', () => {
    fc.assert(
      fc.property(convex, ({ centre: at, offsets, meridianOffset }) => {
        const shape = polygon(offsets.map((offset) => toLonLat(at, offset)));
        const meridian = at.lon + meridianOffset;
        const planarHa = planarSquareMetres(offsets) / 10_000;
        const check = checkBoundary(shape, noNeighbours(meridian));
        expect(check.findings).toEqual([]);
        expect(check.acceptable).toBe(true);
        expect(check.measure).toBe('vn2000-plane');
        const measures = measureArea(shape, { centralMeridianDegrees: meridian });
        expect(measures.geodesicHectares).toBeGreaterThan(0);
        expect(relative(measures.geodesicHectares, planarHa)).toBeLessThan(0.005);
        expect(relative(measures.vn2000PlaneHectares ?? Number.NaN, planarHa)).toBeLessThan(0.005);
        // Turf's sphere reads a few tenths of a percent high: within 1%.
        expect(relative(measures.sphericalHectares, planarHa)).toBeLessThan(0.01);
        expect(check.measuredHa).toBe(measures.vn2000PlaneHectares);
      }),
    );
  });

  test('measure the same whichever vertex the ring starts at, and either way round', () => {
    fc.assert(
      fc.property(
        convex,
        fc.nat(),
        fc.boolean(),
        ({ centre: at, offsets, meridianOffset }, shift, reverse) => {
          const ring = offsets.map((offset) => toLonLat(at, offset));
          const k = shift % ring.length;
          const rotated = [...ring.slice(k), ...ring.slice(0, k)];
          const moved = polygon(reverse ? rotated.reverse() : rotated);
          const options = { centralMeridianDegrees: at.lon + meridianOffset };
          const before = measureArea(polygon(ring), options);
          const after = measureArea(moved, options);
          expect(relative(after.geodesicHectares, before.geodesicHectares)).toBeLessThan(1e-9);
          expect(relative(after.vn2000PlaneHectares ?? 0, before.vn2000PlaneHectares ?? 0)).toBeLessThan(
            1e-9,
          );
          expect(relative(after.sphericalHectares, before.sphericalHectares)).toBeLessThan(1e-9);
          // A clockwise ring is as acceptable as a counter-clockwise one.
          expect(checkBoundary(moved, noNeighbours(options.centralMeridianDegrees)).acceptable).toBe(true);
        },
      ),
    );
  });

  test('an unclosed ring measures as its closed self, on all three measures', () => {
    fc.assert(
      fc.property(convex, ({ centre: at, offsets }) => {
        const ring = offsets.map((offset) => toLonLat(at, offset));
        const open: Polygon = { type: 'Polygon', coordinates: [ring] };
        const options = { centralMeridianDegrees: at.lon };
        const closed = measureArea(polygon(ring), options);
        const unclosed = measureArea(open, options);
        expect(relative(unclosed.sphericalHectares, closed.sphericalHectares)).toBeLessThan(1e-9);
        expect(relative(unclosed.geodesicHectares, closed.geodesicHectares)).toBeLessThan(1e-9);
        expect(relative(unclosed.vn2000PlaneHectares ?? 0, closed.vn2000PlaneHectares ?? 0)).toBeLessThan(
          1e-9,
        );
        // …but as a boundary it is refused: RFC 7946 rings are closed.
        const check = checkBoundary(open, noNeighbours(options.centralMeridianDegrees));
        expect(check.acceptable).toBe(false);
        expect(check.findings.map((finding) => finding.kind)).toContain('malformed-ring');
      }),
    );
  });

  test('a hole inside is subtracted and accepted; a hole outside the shell is refused', () => {
    fc.assert(
      fc.property(
        convex,
        fc.double({ min: 0.1, max: 0.8, noNaN: true }),
        ({ centre: at, offsets }, scale) => {
          const outer = offsets.map((offset) => toLonLat(at, offset));
          const hole = shrink(offsets, scale)
            .map((offset) => toLonLat(at, offset))
            .reverse();
          const options = { centralMeridianDegrees: at.lon };
          const whole = measureArea(polygon(outer), options).geodesicHectares;
          const cut = measureArea(polygon(hole), options).geodesicHectares;
          const withHole = polygon(outer, hole);
          expect(relative(measureArea(withHole, options).geodesicHectares, whole - cut)).toBeLessThan(1e-9);
          expect(checkBoundary(withHole, noNeighbours(options.centralMeridianDegrees)).findings).toEqual([]);

          const radius = Math.max(...offsets.map(([east, north]) => Math.hypot(east, north)));
          const away = shrink(offsets, scale, 3 * radius).map((offset) => toLonLat(at, offset));
          const check = checkBoundary(polygon(outer, away), noNeighbours(options.centralMeridianDegrees));
          expect(check.acceptable).toBe(false);
          expect(check.findings).toContainEqual({
            kind: 'malformed-ring',
            severity: 'error',
            problem: 'hole-outside-shell',
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  test('two disjoint parts measure the sum of their areas', () => {
    fc.assert(
      fc.property(convex, convexOffsets, ({ centre: at, offsets }, other) => {
        const first = offsets.map((offset) => toLonLat(at, offset));
        const second = other.map(([east, north]) => toLonLat(at, [east + 11_000, north]));
        const both: MultiPolygon = { type: 'MultiPolygon', coordinates: [[close(first)], [close(second)]] };
        const options = { centralMeridianDegrees: at.lon };
        const sum =
          measureArea(polygon(first), options).geodesicHectares +
          measureArea(polygon(second), options).geodesicHectares;
        expect(relative(measureArea(both, options).geodesicHectares, sum)).toBeLessThan(1e-9);
      }),
      { numRuns: 50 },
    );
  });
});

describe('invalid shapes', () => {
  test('a bow-tie is always flagged as crossing itself, and refused', () => {
    const bowTie = fc.record({
      centre,
      radius: fc.double({ min: 50, max: 5000, noNaN: true }),
      angles: angles(4),
    });
    fc.assert(
      fc.property(bowTie, ({ centre: at, radius, angles: [a = 0, b = 0, c = 0, d = 0] }) => {
        const point = (angle: number) => toLonLat(at, [radius * Math.cos(angle), radius * Math.sin(angle)]);
        // Corners 1, 3, 2, 4 of a convex quadrilateral: the first and third edges are its diagonals.
        const shape = polygon([point(a), point(c), point(b), point(d)]);
        for (const check of [
          checkBoundary(shape, noNeighbours(at.lon)),
          checkPlotBoundary(shape, {
            plotId: 'p',
            cluster: { geometry: shape, illustrative: false },
            centralMeridianDegrees: at.lon,
            neighbours: [],
          }),
        ]) {
          expect(check.acceptable).toBe(false);
          expect(check.findings.map((finding) => finding.kind)).toContain('self-intersection');
        }
      }),
    );
  });

  test('shapes that enclose nothing (one point repeated, a spike, points along a meridian) are refused as empty', () => {
    const degenerate = fc
      .tuple(
        centre,
        fc.double({ min: 1, max: 5000, noNaN: true }),
        fc.double({ min: 1, max: 5000, noNaN: true }),
      )
      .chain(([at, d1, d2]) =>
        fc.constantFrom(
          [toLonLat(at, [0, 0]), toLonLat(at, [0, 0]), toLonLat(at, [0, 0])],
          [toLonLat(at, [0, 0]), toLonLat(at, [d1, d2]), toLonLat(at, [0, 0])],
          [toLonLat(at, [0, 0]), toLonLat(at, [0, d1]), toLonLat(at, [0, d1 + d2])],
        ),
      );
    fc.assert(
      fc.property(degenerate, fc.boolean(), (ring, withMeridian) => {
        const check = checkBoundary(polygon(ring), noNeighbours(withMeridian ? 105 : null));
        expect(check.acceptable).toBe(false);
        expect(check.findings.map((finding) => finding.kind)).toContain('empty-area');
      }),
    );
  });
});

describe('arbitrary coordinates', () => {
  const coordinate = fc.oneof(
    fc.double(),
    fc.double({ min: 101, max: 118.5, noNaN: true }),
    fc.double({ min: 5.5, max: 24, noNaN: true }),
    fc.constantFrom(
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      1e308,
      -1e308,
      5e-324,
      0,
      -0,
    ),
  );
  const nearby = fc
    .tuple(fc.double({ min: 106, max: 106.1, noNaN: true }), fc.double({ min: 10.7, max: 10.8, noNaN: true }))
    .map(([x, y]): Position => [x, y]);
  const position: fc.Arbitrary<Position> = fc.oneof(
    { weight: 4, arbitrary: nearby },
    { weight: 2, arbitrary: fc.tuple(coordinate, coordinate).map(([x, y]): Position => [x, y]) },
    { weight: 1, arbitrary: fc.array(coordinate, { maxLength: 3 }) },
  );
  const ring = fc
    .tuple(fc.array(position, { maxLength: 7 }), fc.boolean(), fc.boolean())
    .map(([points, closed, repeat]) => {
      const withRepeat = repeat && points[0] ? [points[0], ...points] : points;
      return closed && withRepeat[0] ? [...withRepeat, withRepeat[0]] : withRepeat;
    });
  const rings = fc.array(ring, { maxLength: 3 });
  const geometry: fc.Arbitrary<Polygon | MultiPolygon> = fc.oneof(
    rings.map((coordinates): Polygon => ({ type: 'Polygon', coordinates })),
    fc
      .array(rings, { maxLength: 3 })
      .map((coordinates): MultiPolygon => ({ type: 'MultiPolygon', coordinates })),
  );
  const square = polygon<[number, number]>([
    [106.02, 10.72],
    [106.08, 10.72],
    [106.08, 10.78],
    [106.02, 10.78],
  ]);

  /** Malformed beyond repair: no check may accept it. */
  const malformed = (shape: Polygon | MultiPolygon) => {
    const polygons = shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates;
    return polygons.some((rings) =>
      rings.some((ring) => {
        const [first, last] = [ring[0], ring.at(-1)];
        return (
          ring.length < 4 ||
          first?.[0] !== last?.[0] ||
          first?.[1] !== last?.[1] ||
          ring.some((point) => point.length < 2 || !point.every((value) => Number.isFinite(value)))
        );
      }),
    );
  };

  const expectSound = (check: BoundaryCheck, shape: Polygon | MultiPolygon) => {
    expect(check.acceptable).toBe(errors(check).length === 0);
    expect(Number.isFinite(check.measuredHa)).toBe(true);
    if (malformed(shape)) expect(check.acceptable).toBe(false);
    if (check.acceptable) expect(check.measuredHa).toBeGreaterThanOrEqual(0.0001);
    for (const finding of check.findings) {
      const text = boundaryFindingText(finding);
      expect(text.vi.length * text.en.length).toBeGreaterThan(0);
    }
    // The 422 body carries the check as JSON (the server only sees finite coordinates): nothing in
    // it may turn into null on the way, as NaN or an infinite area would.
    const finite = (shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates)
      .flat(2)
      .every((point) => point.every((value) => Number.isFinite(value)));
    if (finite) expect(JSON.stringify(check)).not.toMatch(/\bnull\b/);
  };

  test('checkBoundary never throws: any shape gets a verdict, malformed ones a refusal', () => {
    fc.assert(
      fc.property(geometry, fc.option(fc.constant(106.0), { nil: null }), (shape, meridian) => {
        const check = checkBoundary(shape, {
          cluster: {
            id: 'drawn',
            figures: {
              plannedAreaHa: { value: 30, unit: 'ha', approximate: false, sourceId: 's', asOf: null },
            },
          },
          centralMeridianDegrees: meridian,
          neighbours: [
            {
              properties: {
                id: 'n',
                name: { vi: 'N', en: 'N' },
                geometrySource: 'survey',
                stage: 'operating',
              },
              geometry: square,
            },
          ],
        });
        expectSound(check, shape);
      }),
      { numRuns: 300 },
    );
  });

  test('checkPlotBoundary never throws either', () => {
    fc.assert(
      fc.property(geometry, (shape) => {
        const check = checkPlotBoundary(shape, {
          plotId: 'p',
          cluster: { geometry: square, illustrative: false },
          centralMeridianDegrees: 106.0,
          neighbours: [{ id: 'q', label: 'Q', origin: 'import', geometry: square }],
        });
        expectSound(check, shape);
      }),
      { numRuns: 300 },
    );
  });
});

describe('overlaps', () => {
  const pair = fc.record({ shape: convex, source: fc.constantFrom('survey', 'illustrative' as const) });

  test('a boundary over a neighbour overlaps it by its own area; one moved clear of it does not', () => {
    fc.assert(
      fc.property(pair, ({ shape: { centre: at, offsets }, source }) => {
        const radius = Math.max(...offsets.map(([east, north]) => Math.hypot(east, north)));
        const drawn = polygon(offsets.map((offset) => toLonLat(at, offset)));
        const clear = polygon(offsets.map(([east, north]) => toLonLat(at, [east + 3 * radius, north])));
        const neighbour = (geometry: NeighbourCluster['geometry']): NeighbourCluster => ({
          properties: { id: 'n', name: { vi: 'N', en: 'N' }, geometrySource: source, stage: 'operating' },
          geometry,
        });
        const context = (geometry: NeighbourCluster['geometry']) => ({
          cluster: { id: 'drawn', figures: {} },
          centralMeridianDegrees: null,
          neighbours: [neighbour(geometry)],
        });
        const over = checkBoundary(drawn, context(drawn));
        const overlap = over.findings.find((finding) => finding.kind === 'overlap');
        expect(overlap?.severity).toBe(source === 'survey' ? 'error' : 'warning');
        expect(overlap?.kind === 'overlap' && relative(overlap.overlapHa, over.measuredHa)).toBeLessThan(
          0.001,
        );
        expect(over.acceptable).toBe(source !== 'survey');
        expect(checkBoundary(drawn, context(clear)).findings).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  test('a plot inside its cluster has no land outside it; one moved clear has all of it outside', () => {
    fc.assert(
      fc.property(
        convex,
        fc.double({ min: 0.2, max: 0.6, noNaN: true }),
        ({ centre: at, offsets }, scale) => {
          const radius = Math.max(...offsets.map(([east, north]) => Math.hypot(east, north)));
          const cluster = polygon(offsets.map((offset) => toLonLat(at, offset)));
          const inside = polygon(shrink(offsets, scale).map((offset) => toLonLat(at, offset)));
          const outside = polygon(shrink(offsets, scale, 3 * radius).map((offset) => toLonLat(at, offset)));
          const context = {
            plotId: 'p',
            cluster: { geometry: cluster, illustrative: false },
            centralMeridianDegrees: null,
            neighbours: [],
          };
          expect(checkPlotBoundary(inside, context).findings).toEqual([]);
          const away = checkPlotBoundary(outside, context);
          const finding = away.findings.find((item) => item.kind === 'outside-cluster');
          expect(
            finding?.kind === 'outside-cluster' && relative(finding.outsideHa, away.measuredHa),
          ).toBeLessThan(0.001);
          expect(away.acceptable).toBe(false);
        },
      ),
      { numRuns: 40 },
    );
  });
});
