import type { Request } from 'express';
import { type CrsChoice, CrsCodeError, parseCrsCode } from '../../domain/crs.ts';
import { importFileExtensions, importQueryParameters } from '../../domain/import-api.ts';
import { IsoDate } from '../../domain/text.ts';
import { HttpError } from '../errors.ts';
import { invalidParameter, rejectUnknownParameters, singleRawValue } from './query-params.ts';

/** What `POST /api/provinces/{id}/imports` is asked to do, read from its query. */
export type ImportParameters = {
  fileName: string;
  crs: CrsChoice | undefined;
  source: string | undefined;
  asOf: string | null;
  commit: boolean;
};

const SOURCE_ID = /^[a-z0-9-]{1,64}$/;
const DAY_MS = 86_400_000;

/** A 400 for a parameter the request needs and did not send. */
export const missingParameter = (name: string, vi: string, en: string) =>
  new HttpError(
    400,
    'missing_parameter',
    `Thiếu tham số "${name}": ${vi}`,
    `The "${name}" parameter is missing: ${en}`,
  );

function fileNameParameter(request: Request): string {
  const name = singleRawValue(request, 'fileName');
  if (name === undefined) {
    throw missingParameter(
      'fileName',
      'tên tệp cho biết cách đọc (.geojson, .kml, .zip, .csv).',
      'the file name says how to read it (.geojson, .kml, .zip, .csv).',
    );
  }
  const lower = name.toLowerCase();
  // Checked before the body is read, so a wrong file is refused without uploading it all.
  if (
    name.length > 255 ||
    [...name].some((character) => character < ' ') ||
    !importFileExtensions.some((ext) => lower.endsWith(ext))
  ) {
    throw invalidParameter(
      'fileName',
      name,
      `Nhận tệp ${importFileExtensions.join(', ')} (Shapefile nén trong .zip), tên tối đa 255 ký tự.`,
      `Accepted files: ${importFileExtensions.join(', ')} (a Shapefile zipped in .zip), names up to 255 characters.`,
    );
  }
  return name;
}

function crsParameter(request: Request): CrsChoice | undefined {
  const code = singleRawValue(request, 'crs');
  if (code === undefined) return undefined;
  try {
    return parseCrsCode(code);
  } catch (error) {
    if (!(error instanceof CrsCodeError)) throw error;
    throw invalidParameter('crs', code, error.vi, error.en);
  }
}

/** A real day, not after tomorrow (UTC): in Viet Nam (UTC+7) today may already be UTC's tomorrow. */
function asOfParameter(request: Request): string | null {
  const text = singleRawValue(request, 'asOf');
  if (text === undefined) return null;
  const latest = new Date(Date.now() + DAY_MS).toISOString().slice(0, 10);
  if (!IsoDate.safeParse(text).success || text > latest) {
    throw invalidParameter(
      'asOf',
      text,
      'Cần một ngày YYYY-MM-DD không sau hôm nay, ví dụ "2025-06-14".',
      'Expected a date YYYY-MM-DD not after today, e.g. "2025-06-14".',
    );
  }
  return text;
}

function commitParameter(request: Request): boolean {
  const text = singleRawValue(request, 'commit');
  if (text === undefined || text === 'false') return false;
  if (text === 'true') return true;
  throw invalidParameter('commit', text, 'Cần "true" hoặc "false".', 'Expected "true" or "false".');
}

/**
 * Reads and checks the import's query: unknown parameters, the file name's extension, the CRS code,
 * the source id's form and the date; a commit needs a source. Whether the source exists is the
 * route's to check (it needs the store). Throws a bilingual 400 naming the parameter at fault.
 */
export function importParameters(request: Request): ImportParameters {
  rejectUnknownParameters(request, importQueryParameters);
  const fileName = fileNameParameter(request);
  const crs = crsParameter(request);
  const source = singleRawValue(request, 'source');
  if (source !== undefined && !SOURCE_ID.test(source)) {
    throw invalidParameter(
      'source',
      source,
      'Mã nguồn gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ "kh-4794".',
      'A source id has lower-case letters, digits and hyphens, e.g. "kh-4794".',
    );
  }
  const asOf = asOfParameter(request);
  const commit = commitParameter(request);
  if (commit && source === undefined) {
    throw missingParameter(
      'source',
      'ghi dữ liệu nhập phải dẫn văn bản nguồn (commit=true cần source=<mã nguồn>).',
      'an import written to the data must cite its source document (commit=true needs source=<id>).',
    );
  }
  return { fileName, crs, source, asOf, commit };
}
