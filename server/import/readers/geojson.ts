import { getIssues } from '@placemarkio/check-geojson';
import type { Geometry } from 'geojson';
import { type CrsChoice, CrsCodeError, parseCrsCode } from '../../../domain/crs.ts';
import { ImportFileError } from '../problems.ts';
import type { SourceFeature } from '../reproject.ts';

const lineOf = (source: string, offset: number) => source.slice(0, offset).split('\n').length;

/**
 * The CRS an old-style (2008) GeoJSON `crs` member names: `EPSG:4326`/`CRS84`, `EPSG:4756`,
 * `EPSG:3405`, `EPSG:3406` (also as `urn:ogc:def:crs:EPSG::3405`), or one of our codes such as
 * `vn2000-tm3:108.25`. Null when there is none.
 */
export function crsMember(crs: unknown): CrsChoice | null {
  if (crs === undefined || crs === null) return null;
  const name = (crs as { properties?: { name?: unknown } }).properties?.name;
  if (typeof name !== 'string') {
    throw new ImportFileError(
      'Thành phần "crs" của GeoJSON không có tên hệ tọa độ (properties.name).',
      'The GeoJSON "crs" member names no CRS (properties.name).',
    );
  }
  const code = name
    .trim()
    .replace(/^urn:ogc:def:crs:(EPSG)::?/i, 'EPSG:')
    .replace(/^urn:ogc:def:crs:OGC:1\.3:CRS84$/i, 'wgs84')
    .replace(/^(OGC:)?CRS84$/i, 'wgs84');
  try {
    return parseCrsCode(code);
  } catch (error) {
    if (!(error instanceof CrsCodeError)) throw error;
    throw new ImportFileError(
      `Không nhận ra hệ tọa độ "${name}" trong thành phần "crs" của GeoJSON. ${error.vi}`,
      `Unrecognised CRS "${name}" in the GeoJSON "crs" member. ${error.en}`,
    );
  }
}

/**
 * Reads a GeoJSON FeatureCollection (or one Feature): first checked by check-geojson, every
 * structural problem named with its line, then read into features in the file's own CRS. That CRS
 * is the user's choice when given, else the one an old-style `crs` member names, else WGS84 as
 * RFC 7946 says.
 */
export function readGeojson(
  source: string,
  options: { crs?: CrsChoice } = {},
): { features: SourceFeature[]; crs: CrsChoice; crsFrom: 'file' | 'user' | 'default' } {
  const issues = getIssues(source).filter((issue) => issue.severity === 'error');
  if (issues.length > 0) {
    const listed = issues.slice(0, 5);
    throw new ImportFileError(
      `Tệp GeoJSON không hợp lệ: ${listed.map((issue) => `(dòng ${lineOf(source, issue.from)}) ${issue.message}`).join(' ')}`,
      `Invalid GeoJSON: ${listed.map((issue) => `(line ${lineOf(source, issue.from)}) ${issue.message}`).join(' ')}`,
    );
  }
  const parsed = JSON.parse(source) as {
    type: string;
    crs?: unknown;
    features?: { geometry: Geometry | null; properties: Record<string, unknown> | null; id?: unknown }[];
    geometry?: Geometry | null;
    properties?: Record<string, unknown> | null;
  };
  const declared = crsMember(parsed.crs);
  const raw =
    parsed.type === 'FeatureCollection'
      ? (parsed.features ?? [])
      : parsed.type === 'Feature'
        ? [parsed as { geometry: Geometry | null; properties: Record<string, unknown> | null; id?: unknown }]
        : null;
  if (!raw) {
    throw new ImportFileError(
      'Tệp GeoJSON phải là một FeatureCollection (hoặc một Feature).',
      'The GeoJSON must be a FeatureCollection (or a Feature).',
    );
  }
  const features = raw.map((feature) => ({
    geometry: feature.geometry ?? null,
    properties: {
      ...(feature.id !== undefined && feature.properties?.id === undefined ? { id: feature.id } : {}),
      ...feature.properties,
    },
  }));
  if (options.crs) return { features, crs: options.crs, crsFrom: 'user' };
  if (declared) return { features, crs: declared, crsFrom: 'file' };
  return { features, crs: { kind: 'wgs84' }, crsFrom: 'default' };
}
