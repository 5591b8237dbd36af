/**
 * A tile's geometry made in Node, as the SQL of the PostgreSQL path makes it with ST_AsMVTGeom:
 * Web Mercator in, tile units out (4096 a side, y down), clipped to the buffered tile (lineclip's
 * Sutherland–Hodgman), details under half a unit simplified away (simplify-js's Douglas–Peucker, as
 * ST_Simplify), snapped to the integer grid, collapsed rings dropped, exterior rings wound with a
 * positive surveyor's area in tile coordinates (what MVT 2 calls clockwise) and holes the other
 * way. WKB is read by wkx. What is left here is the glue no library does: the tile frame, snapping,
 * dropping what collapses, MVT's winding, and which tile holds a label. Pure functions, no I/O.
 */
import { clipPolygon } from 'lineclip';
import simplify from 'simplify-js';
import { Geometry, MultiPolygon, type Point, Polygon } from 'wkx';

/** Half the side of the Web Mercator square, metres (EPSG:3857 bounds). */
const HALF_WORLD = 20037508.342789244;
const EARTH_RADIUS = 6378137;
const RADIANS = Math.PI / 180;
/** Douglas–Peucker tolerance, tile units: what ST_AsMVTGeom simplifies away. */
const SIMPLIFY_TOLERANCE = 0.5;

/** A ring as flat Web Mercator coordinates `[x0, y0, x1, y1, …]`, closed (last point = first). */
export type MercatorRing = Float64Array;
/** A polygon: its exterior ring, then its holes. */
export type MercatorPolygon = MercatorRing[];
/** A ring in integer tile units, as `[x, y]` points, closed (last point = first): what vt-pbf takes. */
export type TileRing = [number, number][];

/** EPSG:4326 → EPSG:3857, the spherical formula PostGIS's ST_Transform uses for it. */
export function mercatorX(lon: number): number {
  return EARTH_RADIUS * lon * RADIANS;
}
export function mercatorY(lat: number): number {
  return EARTH_RADIUS * Math.asinh(Math.tan(lat * RADIANS));
}

/** A lon/lat ring from wkx as a flat Mercator ring (100,000 plots are held: no object per point). */
function mercatorRing(points: readonly Point[]): MercatorRing {
  const ring = new Float64Array(points.length * 2);
  for (const [index, point] of points.entries()) {
    ring[index * 2] = mercatorX(point.x);
    ring[index * 2 + 1] = mercatorY(point.y);
  }
  return ring;
}

/**
 * Polygons in Web Mercator from WKB in lon/lat (ST_AsBinary of a Polygon or MultiPolygon, as hex):
 * cheaper for PGlite to write and for Node to read than GeoJSON. Anything else gives no polygon.
 */
export function mercatorPolygonsFromWkb(hex: string): MercatorPolygon[] {
  // The smallest WKB, a byte order and a type, is 5 bytes.
  if (hex.length < 10) return [];
  const geometry = Geometry.parse(Buffer.from(hex, 'hex'));
  const polygons =
    geometry instanceof Polygon ? [geometry] : geometry instanceof MultiPolygon ? geometry.polygons : [];
  return polygons
    .filter((polygon) => polygon.exteriorRing.length > 0)
    .map((polygon) => [mercatorRing(polygon.exteriorRing), ...polygon.interiorRings.map(mercatorRing)]);
}

/** A tile as ST_TileEnvelope has it, and the map from Mercator to its units. */
export type TileFrame = {
  /** Tile edges in metres. */
  west: number;
  south: number;
  east: number;
  north: number;
  /** Tile units per metre. */
  scale: number;
  extent: number;
  buffer: number;
};

export function tileFrame(z: number, x: number, y: number, extent: number, buffer: number): TileFrame {
  const size = (2 * HALF_WORLD) / 2 ** z;
  const west = -HALF_WORLD + size * x;
  const north = HALF_WORLD - size * y;
  return {
    west,
    south: HALF_WORLD - size * (y + 1),
    east: -HALF_WORLD + size * (x + 1),
    north,
    scale: extent / size,
    extent,
    buffer,
  };
}

/** The buffered tile in metres, [west, south, east, north]: where a feature may show in the tile. */
export function bufferedBox(frame: TileFrame): [number, number, number, number] {
  const margin = frame.buffer / frame.scale;
  return [frame.west - margin, frame.south - margin, frame.east + margin, frame.north + margin];
}

/**
 * A Mercator ring in tile units (floats), open (its closing point left out), clipped to [lo, hi]²
 * by lineclip; null when nothing of it is left. Where the polygon leaves the box and comes back,
 * the result runs along the edge, as ST_ClipByBox2D's may: drawn filled, it is the same shape.
 */
function clippedRing(
  ring: MercatorRing,
  frame: TileFrame,
  lo: number,
  hi: number,
): [number, number][] | null {
  const count = ring.length / 2 - 1;
  if (count < 3) return null;
  const points: [number, number][] = new Array(count);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let index = 0; index < count; index++) {
    const x = ((ring[index * 2] ?? 0) - frame.west) * frame.scale;
    const y = (frame.north - (ring[index * 2 + 1] ?? 0)) * frame.scale;
    points[index] = [x, y];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  // Wholly out, or wholly in (most rings, at the zooms where plots are drawn): nothing to clip.
  if (minX > hi || maxX < lo || minY > hi || maxY < lo) return null;
  if (minX >= lo && maxX <= hi && minY >= lo && maxY <= hi) return points;
  const clipped = clipPolygon(points, [lo, lo, hi, hi]);
  return clipped.length >= 3 ? clipped : null;
}

/**
 * Snaps an open ring to the integer grid, closed again, repeated points dropped; null when fewer
 * than 3 distinct points remain. Douglas–Peucker (simplify-js, highQuality: no radial pass first)
 * runs before, on the closed ring, so its first point stays, as in ST_Simplify; a ring it brings
 * under 4 points has collapsed and is dropped, as ST_Simplify drops it.
 */
function simplifiedAndSnapped(open: readonly [number, number][]): TileRing | null {
  const outline = open.map(([x, y]) => ({ x, y }));
  outline.push({ x: open[0]?.[0] ?? 0, y: open[0]?.[1] ?? 0 });
  const simplified = simplify(outline, SIMPLIFY_TOLERANCE, true);
  if (simplified.length < 4) return null;
  const out: TileRing = [];
  let [lastX, lastY] = [Number.NaN, Number.NaN];
  for (const point of simplified) {
    const x = Math.round(point.x);
    const y = Math.round(point.y);
    if (x === lastX && y === lastY) continue;
    out.push([x, y]);
    [lastX, lastY] = [x, y];
  }
  // Closed: the last point repeats the first. A triangle needs 4.
  return out.length >= 4 ? out : null;
}

/** Twice the surveyor's area in tile coordinates (y down): positive for MVT's exterior winding. */
function twiceArea(ring: TileRing): number {
  let sum = 0;
  for (let index = 0; index + 1 < ring.length; index++) {
    const [ax = 0, ay = 0] = ring[index] ?? [];
    const [bx = 0, by = 0] = ring[index + 1] ?? [];
    sum += ax * by - bx * ay;
  }
  return sum;
}

/**
 * A polygon (or each polygon of a multipolygon) in tile units: each polygon's exterior ring, then
 * its holes, as MVT orders them; null when nothing of it shows in the buffered tile. A ring whose
 * snapped area is zero is dropped (an exterior with its holes), as ST_MakeValid and
 * ST_CollectionExtract drop it in SQL. Snapping can make a ring touch itself; it is not repaired
 * (MapLibre draws it, as it draws geojson-vt's tiles, which are not repaired either).
 */
export function polygonsInTile(polygons: readonly MercatorPolygon[], frame: TileFrame): TileRing[] | null {
  const lo = -frame.buffer;
  const hi = frame.extent + frame.buffer;
  const rings: TileRing[] = [];
  for (const polygon of polygons) {
    for (const [index, mercator] of polygon.entries()) {
      const clipped = clippedRing(mercator, frame, lo, hi);
      const snapped = clipped && simplifiedAndSnapped(clipped);
      const area = snapped ? twiceArea(snapped) : 0;
      if (!snapped || area === 0) {
        if (index === 0) break;
        continue;
      }
      // Exterior rings positive, holes negative. Reversed, a closed ring stays closed.
      if (index === 0 ? area < 0 : area > 0) snapped.reverse();
      rings.push(snapped);
    }
  }
  return rings.length > 0 ? rings : null;
}

/**
 * A label point in tile units when it lies in the tile itself (not its buffer), west and north
 * edges included, east and south excluded, so a point on an edge is in exactly one tile.
 */
export function pointInTile(x: number, y: number, frame: TileFrame): [number, number] | null {
  if (x < frame.west || x >= frame.east || y <= frame.south || y > frame.north) return null;
  return [Math.round((x - frame.west) * frame.scale), Math.round((frame.north - y) * frame.scale)];
}
