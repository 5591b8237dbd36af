import type { Geometry, Position } from 'geojson';
import proj4 from 'proj4';
import { type CrsChoice, crsLabel, crsProj4, isProjected } from '../../domain/crs.ts';
import { featureProblem, type ImportProblem } from './problems.ts';

/** A feature as a reader found it: coordinates still in the file's CRS. */
export type SourceFeature = { geometry: Geometry | null; properties: Record<string, unknown> };

/** Viet Nam's extent with its islands (Hoàng Sa, Trường Sa), plus a margin: west, south, east, north. */
export const vietNamExtentWithMargin = [101, 5.5, 118.5, 24] as const;

/** Applies `transform` to every position of a geometry, keeping only x and y. The input is not changed. */
export function mapPositions(geometry: Geometry, transform: (position: Position) => Position): Geometry {
  const ring = (positions: Position[]) => positions.map(transform);
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: transform(geometry.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: geometry.type, coordinates: ring(geometry.coordinates) };
    case 'MultiLineString':
    case 'Polygon':
      return { type: geometry.type, coordinates: geometry.coordinates.map(ring) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(ring)) };
    case 'GeometryCollection':
      return {
        type: 'GeometryCollection',
        geometries: geometry.geometries.map((part) => mapPositions(part, transform)),
      };
  }
}

type Reading = { geometry: Geometry | null; problem: { vi: string; en: string } | null };

function transformGeometry(geometry: Geometry, crs: CrsChoice): Reading {
  const converter = crs.kind === 'wgs84' ? null : proj4(crsProj4(crs), 'WGS84');
  const geographic = !isProjected(crs);
  let bad: Position | null = null;
  let outside: Position | null = null;
  let beyondDegrees = false;
  const [west, south, east, north] = vietNamExtentWithMargin;
  const transformed = mapPositions(geometry, (position) => {
    const [x = Number.NaN, y = Number.NaN] = position;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      bad ??= position;
      return [x, y];
    }
    if (geographic && (Math.abs(y) > 90 || Math.abs(x) > 180)) {
      beyondDegrees = true;
      outside ??= position;
      return [x, y];
    }
    const [longitude = Number.NaN, latitude = Number.NaN] = converter ? converter.forward([x, y]) : [x, y];
    if (!(longitude >= west && longitude <= east && latitude >= south && latitude <= north)) {
      outside ??= position;
    }
    return [longitude, latitude];
  });
  if (bad) {
    const text = JSON.stringify(bad);
    return {
      geometry: null,
      problem: {
        vi: `tọa độ ${text} không phải số hữu hạn.`,
        en: `coordinate ${text} is not a finite number.`,
      },
    };
  }
  if (outside) {
    const label = crsLabel(crs);
    const text = JSON.stringify(outside);
    const degrees = beyondDegrees
      ? { vi: ' (kinh độ/vĩ độ vượt ±180°/±90°)', en: ' (longitude/latitude beyond ±180°/±90°)' }
      : { vi: '', en: '' };
    return {
      geometry: null,
      problem: {
        vi: `tọa độ ${text} đọc theo ${label.vi}${degrees.vi} nằm ngoài Việt Nam — sai hệ tọa độ?`,
        en: `coordinates fall outside Viet Nam — wrong CRS? (${text} read as ${label.en}${degrees.en})`,
      },
    };
  }
  return { geometry: transformed, problem: null };
}

/**
 * Transforms every feature from `crs` to WGS84 longitude/latitude (RFC 7946), and checks that each
 * lands in Viet Nam: coordinates that fall outside usually mean the file is in another CRS than
 * the one assumed. A feature with unusable coordinates keeps a null geometry and gets a problem.
 */
export function reprojectFeatures(
  features: readonly SourceFeature[],
  crs: CrsChoice,
): { features: SourceFeature[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const reprojected = features.map((feature, index) => {
    if (!feature.geometry) return feature;
    const { geometry, problem } = transformGeometry(feature.geometry, crs);
    if (problem) problems.push(featureProblem(index + 1, problem));
    return { ...feature, geometry };
  });
  return { features: reprojected, problems };
}
