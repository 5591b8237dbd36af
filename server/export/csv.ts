import { stringify } from 'csv-stringify/sync';
import type { ExportColumn, ExportData } from './rows.ts';

/**
 * The header of a table export: Vietnamese, then English after a slash, as the national report's.
 *
 * @example exportHeader({ key: 'name_vi', header: { vi: 'Tên cụm', en: 'Name (Vietnamese)' }, kind: 'text' })
 * // 'Tên cụm / Name (Vietnamese)'
 */
export const exportHeader = (column: ExportColumn) => `${column.header.vi} / ${column.header.en}`;

/**
 * The table as CSV bytes: UTF-8 with a byte-order mark (so Excel shows Vietnamese intact), CRLF line
 * ends, the header row, one line per row. Unknown is an empty field, never 0; numbers are written
 * with a decimal point.
 */
export function toCsv(data: ExportData): Buffer {
  const csv = stringify(
    [
      data.columns.map(exportHeader),
      ...data.rows.map((row) => data.columns.map((column) => row[column.key] ?? null)),
    ],
    { bom: true, record_delimiter: 'windows' },
  );
  return Buffer.from(csv, 'utf8');
}
