/**
 * Planar clipping of rings and lines to an axis-aligned rectangle, for the basemap build
 * (geodata/scripts/build-basemap.ts). Coordinates are treated as plain x/y (lon/lat degrees);
 * nothing here knows about the sphere or the antimeridian. Inputs are never mutated.
 */

/** A planar point: [x, y] (lon, lat). */
export type XY = [number, number];
/** An axis-aligned rectangle: [xmin, ymin, xmax, ymax]. */
export type BBox = readonly [number, number, number, number];

type Inside = (p: Readonly<XY>) => boolean;
type Cross = (a: Readonly<XY>, b: Readonly<XY>) => XY;

function samePoint(a: Readonly<XY>, b: Readonly<XY>): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** Drops consecutive repeated points (and a closing point equal to the first). */
function openRing(ring: ReadonlyArray<Readonly<XY>>): XY[] {
  const out: XY[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || !samePoint(last, p)) out.push([p[0], p[1]]);
  }
  const first = out[0];
  while (out.length > 1 && first && samePoint(first, out[out.length - 1] as XY)) out.pop();
  return out;
}

/** Crossing point of segment a–b with the vertical line x = x0. */
function crossX(x0: number): Cross {
  return (a, b) => [x0, a[1] + ((b[1] - a[1]) * (x0 - a[0])) / (b[0] - a[0])];
}

/** Crossing point of segment a–b with the horizontal line y = y0. */
function crossY(y0: number): Cross {
  return (a, b) => [a[0] + ((b[0] - a[0]) * (y0 - a[1])) / (b[1] - a[1]), y0];
}

/** One Sutherland–Hodgman pass against a single half-plane; `ring` is open (no closing point). */
function clipAgainst(ring: XY[], inside: Inside, cross: Cross): XY[] {
  const out: XY[] = [];
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const cur = ring[i] as XY;
    const prev = ring[(i + n - 1) % n] as XY;
    const curIn = inside(cur);
    const prevIn = inside(prev);
    if (curIn) {
      if (!prevIn) out.push(cross(prev, cur));
      out.push([cur[0], cur[1]]);
    } else if (prevIn) {
      out.push(cross(prev, cur));
    }
  }
  return out;
}

/**
 * Clips a closed linear ring to the rectangle (Sutherland–Hodgman; exact for a convex clip region).
 * Returns a closed ring (first point repeated at the end) with at least 4 positions, or `[]` when
 * nothing of the ring lies inside. Where a ring leaves and re-enters the rectangle, the result runs
 * along the rectangle's edge (degenerate zero-width parts are possible for concave rings, which is
 * harmless for filling). Orientation is preserved.
 */
export function clipRing(ring: ReadonlyArray<Readonly<XY>>, bbox: BBox): XY[] {
  const [xmin, ymin, xmax, ymax] = bbox;
  let pts = openRing(ring);
  const passes: Array<[Inside, Cross]> = [
    [(p) => p[0] >= xmin, crossX(xmin)],
    [(p) => p[0] <= xmax, crossX(xmax)],
    [(p) => p[1] >= ymin, crossY(ymin)],
    [(p) => p[1] <= ymax, crossY(ymax)],
  ];
  for (const [inside, cross] of passes) {
    if (pts.length === 0) break;
    pts = clipAgainst(pts, inside, cross);
  }
  pts = openRing(pts);
  if (pts.length < 3) return [];
  const first = pts[0] as XY;
  pts.push([first[0], first[1]]);
  return pts;
}

/**
 * Clips a polygon (outer ring first, then holes) to the rectangle. Returns `null` when the outer
 * ring lies wholly outside; holes that vanish are dropped.
 */
export function clipPolygon(rings: ReadonlyArray<ReadonlyArray<Readonly<XY>>>, bbox: BBox): XY[][] | null {
  const [outer, ...holes] = rings;
  if (!outer) return null;
  const clippedOuter = clipRing(outer, bbox);
  if (clippedOuter.length === 0) return null;
  const out: XY[][] = [clippedOuter];
  for (const hole of holes) {
    const h = clipRing(hole, bbox);
    if (h.length > 0) out.push(h);
  }
  return out;
}

/**
 * Clips one segment to the rectangle (Liang–Barsky). Returns the visible part or `null`.
 * An endpoint that lies inside is returned unchanged (same values), so consecutive visible
 * segments can be joined by comparing points.
 */
export function clipSegment(a: Readonly<XY>, b: Readonly<XY>, bbox: BBox): [XY, XY] | null {
  const [xmin, ymin, xmax, ymax] = bbox;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let t0 = 0;
  let t1 = 1;
  const edges: Array<[number, number]> = [
    [-dx, a[0] - xmin],
    [dx, xmax - a[0]],
    [-dy, a[1] - ymin],
    [dy, ymax - a[1]],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
    } else {
      const r = q / p;
      if (p < 0) {
        if (r > t1) return null;
        if (r > t0) t0 = r;
      } else {
        if (r < t0) return null;
        if (r < t1) t1 = r;
      }
    }
  }
  const start: XY = t0 === 0 ? [a[0], a[1]] : [a[0] + t0 * dx, a[1] + t0 * dy];
  const end: XY = t1 === 1 ? [b[0], b[1]] : [a[0] + t1 * dx, a[1] + t1 * dy];
  return [start, end];
}

/**
 * Clips a line string to the rectangle. Returns the visible pieces (each with at least two distinct
 * points); a line that leaves and re-enters yields several pieces.
 */
export function clipLine(line: ReadonlyArray<Readonly<XY>>, bbox: BBox): XY[][] {
  const pieces: XY[][] = [];
  let current: XY[] = [];
  const flush = () => {
    if (current.length >= 2) pieces.push(current);
    current = [];
  };
  for (let i = 1; i < line.length; i++) {
    const seg = clipSegment(line[i - 1] as XY, line[i] as XY, bbox);
    if (!seg) {
      flush();
      continue;
    }
    const [s, e] = seg;
    // A zero-length visible part (a repeated point, or a segment grazing a corner) adds nothing.
    if (samePoint(s, e)) continue;
    const last = current[current.length - 1];
    if (!last || !samePoint(last, s)) {
      flush();
      current.push(s);
    }
    current.push(e);
  }
  flush();
  return pieces;
}

/** Bounding box of a set of points, or `null` for none. */
export function bboxOf(points: Iterable<Readonly<XY>>): BBox | null {
  let xmin = Infinity;
  let ymin = Infinity;
  let xmax = -Infinity;
  let ymax = -Infinity;
  for (const [x, y] of points) {
    if (x < xmin) xmin = x;
    if (y < ymin) ymin = y;
    if (x > xmax) xmax = x;
    if (y > ymax) ymax = y;
  }
  return xmin <= xmax ? [xmin, ymin, xmax, ymax] : null;
}

/** Whether `inner` lies wholly within `outer` (edges inclusive). */
export function bboxWithin(inner: BBox, outer: BBox): boolean {
  return inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];
}

/** Whether two boxes overlap (touching counts). */
export function bboxIntersects(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}
