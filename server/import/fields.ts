import type { ClusterFigures } from '../../domain/cluster.ts';
import type { Unit } from '../../domain/figure.ts';
import { foldForSearch } from '../../domain/search.ts';

/** A figure a cluster carries, by its key in `ClusterFigures`. */
export type FigureKey = keyof ClusterFigures;

/** What a column (or a feature property) holds. */
export type FieldRole =
  | { role: 'id' }
  | { role: 'name' }
  | { role: 'asOf' }
  | { role: 'figure'; key: FigureKey; unit: Unit };

/** A header without diacritics, case, spaces, punctuation or units' brackets: "Mã cụm" → "macum". */
export const squashHeader = (header: string) => foldForSearch(header).replace(/[^a-z0-9]/g, '');

/** Header spellings in Vietnamese and English for each figure, squashed; "(ha)" and "(%)" may follow. */
const figureHeaders: Record<FigureKey, { unit: Unit; headers: string[] }> = {
  plannedAreaHa: {
    unit: 'ha',
    headers: ['plannedareaha', 'plannedarea', 'dientichquyhoach', 'dtquyhoach', 'dtqh'],
  },
  establishedAreaHa: {
    unit: 'ha',
    headers: ['establishedareaha', 'establishedarea', 'dientichthanhlap', 'dtthanhlap', 'dttl'],
  },
  leasableIndustrialLandHa: {
    unit: 'ha',
    headers: [
      'leasableindustriallandha',
      'leasableindustrialland',
      'datcongnghiepchothue',
      'dientichdatcongnghiepchothue',
      'dientichdatcongnghiep',
    ],
  },
  leasedIndustrialLandHa: {
    unit: 'ha',
    headers: [
      'leasedindustriallandha',
      'leasedindustrialland',
      'datcongnghiepdachothue',
      'dientichdachothue',
    ],
  },
  clearedSharePercent: {
    unit: 'percent',
    headers: [
      'clearedsharepercent',
      'clearedshare',
      'tyledagiaiphongmatbang',
      'tylegiaiphongmatbang',
      'tylegpmb',
    ],
  },
  productionFacilityCount: {
    unit: 'count',
    headers: ['productionfacilitycount', 'productionfacilities', 'socososanxuat', 'cososanxuat'],
  },
  workerCount: { unit: 'people', headers: ['workercount', 'workers', 'solaodong', 'laodong'] },
};

const idHeaders = ['id', 'clusterid', 'cluster', 'macum', 'macumcongnghiep', 'maccn'];
const nameHeaders = ['name', 'clustername', 'ten', 'tencum', 'tencumcongnghiep', 'tenccn'];
const asOfHeaders = ['asof', 'ngay', 'ngaysolieu', 'thoidiem', 'date'];

/**
 * What a column header means, in Vietnamese or English, diacritics and case optional:
 * "Mã cụm"/"cluster" (id), "Tên cụm"/"name", "Diện tích quy hoạch (ha)"/"plannedAreaHa", … —
 * null for a column the import does not know.
 *
 * @example fieldRole('Diện tích quy hoạch (ha)') // { role: 'figure', key: 'plannedAreaHa', unit: 'ha' }
 */
export function fieldRole(header: string): FieldRole | null {
  const squashed = squashHeader(header);
  if (idHeaders.includes(squashed)) return { role: 'id' };
  if (nameHeaders.includes(squashed)) return { role: 'name' };
  if (asOfHeaders.includes(squashed)) return { role: 'asOf' };
  const bare = squashed.replace(/(ha|percent)$/, '');
  for (const [key, { unit, headers }] of Object.entries(figureHeaders) as [
    FigureKey,
    (typeof figureHeaders)[FigureKey],
  ][]) {
    if (headers.includes(squashed) || headers.includes(bare)) return { role: 'figure', key, unit };
  }
  return null;
}

/**
 * Reads a number as planners type it: Vietnamese decimal comma ("27,5") or point ("27.5"); with
 * both, the last is the decimal separator ("1.234,5", "1,234.5"); dots between groups of three
 * ("1.234.567") are thousands. "khoảng", "about", "~" or "≈" before it mark it approximate; a
 * trailing "ha" or "%" is allowed. Empty text is null (unknown, never 0); anything else is `invalid`.
 *
 * @example readNumber('27,5') // { value: 27.5, approximate: false }
 * @example readNumber('khoảng 20 ha') // { value: 20, approximate: true }
 */
export function readNumber(text: string): { value: number; approximate: boolean } | null | 'invalid' {
  let rest = text.trim();
  if (rest === '') return null;
  const approximatePrefix = /^(khoảng|khoang|about|approx\.?|~|≈)\s*/i;
  const approximate = approximatePrefix.test(rest);
  rest = rest
    .replace(approximatePrefix, '')
    .replace(/\s*(ha|%)$/i, '')
    .replace(/\s/g, '');
  if (!/^-?[\d.,]+$/.test(rest) || !/\d/.test(rest)) return 'invalid';
  const lastComma = rest.lastIndexOf(',');
  const lastDot = rest.lastIndexOf('.');
  let normal: string;
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    normal = rest.split(thousands).join('').replace(decimal, '.');
  } else if (lastComma >= 0) {
    normal = (rest.match(/,/g) ?? []).length === 1 ? rest.replace(',', '.') : '';
  } else if (/^-?\d{1,3}(\.\d{3}){2,}$/.test(rest)) {
    normal = rest.replaceAll('.', '');
  } else {
    normal = rest;
  }
  const value = Number(normal);
  return normal !== '' && Number.isFinite(value) ? { value, approximate } : 'invalid';
}

/** The unit a cluster figure is reported in. */
export const unitOfFigure = (key: FigureKey): Unit => figureHeaders[key].unit;
