import type { CrsChoice } from '../../domain/crs.ts';
import { type ImportFormat, MAX_IMPORT_FILE_BYTES } from '../../domain/import-api.ts';
import { type Bilingual, ImportFileError, type ImportProblem } from './problems.ts';
import { type FigureRow, readFiguresCsv } from './readers/csv.ts';
import { readGeojson } from './readers/geojson.ts';
import { readKml } from './readers/kml.ts';
import { readShapefileZip } from './readers/shapefile-zip.ts';
import { reprojectFeatures, type SourceFeature } from './reproject.ts';

// Shared with the client, which checks a file's size before sending it.
export { type ImportFormat, MAX_IMPORT_FILE_BYTES };

/** A file read and, for geometries, transformed to WGS84. `problems` stop the import; `notes` do not. */
export type ImportReading =
  | {
      format: Exclude<ImportFormat, 'csv'>;
      crs: CrsChoice;
      crsFrom: 'file' | 'user' | 'default';
      features: SourceFeature[];
      problems: ImportProblem[];
      notes: Bilingual[];
    }
  | {
      format: 'csv';
      rows: FigureRow[];
      unknownColumns: string[];
      problems: ImportProblem[];
      notes: Bilingual[];
    };

/** The format of a file, from its name, or from its first bytes when the name says nothing. */
export function importFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.zip')) return 'shapefile-zip';
  if (lower.endsWith('.kml')) return 'kml';
  if (lower.endsWith('.geojson') || lower.endsWith('.json')) return 'geojson';
  if (lower.endsWith('.csv')) return 'csv';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'shapefile-zip';
  throw new ImportFileError(
    `Không biết đọc "${fileName}": nhận .geojson, .kml, .zip (Shapefile) hoặc .csv (số liệu).`,
    `Cannot tell how to read "${fileName}": use .geojson, .kml, .zip (Shapefile) or .csv (figures).`,
  );
}

function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new ImportFileError(
      'Tệp không phải văn bản UTF-8; hãy lưu lại với bảng mã UTF-8.',
      'The file is not UTF-8 text; save it again as UTF-8.',
    );
  }
}

/**
 * Reads an import file of any supported format. Features come back in WGS84 longitude/latitude,
 * transformed from the CRS the file declares (GeoJSON `crs`, Shapefile .prj), or the user's
 * `crs`, which wins; coordinates that land outside Viet Nam are problems. A file that cannot be
 * read at all throws `ImportFileError`.
 */
export async function readImportFile(
  fileName: string,
  bytes: Uint8Array,
  options: { crs?: CrsChoice } = {},
): Promise<ImportReading> {
  if (bytes.length > MAX_IMPORT_FILE_BYTES) {
    throw new ImportFileError(
      `Tệp lớn hơn giới hạn ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB.`,
      `The file is over the ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB limit.`,
    );
  }
  const format = importFormat(fileName, bytes);
  if (format === 'csv') {
    const read = readFiguresCsv(utf8(bytes));
    return { format, ...read, notes: [] };
  }
  const notes: Bilingual[] = [];
  let read: Awaited<ReturnType<typeof readShapefileZip>> | ReturnType<typeof readGeojson>;
  if (format === 'shapefile-zip') read = await readShapefileZip(bytes, options);
  else if (format === 'geojson') read = readGeojson(utf8(bytes), options);
  else {
    read = readKml(utf8(bytes));
    if (options.crs && options.crs.kind !== 'wgs84') {
      notes.push({
        vi: 'KML luôn ở WGS84; hệ tọa độ đã chọn không áp dụng.',
        en: 'KML is always WGS84; the chosen CRS does not apply.',
      });
    }
  }
  const { features, problems } = reprojectFeatures(read.features, read.crs);
  return { format, crs: read.crs, crsFrom: read.crsFrom, features, problems, notes };
}
