import turfArea from '@turf/area';
// A CommonJS bundle: Node's ESM loader gives only its default export, whatever the typings say.
import geographiclib from 'geographiclib-geodesic';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import proj4 from 'proj4';
import { vn2000Tm3Proj4 } from './vn2000.ts';

const SQUARE_METRES_PER_HECTARE = 10_000;

/** The area of one geometry measured three ways, in hectares. */
export interface AreaMeasures {
  /** Turf's area on a sphere of radius 6 371 008.8 m: reads ~0.3–0.4% high in Viet Nam. */
  sphericalHectares: number;
  /** On the WGS84 ellipsoid (GeographicLib), the reference a GIS gives for `geography`. */
  geodesicHectares: number;
  /**
   * In the plane of the province's VN-2000 TM-3 zone, as official Vietnamese areas are measured;
   * null when the province's central meridian is not known.
   */
  vn2000PlaneHectares: number | null;
}

/** The rings of each polygon of the geometry: outer ring first, then its holes. */
function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** The ring's vertices without the closing repeat of the first one. */
function openRing(ring: readonly Position[]): readonly Position[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  const closed = first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
  return closed && ring.length > 1 ? ring.slice(0, -1) : ring;
}

/**
 * The geometry with every ring closed, for Turf, which takes an unclosed ring to enclose nothing
 * while the other two measures (`openRing`) close it: the three measures then disagree.
 */
function withClosedRings(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const close = (ring: Position[]) => {
    const vertices = openRing(ring);
    const first = vertices[0];
    return first === undefined ? [] : [...vertices, first];
  };
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(close) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((rings) => rings.map(close)) };
}

/**
 * Outer ring minus holes, each ring's area taken unsigned, so the result does not depend on the
 * rings' orientation (RFC 7946 asks for counter-clockwise outer rings; older data is often the other way).
 */
function polygonArea(rings: readonly Position[][], ringArea: (ring: readonly Position[]) => number): number {
  const [outer, ...holes] = rings;
  if (outer === undefined) return 0;
  return holes.reduce((area, hole) => area - Math.abs(ringArea(hole)), Math.abs(ringArea(outer)));
}

/** Signed ellipsoidal area of a ring in m², counter-clockwise positive. */
function geodesicRingSquareMetres(ring: readonly Position[]): number {
  const polygon = geographiclib.Geodesic.WGS84.Polygon(false);
  for (const [longitude = Number.NaN, latitude = Number.NaN] of openRing(ring)) {
    polygon.AddPoint(latitude, longitude);
  }
  // `sign = true`: a clockwise ring gives a negative area rather than the rest of the Earth.
  return polygon.Compute(false, true).area ?? 0;
}

/** Signed planar area (shoelace) in the plane's units², counter-clockwise positive. */
function planarRingArea(ring: readonly Position[]): number {
  const vertices = openRing(ring);
  const [x0 = 0, y0 = 0] = vertices[0] ?? [];
  if (vertices.length < 3) return 0;
  // Relative to the first vertex: eastings near 5·10⁵ m and northings near 10⁶ m would otherwise
  // cost the products several digits.
  let twiceArea = 0;
  for (let index = 0; index < vertices.length; index++) {
    const [x1 = 0, y1 = 0] = vertices[index] ?? [];
    const [x2 = 0, y2 = 0] = vertices[(index + 1) % vertices.length] ?? [];
    twiceArea += (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
  }
  return twiceArea / 2;
}

/**
 * Measures a polygon or multipolygon (RFC 7946 lon/lat on WGS84) three ways: on Turf's sphere, on
 * the WGS84 ellipsoid, and in the VN-2000 TM-3 plane of the given central meridian, in which
 * official Vietnamese areas are given. Holes are subtracted, multipolygon parts added, and ring
 * orientation does not matter. The input is not changed.
 *
 * The measures are only areas for valid geometries: a self-intersecting ring gives a number that
 * is not the area it seems to enclose, so validate (e.g. PostGIS `ST_IsValid`) before trusting one.
 *
 * @example
 * // fixtures/in/khanh-hoa-irregular.geojson, near Diên Khánh
 * measureArea(polygon, { centralMeridianDegrees: provinceCentralMeridian('khanh-hoa') })
 * // { sphericalHectares: 39.489…, geodesicHectares: 39.3362…, vn2000PlaneHectares: 39.3364… }
 */
export function measureArea(
  geometry: Polygon | MultiPolygon,
  options: { centralMeridianDegrees: number | null },
): AreaMeasures {
  const planeSquareMetres =
    options.centralMeridianDegrees === null
      ? null
      : vn2000PlaneSquareMetres(geometry, options.centralMeridianDegrees);
  return {
    sphericalHectares: turfArea(withClosedRings(geometry)) / SQUARE_METRES_PER_HECTARE,
    geodesicHectares: geodesicSquareMetres(geometry) / SQUARE_METRES_PER_HECTARE,
    vn2000PlaneHectares: planeSquareMetres === null ? null : planeSquareMetres / SQUARE_METRES_PER_HECTARE,
  };
}

/** `measureArea`'s `geodesicHectares` alone, in m²: on the WGS84 ellipsoid (GeographicLib). */
export function geodesicSquareMetres(geometry: Polygon | MultiPolygon): number {
  return polygonsOf(geometry).reduce((sum, rings) => sum + polygonArea(rings, geodesicRingSquareMetres), 0);
}

/** WGS84 → a VN-2000 TM-3 plane, one per central meridian: making one costs far more than using it. */
const planeProjections = new Map<number, proj4.Converter>();

/** `measureArea`'s `vn2000PlaneHectares` alone, in m²: in the plane of the given central meridian. */
export function vn2000PlaneSquareMetres(
  geometry: Polygon | MultiPolygon,
  centralMeridianDegrees: number,
): number {
  const projection =
    planeProjections.get(centralMeridianDegrees) ?? proj4('WGS84', vn2000Tm3Proj4(centralMeridianDegrees));
  planeProjections.set(centralMeridianDegrees, projection);
  const planeRingArea = (ring: readonly Position[]) =>
    planarRingArea(
      ring.map(([longitude = Number.NaN, latitude = Number.NaN]) =>
        projection.forward([longitude, latitude]),
      ),
    );
  return polygonsOf(geometry).reduce((sum, rings) => sum + polygonArea(rings, planeRingArea), 0);
}
