import type { Polygon, Position } from 'geojson';
import { describe, expect, test } from 'vitest';
import { measureArea } from './area.ts';
import {
  type BoundaryFinding,
  boundaryFindingText,
  checkBoundary,
  checkPlotBoundary,
  MAX_BOUNDARY_VERTICES,
  type NeighbourCluster,
} from './boundary-check.ts';

// Near Diên Khánh (Khánh Hòa, central meridian 108°15′): metres to degrees, closely enough for fixtures.
const ORIGIN = [109.1, 12.25] as const;
const METRES_PER_DEGREE_LAT = 110_600;
const METRES_PER_DEGREE_LON = 111_320 * Math.cos((ORIGIN[1] * Math.PI) / 180);
const at = (east: number, north: number): [number, number] => [
  ORIGIN[0] + east / METRES_PER_DEGREE_LON,
  ORIGIN[1] + north / METRES_PER_DEGREE_LAT,
];
/** A closed counter-clockwise rectangle, corners in metres from the origin. */
const rectangle = (west: number, south: number, east: number, north: number) => ({
  type: 'Polygon' as const,
  coordinates: [[at(west, south), at(east, south), at(east, north), at(west, north), at(west, south)]],
});
const KHANH_HOA_MERIDIAN = 108.25;

const cluster = (figures: Record<string, { value: number }> = {}) => ({
  id: 'cum-ve',
  figures: Object.fromEntries(
    Object.entries(figures).map(([key, { value }]) => [
      key,
      { value, unit: 'ha' as const, approximate: false, sourceId: 's', asOf: null },
    ]),
  ),
});
const neighbour = (
  id: string,
  geometry: NeighbourCluster['geometry'],
  geometrySource: 'survey' | 'illustrative' = 'survey',
  stage: NeighbourCluster['properties']['stage'] = 'operating',
): NeighbourCluster => ({
  properties: { id, name: { vi: `CCN ${id}`, en: `${id} cluster` }, geometrySource, stage },
  geometry,
});

describe('checkBoundary', () => {
  test('a clean 500 m square measures 25 ha in the VN-2000 plane and is acceptable', () => {
    const check = checkBoundary(rectangle(0, 0, 500, 500), {
      cluster: cluster(),
      centralMeridianDegrees: KHANH_HOA_MERIDIAN,
      neighbours: [],
    });
    expect(check.findings).toEqual([]);
    expect(check.acceptable).toBe(true);
    expect(check.measure).toBe('vn2000-plane');
    expect(check.measuredHa).toBeCloseTo(25, 0);
  });

  test('without the province meridian the area is measured on the ellipsoid', () => {
    const square = rectangle(0, 0, 500, 500);
    const check = checkBoundary(square, { cluster: cluster(), centralMeridianDegrees: null, neighbours: [] });
    expect(check.measure).toBe('ellipsoid');
    expect(check.measuredHa).toBe(measureArea(square, { centralMeridianDegrees: null }).geodesicHectares);
  });

  test('a bow-tie is refused, with where its edges cross', () => {
    const bowTie: Polygon = {
      type: 'Polygon',
      coordinates: [[at(0, 0), at(500, 500), at(500, 0), at(0, 500), at(0, 0)]],
    };
    const check = checkBoundary(bowTie, {
      cluster: cluster(),
      centralMeridianDegrees: KHANH_HOA_MERIDIAN,
      neighbours: [],
    });
    expect(check.acceptable).toBe(false);
    const crossing = check.findings.find((finding) => finding.kind === 'self-intersection');
    expect(crossing?.kind === 'self-intersection' && crossing.at).toHaveLength(1);
    const [x = 0, y = 0] = (crossing?.kind === 'self-intersection' && crossing.at[0]) || [];
    const [cx = 0, cy = 0] = at(250, 250);
    expect(Math.abs(x - cx)).toBeLessThan(1e-6);
    expect(Math.abs(y - cy)).toBeLessThan(1e-6);
  });

  test('overlapping a real boundary is an error naming the cluster and the shared hectares', () => {
    const check = checkBoundary(rectangle(0, 0, 500, 500), {
      cluster: cluster(),
      centralMeridianDegrees: KHANH_HOA_MERIDIAN,
      neighbours: [neighbour('ben-canh', rectangle(400, 0, 900, 500))],
    });
    expect(check.acceptable).toBe(false);
    const [overlap] = check.findings;
    expect(overlap).toMatchObject({ kind: 'overlap', severity: 'error', clusterId: 'ben-canh' });
    // 100 m × 500 m = 5 ha.
    expect(overlap?.kind === 'overlap' && overlap.overlapHa).toBeCloseTo(5, 1);
    expect(boundaryFindingText(overlap as BoundaryFinding).vi).toContain('CCN ben-canh');
  });

  test('overlapping an illustrative shape or a removed cluster is only a warning', () => {
    const check = checkBoundary(rectangle(0, 0, 500, 500), {
      cluster: cluster(),
      centralMeridianDegrees: KHANH_HOA_MERIDIAN,
      neighbours: [
        neighbour('minh-hoa', rectangle(100, 100, 200, 200), 'illustrative'),
        neighbour('da-bo', rectangle(300, 300, 600, 600), 'survey', 'removed'),
      ],
    });
    expect(check.acceptable).toBe(true);
    expect(check.findings.map((finding) => [finding.kind, finding.severity])).toEqual([
      ['overlap', 'warning'],
      ['overlap', 'warning'],
    ]);
  });

  test('a neighbour sharing only an edge, one far away, and the cluster itself do not count', () => {
    const check = checkBoundary(rectangle(0, 0, 500, 500), {
      cluster: cluster(),
      centralMeridianDegrees: KHANH_HOA_MERIDIAN,
      neighbours: [
        neighbour('sat-ben', rectangle(500, 0, 900, 500)),
        neighbour('xa', rectangle(5000, 5000, 5500, 5500)),
        neighbour('cum-ve', rectangle(0, 0, 500, 500)),
      ],
    });
    expect(check.findings).toEqual([]);
  });

  test('an area more than 10% from the declared one is a warning, with the signed difference', () => {
    const check = checkBoundary(rectangle(0, 0, 500, 500), {
      cluster: cluster({ plannedAreaHa: { value: 30 }, establishedAreaHa: { value: 26 } }),
      centralMeridianDegrees: KHANH_HOA_MERIDIAN,
      neighbours: [],
    });
    expect(check.acceptable).toBe(true);
    expect(check.findings).toHaveLength(1);
    const [difference] = check.findings;
    expect(difference).toMatchObject({ kind: 'area-difference', key: 'plannedAreaHa', declaredHa: 30 });
    expect(difference?.kind === 'area-difference' && difference.differencePercent).toBeCloseTo(-16.7, 0);
    expect(boundaryFindingText(difference as BoundaryFinding).vi).toMatch(
      /lệch -16,\d% so với diện tích quy hoạch 30 ha/,
    );
  });

  test('a vertex outside Viet Nam is refused, and overlaps are not computed for it', () => {
    const elsewhere: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [2.35, 48.85],
          [2.36, 48.85],
          [2.36, 48.86],
          [2.35, 48.85],
        ],
      ],
    };
    const check = checkBoundary(elsewhere, {
      cluster: cluster(),
      centralMeridianDegrees: null,
      neighbours: [],
    });
    expect(check.findings.map((finding) => finding.kind)).toEqual(['outside-viet-nam']);
    expect(check.acceptable).toBe(false);
  });

  test('too many vertices is refused before any work on them', () => {
    const ring: Position[] = Array.from({ length: MAX_BOUNDARY_VERTICES + 1 }, (_, index) => {
      const angle = (2 * Math.PI * index) / (MAX_BOUNDARY_VERTICES + 1);
      return at(250 * Math.cos(angle), 250 * Math.sin(angle));
    });
    ring.push(ring[0] ?? []);
    const check = checkBoundary(
      { type: 'Polygon', coordinates: [ring] },
      {
        cluster: cluster(),
        centralMeridianDegrees: KHANH_HOA_MERIDIAN,
        neighbours: [],
      },
    );
    expect(check.findings).toEqual([
      { kind: 'too-many-vertices', severity: 'error', vertices: MAX_BOUNDARY_VERTICES + 2 },
    ]);
  });

  test('every finding reads in both languages', () => {
    const check = checkBoundary(
      { type: 'Polygon', coordinates: [[at(0, 0), at(500, 500), at(500, 0), at(0, 500), at(0, 0)]] },
      {
        cluster: cluster({ plannedAreaHa: { value: 1 } }),
        centralMeridianDegrees: KHANH_HOA_MERIDIAN,
        neighbours: [],
      },
    );
    for (const finding of check.findings) {
      const text = boundaryFindingText(finding);
      expect(text.vi.length).toBeGreaterThan(10);
      expect(text.en.length).toBeGreaterThan(10);
      expect(text.vi).not.toBe(text.en);
    }
  });
});

describe('checkPlotBoundary', () => {
  const clusterShape = rectangle(0, 0, 500, 500);
  const plot = (id: string, origin: 'import' | 'generated', shape: ReturnType<typeof rectangle>) => ({
    id,
    label: id.toUpperCase(),
    origin,
    geometry: shape,
  });
  const context = (illustrative: boolean, neighbours: ReturnType<typeof plot>[] = []) => ({
    plotId: 'lo-a',
    cluster: { geometry: clusterShape, illustrative },
    centralMeridianDegrees: KHANH_HOA_MERIDIAN,
    neighbours,
  });

  test('a plot inside its cluster, beside the others, is clean', () => {
    const check = checkPlotBoundary(
      rectangle(0, 0, 100, 100),
      context(false, [plot('lo-b', 'import', rectangle(100, 0, 200, 100))]),
    );
    expect(check.findings).toEqual([]);
    expect(check.measuredHa).toBeCloseTo(1, 1);
  });

  test('over a recorded plot it is an error; over a demonstration plot a warning', () => {
    const check = checkPlotBoundary(
      rectangle(0, 0, 100, 100),
      context(false, [
        plot('lo-b', 'import', rectangle(50, 0, 150, 100)),
        plot('lo-c', 'generated', rectangle(0, 50, 100, 150)),
      ]),
    );
    expect(check.findings.map((finding) => [finding.kind, finding.severity])).toEqual([
      ['plot-overlap', 'error'],
      ['plot-overlap', 'warning'],
    ]);
    expect(boundaryFindingText(check.findings[0] as BoundaryFinding).vi).toContain('lô LO-B');
    expect(check.acceptable).toBe(false);
  });

  test('land outside a real cluster boundary is an error; outside an illustrative shape a warning', () => {
    const straddling = rectangle(450, 0, 550, 100);
    const real = checkPlotBoundary(straddling, context(false));
    expect(real.findings).toMatchObject([{ kind: 'outside-cluster', severity: 'error' }]);
    const outside = real.findings[0];
    // Half of a 1 ha plot.
    expect(outside?.kind === 'outside-cluster' && outside.outsideHa).toBeCloseTo(0.5, 1);
    expect(checkPlotBoundary(straddling, context(true)).findings).toMatchObject([
      { kind: 'outside-cluster', severity: 'warning' },
    ]);
  });
});
