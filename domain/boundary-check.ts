import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { featureCollection, multiPolygon as turfMultiPolygon, polygon as turfPolygon } from '@turf/helpers';
import intersect from '@turf/intersect';
import kinks from '@turf/kinks';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { measureArea } from './area.ts';
import type { ClusterGeometry, ClusterProperties } from './cluster.ts';
import { bothLanguages } from './number-format.ts';
import type { LocalizedText } from './text.ts';

/** An overlap smaller than this (1 m²) is a shared edge traced twice, not two clusters on one piece of land. */
const OVERLAP_TOLERANCE_HA = 0.0001;
/** A shape enclosing less than this (1 m²) encloses no land: rounding noise, or points in a line. */
const EMPTY_AREA_HA = 0.0001;
/** A drawn area further than this from the declared one is worth a second look before saving. */
export const AREA_WARNING_PERCENT = 10;
/** More vertices than a hand-drawn or surveyed cluster boundary needs; bounds the server's work. */
export const MAX_BOUNDARY_VERTICES = 20_000;
/** Viet Nam with its islands and a margin: west, south, east, north (as the import checks). */
const VIET_NAM_EXTENT = [101, 5.5, 118.5, 24] as const;

/** One thing the check found. `error` stops the save; `warning` is for the editor to weigh. */
export type BoundaryFinding =
  | { kind: 'self-intersection'; severity: 'error'; at: Position[] }
  | { kind: 'outside-viet-nam'; severity: 'error'; at: Position }
  | { kind: 'too-many-vertices'; severity: 'error'; vertices: number }
  | { kind: 'empty-area'; severity: 'error' }
  /**
   * A ring that is not a ring (RFC 7946 §3.1.6): fewer than four positions, or its last position not
   * repeating the first; or a hole not inside its outer ring (as PostGIS's "Hole lies outside shell").
   */
  | {
      kind: 'malformed-ring';
      severity: 'error';
      problem: 'too-few-positions' | 'not-closed' | 'hole-outside-shell';
    }
  /** A plot drawn as several shapes: a lot is one piece of land. */
  | { kind: 'several-parts'; severity: 'error'; parts: number }
  | {
      kind: 'overlap';
      /** An error over a real boundary; a warning over an illustrative shape or a removed cluster. */
      severity: 'error' | 'warning';
      clusterId: string;
      name: LocalizedText;
      overlapHa: number;
    }
  | {
      kind: 'plot-overlap';
      /** An error over a recorded plot; a warning over a demonstration (generated) plot. */
      severity: 'error' | 'warning';
      plotId: string;
      label: string;
      overlapHa: number;
    }
  | {
      kind: 'outside-cluster';
      /** An error when the cluster's boundary is real; a warning beside an illustrative shape. */
      severity: 'error' | 'warning';
      outsideHa: number;
    }
  | {
      kind: 'area-difference';
      severity: 'warning';
      key: 'plannedAreaHa' | 'establishedAreaHa';
      declaredHa: number;
      measuredHa: number;
      differencePercent: number;
    };

/** The verdict on a candidate boundary: its measured area and what was found. */
export type BoundaryCheck = {
  /** In the province's VN-2000 plane when its meridian is known, else on the ellipsoid. */
  measuredHa: number;
  measure: 'vn2000-plane' | 'ellipsoid';
  findings: BoundaryFinding[];
  /** True when no finding is an error: the boundary may be saved. */
  acceptable: boolean;
};

/** Another cluster the boundary may overlap. */
export type NeighbourCluster = {
  properties: Pick<ClusterProperties, 'id' | 'name' | 'geometrySource' | 'stage'>;
  geometry: ClusterGeometry;
};

const polygonsOf = (geometry: Polygon | MultiPolygon): Position[][][] =>
  geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;

const asTurf = (geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> =>
  geometry.type === 'Polygon' ? turfPolygon(geometry.coordinates) : turfMultiPolygon(geometry.coordinates);

function bboxOf(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rings of polygonsOf(geometry)) {
    for (const [x = 0, y = 0] of rings.flat()) {
      west = Math.min(west, x);
      south = Math.min(south, y);
      east = Math.max(east, x);
      north = Math.max(north, y);
    }
  }
  return [west, south, east, north];
}

const bboxesMeet = (a: number[], b: number[]) =>
  (a[0] ?? 0) <= (b[2] ?? 0) &&
  (b[0] ?? 0) <= (a[2] ?? 0) &&
  (a[1] ?? 0) <= (b[3] ?? 0) &&
  (b[1] ?? 0) <= (a[3] ?? 0);

/** The area two shapes share, in hectares (on the ellipsoid); 0 when they only touch. */
function sharedHectares(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): number {
  const shared = intersect(featureCollection([asTurf(a), asTurf(b)]));
  return shared ? measureArea(shared.geometry, { centralMeridianDegrees: null }).geodesicHectares : 0;
}

/**
 * Checks a cluster boundary as an editor draws it, and again on the server before it is saved:
 * rings that cross themselves (with where), vertices outside Viet Nam, overlaps with other clusters
 * (an error over a real boundary, a warning over an illustrative shape or a removed cluster), and the
 * measured area against the declared planned and established areas (a warning beyond 10%).
 * PostGIS (`ST_IsValidReason`) has the last word on validity on the server; this gives the same
 * verdict live, without a round trip, for what a hand can get wrong.
 *
 * @example
 * checkBoundary(drawn, { cluster, centralMeridianDegrees: 108.25, neighbours })
 * // { measuredHa: 27.4, findings: [{ kind: 'area-difference', declaredHa: 30, … }], acceptable: true }
 */
const samePosition = (a: Position | undefined, b: Position | undefined) =>
  a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];

/**
 * The first ring that is not a closed ring of four positions or more, and what is wrong with it; a
 * polygon without even an outer ring has too few positions.
 */
function ringProblem(geometry: Polygon | MultiPolygon): 'too-few-positions' | 'not-closed' | null {
  if (polygonsOf(geometry).some((rings) => rings.length === 0)) return 'too-few-positions';
  for (const ring of polygonsOf(geometry).flat()) {
    if (ring.length < 4) return 'too-few-positions';
    if (!samePosition(ring[0], ring.at(-1))) return 'not-closed';
  }
  return null;
}

/**
 * The rings without a position repeated right after itself: valid (PostGIS drops them), but Turf's
 * `kinks` reports each as a crossing.
 */
function withoutRepeats(geometry: Polygon | MultiPolygon): Position[][][] {
  return polygonsOf(geometry).map((rings) =>
    rings.map((ring) =>
      ring.filter((position, index) => index === 0 || !samePosition(position, ring[index - 1])),
    ),
  );
}

/** Whether some hole has a vertex outside its outer ring (for well-formed rings that do not cross). */
function holeOutsideShell(polygons: readonly Position[][][]): boolean {
  return polygons.some(([outer, ...holes]) => {
    if (outer === undefined || outer.length < 4) return false;
    const shell = turfPolygon([outer]);
    return holes.some((hole) => hole.some((vertex) => !booleanPointInPolygon(vertex, shell)));
  });
}

/**
 * What is wrong with the shape itself, and its measured area. Never throws: whatever the
 * coordinates (NaN, infinite, huge, a ring of two points, an unclosed ring), the answer is a finding.
 */
function shapeCheck(geometry: Polygon | MultiPolygon, centralMeridianDegrees: number | null) {
  const findings: BoundaryFinding[] = [];
  const vertices = polygonsOf(geometry).reduce((sum, rings) => sum + rings.flat().length, 0);
  if (vertices > MAX_BOUNDARY_VERTICES) {
    findings.push({ kind: 'too-many-vertices', severity: 'error', vertices });
    return { findings, measuredHa: 0, measure: 'ellipsoid' as const, comparable: false };
  }
  const positions = polygonsOf(geometry).flat(2);
  // NaN, infinite and missing coordinates fail these comparisons too.
  const outside = positions.find(
    ([x = Number.NaN, y = Number.NaN]) =>
      !(
        x >= VIET_NAM_EXTENT[0] &&
        x <= VIET_NAM_EXTENT[2] &&
        y >= VIET_NAM_EXTENT[1] &&
        y <= VIET_NAM_EXTENT[3]
      ),
  );
  if (outside) findings.push({ kind: 'outside-viet-nam', severity: 'error', at: outside });
  const finite = positions.every(
    (position) => position.length >= 2 && Number.isFinite(position[0]) && Number.isFinite(position[1]),
  );
  const malformed = ringProblem(geometry);
  if (malformed) findings.push({ kind: 'malformed-ring', severity: 'error', problem: malformed });
  // Nothing more can be said of a shape with coordinates that are not numbers: it has no area.
  if (!finite) {
    const measure = centralMeridianDegrees === null ? ('ellipsoid' as const) : ('vn2000-plane' as const);
    return { findings, measuredHa: 0, measure, comparable: false };
  }

  const polygons = withoutRepeats(geometry);
  const crossings = kinks({ type: 'MultiPolygon', coordinates: polygons }).features.map(
    (point) => point.geometry.coordinates,
  );
  if (crossings.length > 0) findings.push({ kind: 'self-intersection', severity: 'error', at: crossings });
  if (!malformed && crossings.length === 0 && holeOutsideShell(polygons)) {
    findings.push({ kind: 'malformed-ring', severity: 'error', problem: 'hole-outside-shell' });
  }

  const measured = measureArea(geometry, { centralMeridianDegrees });
  const measure = measured.vn2000PlaneHectares === null ? ('ellipsoid' as const) : ('vn2000-plane' as const);
  const raw = measured.vn2000PlaneHectares ?? measured.geodesicHectares;
  // Coordinates far outside any projection's range measure NaN; the area is then none, not NaN.
  const measuredHa = Number.isFinite(raw) ? raw : 0;
  // Both measures: points along a meridian enclose nothing on the ellipsoid, yet a sliver in the
  // plane of a central meridian elsewhere.
  const empty = !(measuredHa >= EMPTY_AREA_HA && measured.geodesicHectares >= EMPTY_AREA_HA);
  if (empty) findings.push({ kind: 'empty-area', severity: 'error' });
  // Overlaps are only meaningful for a well-formed shape that does not cross itself (Turf cannot cut one).
  const comparable = findings.length === 0;
  return { findings, measuredHa, measure, comparable };
}

/** The area two shapes share, when their boxes meet and it is more than a traced edge; else 0. */
function overlapHectares(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): number {
  if (!bboxesMeet(bboxOf(a), bboxOf(b))) return 0;
  const shared = sharedHectares(a, b);
  return shared > OVERLAP_TOLERANCE_HA ? shared : 0;
}

const verdict = (shape: ReturnType<typeof shapeCheck>, findings: BoundaryFinding[]): BoundaryCheck => ({
  measuredHa: shape.measuredHa,
  measure: shape.measure,
  findings,
  acceptable: findings.every((finding) => finding.severity !== 'error'),
});

/**
 * Checks a cluster boundary as an editor draws it, and again on the server before it is saved:
 * rings that cross themselves (with where), vertices outside Viet Nam, overlaps with other clusters
 * (an error over a real boundary, a warning over an illustrative shape or a removed cluster), and the
 * measured area against the declared planned and established areas (a warning beyond 10%).
 * PostGIS (`ST_IsValidReason`) has the last word on validity on the server; this gives the same
 * verdict live, without a round trip, for what a hand can get wrong.
 *
 * @example
 * checkBoundary(drawn, { cluster, centralMeridianDegrees: 108.25, neighbours })
 * // { measuredHa: 27.4, findings: [{ kind: 'area-difference', declaredHa: 30, … }], acceptable: true }
 */
export function checkBoundary(
  geometry: Polygon | MultiPolygon,
  context: {
    cluster: Pick<ClusterProperties, 'id' | 'figures'>;
    centralMeridianDegrees: number | null;
    neighbours: readonly NeighbourCluster[];
  },
): BoundaryCheck {
  const shape = shapeCheck(geometry, context.centralMeridianDegrees);
  const findings = [...shape.findings];
  if (shape.comparable) {
    for (const neighbour of context.neighbours) {
      if (neighbour.properties.id === context.cluster.id) continue;
      const overlapHa = overlapHectares(geometry, neighbour.geometry);
      if (overlapHa === 0) continue;
      const soft =
        neighbour.properties.geometrySource === 'illustrative' || neighbour.properties.stage === 'removed';
      findings.push({
        kind: 'overlap',
        severity: soft ? 'warning' : 'error',
        clusterId: neighbour.properties.id,
        name: neighbour.properties.name,
        overlapHa,
      });
    }
  }
  for (const key of ['plannedAreaHa', 'establishedAreaHa'] as const) {
    const declared = context.cluster.figures[key];
    if (!declared || declared.value <= 0 || !(shape.measuredHa > 0)) continue;
    const differencePercent = ((shape.measuredHa - declared.value) / declared.value) * 100;
    if (Math.abs(differencePercent) > AREA_WARNING_PERCENT) {
      findings.push({
        kind: 'area-difference',
        severity: 'warning',
        key,
        declaredHa: declared.value,
        measuredHa: shape.measuredHa,
        differencePercent,
      });
    }
  }
  return verdict(shape, findings);
}

/** Another plot of the same cluster the boundary may overlap. */
export type NeighbourPlot = {
  id: string;
  label: string;
  origin: 'import' | 'generated';
  geometry: Polygon;
};

/**
 * Checks a plot's boundary as an editor draws it, and on the server: the shape itself as for a
 * cluster, overlaps with the cluster's other plots (an error over a recorded plot, a warning over a
 * demonstration one), and land outside its cluster (an error when the cluster's boundary is real, a
 * warning beside an illustrative shape, which says nothing of where the land is).
 */
export function checkPlotBoundary(
  geometry: Polygon | MultiPolygon,
  context: {
    plotId: string;
    cluster: { geometry: Polygon | MultiPolygon; illustrative: boolean };
    centralMeridianDegrees: number | null;
    neighbours: readonly NeighbourPlot[];
  },
): BoundaryCheck {
  const shape = shapeCheck(geometry, context.centralMeridianDegrees);
  const findings = [...shape.findings];
  if (geometry.type === 'MultiPolygon' && geometry.coordinates.length > 1) {
    findings.push({ kind: 'several-parts', severity: 'error', parts: geometry.coordinates.length });
  }
  if (shape.comparable) {
    for (const neighbour of context.neighbours) {
      if (neighbour.id === context.plotId) continue;
      const overlapHa = overlapHectares(geometry, neighbour.geometry);
      if (overlapHa === 0) continue;
      findings.push({
        kind: 'plot-overlap',
        severity: neighbour.origin === 'generated' ? 'warning' : 'error',
        plotId: neighbour.id,
        label: neighbour.label,
        overlapHa,
      });
    }
    const insideHa = sharedHectares(geometry, context.cluster.geometry);
    const wholeHa = measureArea(geometry, { centralMeridianDegrees: null }).geodesicHectares;
    const outsideHa = wholeHa - insideHa;
    if (outsideHa > OVERLAP_TOLERANCE_HA) {
      findings.push({
        kind: 'outside-cluster',
        severity: context.cluster.illustrative ? 'warning' : 'error',
        outsideHa,
      });
    }
  }
  return verdict(shape, findings);
}

const hectares = (value: number) => bothLanguages(value, value < 1 ? 4 : 2);
const point = ([x = 0, y = 0]: Position) => `${y.toFixed(6)}, ${x.toFixed(6)}`;

/** A finding in words a planner reads, in both languages (the server's 422 and the live panel say the same). */
export function boundaryFindingText(finding: BoundaryFinding): LocalizedText {
  switch (finding.kind) {
    case 'self-intersection':
      return {
        vi: `Đường ranh giới tự cắt nhau tại ${finding.at.length} điểm (đầu tiên: ${point(finding.at[0] ?? [])}). Hãy kéo các đỉnh để các cạnh không cắt nhau.`,
        en: `The boundary crosses itself at ${finding.at.length} point(s) (first: ${point(finding.at[0] ?? [])}). Move the vertices so no edges cross.`,
      };
    case 'outside-viet-nam':
      return {
        vi: `Có đỉnh nằm ngoài lãnh thổ Việt Nam (${point(finding.at)}).`,
        en: `A vertex lies outside Viet Nam (${point(finding.at)}).`,
      };
    case 'too-many-vertices':
      return {
        vi: `Ranh giới có ${finding.vertices} đỉnh, nhiều hơn mức cho phép ${MAX_BOUNDARY_VERTICES}; hãy đơn giản hóa trước khi lưu.`,
        en: `The boundary has ${finding.vertices} vertices, more than the ${MAX_BOUNDARY_VERTICES} allowed; simplify it before saving.`,
      };
    case 'empty-area':
      return { vi: 'Ranh giới không bao diện tích nào.', en: 'The boundary encloses no area.' };
    case 'malformed-ring':
      return finding.problem === 'hole-outside-shell'
        ? {
            vi: 'Có lỗ (vùng khoét) nằm ngoài đường ranh giới bao ngoài; hãy vẽ lỗ bên trong ranh giới.',
            en: 'A hole lies outside the outer boundary; draw holes inside it.',
          }
        : finding.problem === 'not-closed'
          ? {
              vi: 'Đường ranh giới không khép kín: điểm cuối phải trùng điểm đầu.',
              en: 'The boundary is not closed: its last point must repeat the first.',
            }
          : {
              vi: 'Đường ranh giới có ít hơn 3 đỉnh, không bao được diện tích nào.',
              en: 'The boundary has fewer than 3 vertices and cannot enclose an area.',
            };
    case 'several-parts':
      return {
        vi: `Lô được vẽ thành ${finding.parts} vùng; một lô là một khu đất liền — hãy xóa bớt.`,
        en: `The plot is drawn as ${finding.parts} shapes; a plot is one piece of land — remove the others.`,
      };
    case 'overlap': {
      const ha = hectares(finding.overlapHa);
      return finding.severity === 'error'
        ? {
            vi: `Chồng lấn ${ha.vi} ha với ${finding.name.vi}: hai cụm không thể nằm trên cùng một khu đất.`,
            en: `Overlaps ${finding.name.en} by ${ha.en} ha: two clusters cannot sit on the same land.`,
          }
        : {
            vi: `Chồng lấn ${ha.vi} ha với hình minh họa (hoặc cụm đã đưa ra khỏi quy hoạch) của ${finding.name.vi}; hình đó không phải ranh giới thật.`,
            en: `Overlaps the illustrative shape (or removed cluster) of ${finding.name.en} by ${ha.en} ha; that shape is not a real boundary.`,
          };
    }
    case 'plot-overlap': {
      const ha = hectares(finding.overlapHa);
      return finding.severity === 'error'
        ? {
            vi: `Chồng lấn ${ha.vi} ha với lô ${finding.label}: hai lô không thể nằm trên cùng một khu đất.`,
            en: `Overlaps plot ${finding.label} by ${ha.en} ha: two plots cannot sit on the same land.`,
          }
        : {
            vi: `Chồng lấn ${ha.vi} ha với lô minh họa ${finding.label} (không phải lô thật).`,
            en: `Overlaps the demonstration plot ${finding.label} by ${ha.en} ha (not a real plot).`,
          };
    }
    case 'outside-cluster': {
      const ha = hectares(finding.outsideHa);
      return finding.severity === 'error'
        ? {
            vi: `${ha.vi} ha của lô nằm ngoài ranh giới cụm.`,
            en: `${ha.en} ha of the plot lies outside the cluster's boundary.`,
          }
        : {
            vi: `${ha.vi} ha của lô nằm ngoài hình minh họa của cụm (hình đó không phải ranh giới thật).`,
            en: `${ha.en} ha of the plot lies outside the cluster's illustrative shape (not a real boundary).`,
          };
    }
    case 'area-difference': {
      const what =
        finding.key === 'plannedAreaHa'
          ? { vi: 'diện tích quy hoạch', en: 'planned area' }
          : { vi: 'diện tích thành lập', en: 'established area' };
      const measured = hectares(finding.measuredHa);
      const declared = hectares(finding.declaredHa);
      const sign = finding.differencePercent > 0 ? '+' : '';
      const percent = bothLanguages(finding.differencePercent, 1);
      return {
        vi: `Diện tích vẽ ${measured.vi} ha lệch ${sign}${percent.vi}% so với ${what.vi} ${declared.vi} ha.`,
        en: `The drawn area, ${measured.en} ha, differs by ${sign}${percent.en}% from the ${what.en} of ${declared.en} ha.`,
      };
    }
  }
}
