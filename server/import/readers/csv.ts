import { parse } from 'csv-parse/sync';
import { type FigureKey, fieldRole, readNumber } from '../fields.ts';
import { ImportFileError, type ImportProblem } from '../problems.ts';

/** One row of a figures CSV: the cluster it names and the figures it gives. `row` is the line number. */
export type FigureRow = {
  row: number;
  clusterId: string | null;
  clusterName: string | null;
  asOf: string | null;
  figures: Partial<Record<FigureKey, { value: number; approximate: boolean }>>;
};

/** The separator of a CSV: `;` (Excel in a Vietnamese locale, with decimal commas), tab or `,`. */
function delimiterOf(headerLine: string): string {
  const count = (char: string) => headerLine.split(char).length - 1;
  const [best] = [';', '\t', ','].sort((a, b) => count(b) - count(a));
  return best && count(best) > 0 ? best : ',';
}

/**
 * Reads a CSV of figures keyed by cluster: a column naming the cluster by id ("Mã cụm", "cluster",
 * "id") or by name ("Tên cụm", "name"), and figure columns by their Vietnamese or English headers
 * ("Diện tích quy hoạch (ha)" or "plannedAreaHa", …); optionally a date column ("Ngày số liệu",
 * "asOf"). Numbers may use a decimal comma. Unknown columns are listed, not read; every bad cell
 * is a problem.
 */
export function readFiguresCsv(text: string): {
  rows: FigureRow[];
  unknownColumns: string[];
  problems: ImportProblem[];
} {
  const source = text.replace(/^\uFEFF/, '');
  let records: string[][];
  try {
    records = parse(source, {
      delimiter: delimiterOf(source.split(/\r?\n/, 1)[0] ?? ''),
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    throw new ImportFileError(
      `Tệp CSV không đọc được: ${(error as Error).message}`,
      `The CSV cannot be read: ${(error as Error).message}`,
    );
  }
  const [headers = [], ...body] = records;
  const roles = headers.map(fieldRole);
  if (!roles.some((role) => role?.role === 'id' || role?.role === 'name')) {
    throw new ImportFileError(
      'Tệp CSV cần một cột "Mã cụm" (cluster) hoặc "Tên cụm" (name).',
      'The CSV needs a "cluster" (Mã cụm) or "name" (Tên cụm) column.',
    );
  }
  if (!roles.some((role) => role?.role === 'figure')) {
    throw new ImportFileError(
      'Tệp CSV không có cột số liệu nào nhận ra được (ví dụ "Diện tích quy hoạch (ha)").',
      'The CSV has no figure column it knows (e.g. "plannedAreaHa").',
    );
  }
  const unknownColumns = headers.filter((_, index) => roles[index] === null);
  const problems: ImportProblem[] = [];
  const rows = body.map((cells, index): FigureRow => {
    const row: FigureRow = { row: index + 2, clusterId: null, clusterName: null, asOf: null, figures: {} };
    cells.forEach((cell, column) => {
      const role = roles[column];
      const header = headers[column] ?? '';
      if (!role || cell === '') return;
      if (role.role === 'id') row.clusterId = cell;
      else if (role.role === 'name') row.clusterName = cell;
      else if (role.role === 'asOf') {
        if (/^\d{4}-\d{2}-\d{2}$/.test(cell)) row.asOf = cell;
        else
          problems.push({
            feature: row.row,
            vi: `Dòng ${row.row}: ngày "${cell}" phải viết YYYY-MM-DD.`,
            en: `Row ${row.row}: date "${cell}" must be written YYYY-MM-DD.`,
          });
      } else {
        const number = readNumber(cell);
        if (number === 'invalid') {
          problems.push({
            feature: row.row,
            vi: `Dòng ${row.row}: "${header}" không phải là số: "${cell}".`,
            en: `Row ${row.row}: "${header}" is not a number: "${cell}".`,
          });
        } else if (number !== null) {
          row.figures[role.key] = number;
        }
      }
    });
    return row;
  });
  return { rows, unknownColumns, problems };
}
