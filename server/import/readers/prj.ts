import type { CrsChoice } from '../../../domain/crs.ts';
import { vn2000Tm3ScaleFactor, vn2000Towgs84 } from '../../../domain/vn2000.ts';

/** A node of WKT1 (`KEYWORD["name", 1.5, CHILD[…]]`). */
type WktNode = { keyword: string; args: (string | number | WktNode)[] };

/** Parses WKT1 text into a tree; null when it is not WKT. */
export function parseWkt(text: string): WktNode | null {
  let at = 0;
  const skip = () => {
    while (at < text.length && /\s/.test(text[at] ?? '')) at++;
  };
  const node = (): WktNode | null => {
    skip();
    const keyword = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(at))?.[0];
    if (!keyword) return null;
    at += keyword.length;
    skip();
    const open = text[at];
    if (open !== '[' && open !== '(') return { keyword: keyword.toUpperCase(), args: [] };
    const close = open === '[' ? ']' : ')';
    at++;
    const args: WktNode['args'] = [];
    for (;;) {
      skip();
      const char = text[at];
      if (char === undefined) return null;
      if (char === close) {
        at++;
        return { keyword: keyword.toUpperCase(), args };
      }
      if (char === ',') {
        at++;
        continue;
      }
      if (char === '"') {
        const end = text.indexOf('"', at + 1);
        if (end < 0) return null;
        args.push(text.slice(at + 1, end));
        at = end + 1;
        continue;
      }
      const number = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(text.slice(at))?.[0];
      if (number) {
        args.push(Number(number));
        at += number.length;
        continue;
      }
      const child = node();
      if (!child) return null;
      args.push(child);
    }
  };
  const root = node();
  skip();
  return root && at === text.length ? root : null;
}

const children = (node: WktNode, keyword: string) =>
  node.args.filter((arg): arg is WktNode => typeof arg === 'object' && arg.keyword === keyword);
const child = (node: WktNode, keyword: string) => children(node, keyword)[0];
const nameOf = (node: WktNode | undefined) => (typeof node?.args[0] === 'string' ? node.args[0] : '');
const epsgOf = (node: WktNode | undefined) => {
  const authority = node && child(node, 'AUTHORITY');
  return authority && String(authority.args[0]).toUpperCase() === 'EPSG' ? String(authority.args[1]) : null;
};
const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Whether three translations (m) are VN-2000's shift to WGS84, to half a metre. */
const isVn2000Shift = (shift: readonly number[]) =>
  shift.length >= 3 &&
  shift.slice(0, 3).every((value, index) => Math.abs(value - (vn2000Towgs84[index] ?? Number.NaN)) < 0.5);

type DatumKind = 'vn2000' | 'wgs84' | null;

function datumKind(geogcs: WktNode | undefined): DatumKind {
  const datum = geogcs && child(geogcs, 'DATUM');
  if (!datum) return null;
  const name = nameOf(datum);
  const squashed = squash(name);
  const towgs84 = child(datum, 'TOWGS84')?.args.filter((arg): arg is number => typeof arg === 'number');
  // GDAL names a datum it only knows by its shift "D_Unknown_based_on_WGS84_ellipsoid_using_towgs84_-191_90…".
  const namedShift = /towgs84_(-?\d+_\d+)_(-?\d+_\d+)_(-?\d+_\d+)/i
    .exec(name)
    ?.slice(1)
    .map((value) => Number(value.replace('_', '.')));
  if (
    /vn2000|vietnam2000/.test(squashed) ||
    ['6756', '4756'].includes(epsgOf(datum) ?? epsgOf(geogcs) ?? '') ||
    (towgs84 && isVn2000Shift(towgs84)) ||
    (namedShift && isVn2000Shift(namedShift))
  ) {
    return 'vn2000';
  }
  const noShift = !towgs84 || towgs84.every((value) => value === 0);
  if (noShift && ['wgs1984', 'dwgs1984', 'wgs84', 'worldgeodeticsystem1984'].includes(squashed))
    return 'wgs84';
  if (noShift && ['6326', '4326'].includes(epsgOf(datum) ?? epsgOf(geogcs) ?? '')) return 'wgs84';
  return null;
}

function parameters(projcs: WktNode): Map<string, number> {
  return new Map(
    children(projcs, 'PARAMETER').flatMap((parameter) => {
      const [name, value] = parameter.args;
      return typeof name === 'string' && typeof value === 'number' ? [[squash(name), value] as const] : [];
    }),
  );
}

const near = (value: number | undefined, expected: number, tolerance = 1e-9) =>
  value !== undefined && Math.abs(value - expected) <= tolerance;

/** A projected VN-2000 CRS from its Transverse Mercator parameters: UTM 48N/49N or a TM-3 zone. */
function vn2000Projection(projcs: WktNode): CrsChoice | null {
  const projection = squash(nameOf(child(projcs, 'PROJECTION')));
  const unit = child(projcs, 'UNIT');
  if (projection !== 'transversemercator' || unit?.args[1] !== 1) return null;
  const values = parameters(projcs);
  const centralMeridian = values.get('centralmeridian') ?? values.get('longitudeofcenter');
  const scale = values.get('scalefactor');
  const standard =
    near(values.get('falseeasting'), 500_000, 1e-6) &&
    near(values.get('falsenorthing') ?? 0, 0, 1e-6) &&
    near(values.get('latitudeoforigin') ?? 0, 0);
  if (!standard || centralMeridian === undefined) return null;
  if (near(scale, 0.9996) && near(centralMeridian, 105)) return { kind: 'vn2000-utm', zone: 48 };
  if (near(scale, 0.9996) && near(centralMeridian, 111)) return { kind: 'vn2000-utm', zone: 49 };
  if (near(scale, vn2000Tm3ScaleFactor) && centralMeridian >= 100 && centralMeridian <= 120) {
    return { kind: 'vn2000-tm3', centralMeridianDegrees: centralMeridian };
  }
  return null;
}

/**
 * Reads a Shapefile's .prj (WKT1, as ESRI or GDAL write it) as one of the CRSs an import accepts:
 * WGS84 or VN-2000 geographic, VN-2000 / UTM 48N or 49N (EPSG:3405/3406), or a VN-2000 TM-3 zone
 * (Transverse Mercator, k = 0.9999, x₀ = 500 000 m) with its central meridian. Anything else gives
 * `{ unrecognised: name }`, the name the file gives its CRS, to be quoted back.
 *
 * @example readPrj('PROJCS["VN-2000 / UTM zone 48N", …, AUTHORITY["EPSG","3405"]]') // { crs: { kind: 'vn2000-utm', zone: 48 } }
 */
export function readPrj(text: string): { crs: CrsChoice } | { unrecognised: string } {
  const root = parseWkt(text.trim());
  if (!root) return { unrecognised: text.trim().slice(0, 80) };
  const name = nameOf(root) || root.keyword;
  const code = epsgOf(root);
  if (code === '3405') return { crs: { kind: 'vn2000-utm', zone: 48 } };
  if (code === '3406') return { crs: { kind: 'vn2000-utm', zone: 49 } };
  if (code === '4756') return { crs: { kind: 'vn2000-geographic' } };
  if (code === '4326') return { crs: { kind: 'wgs84' } };
  if (root.keyword === 'GEOGCS') {
    const unit = child(root, 'UNIT')?.args[1];
    const degrees = typeof unit === 'number' && Math.abs(unit - Math.PI / 180) < 1e-12;
    const datum = datumKind(root);
    if (degrees && datum === 'wgs84') return { crs: { kind: 'wgs84' } };
    if (degrees && datum === 'vn2000') return { crs: { kind: 'vn2000-geographic' } };
    return { unrecognised: name };
  }
  if (root.keyword === 'PROJCS' && datumKind(child(root, 'GEOGCS')) === 'vn2000') {
    const crs = vn2000Projection(root);
    if (crs) return { crs };
  }
  return { unrecognised: name };
}
