import { stringify } from 'csv-stringify/sync';
import type { ExportColumn, ExportData } from './rows.ts';

/**
 * The header of a table export: Vietnamese, then English after a slash, as the national report's.
 *
 * @example exportHeader({ key: 'name_vi', header: { vi: 'Tên cụm', en: 'Name (Vietnamese)' }, kind: 'text' })
 * // 'Tên cụm / Name (Vietnamese)'
 */
export const exportHeader = (column: ExportColumn) => `${column.header.vi} / ${column.header.en}`;

/** What a spreadsheet reads as the start of a formula when a cell begins with it (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell as Excel must read it: a text that would start a formula (`=HYPERLINK(…)`, `+1`, `-2+3`,
 * `@SUM(…)`, a tab) gets a leading apostrophe, so it shows as the text it is (OWASP "CSV injection").
 * Numbers, negative ones included, are numbers and stay as they are.
 *
 * @example csvCell('=1+1') // "'=1+1"
 * @example csvCell(-2.5) // -2.5
 */
export const csvCell = <T>(value: T): T | string =>
  typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;

/**
 * The table as CSV bytes: UTF-8 with a byte-order mark (so Excel shows Vietnamese intact), CRLF line
 * ends, the header row, one line per row. Unknown is an empty field, never 0; numbers are written
 * with a decimal point. A text that a spreadsheet would run as a formula is written with a leading
 * apostrophe (`csvCell`).
 */
export function toCsv(data: ExportData): Buffer {
  const csv = stringify(
    [
      data.columns.map(exportHeader),
      ...data.rows.map((row) => data.columns.map((column) => csvCell(row[column.key] ?? null))),
    ],
    { bom: true, record_delimiter: 'windows' },
  );
  return Buffer.from(csv, 'utf8');
}
