import ExcelJS from 'exceljs';
import { exportHeader } from './csv.ts';
import { type ExportColumn, type ExportColumnKind, type ExportData, illustrativeNote } from './rows.ts';

/** Excel number formats by column kind: hectares with two decimals. */
const numberFormats: Partial<Record<ExportColumnKind, string>> = {
  hectares: '#,##0.00',
  number: '#,##0.##',
  integer: '#,##0',
};

const MIN_WIDTH = 8;
const MAX_WIDTH = 48;

/** A width that fits the longest line of the header and the longest cell, within bounds. */
function columnWidth(column: ExportColumn, data: ExportData): number {
  const cells = data.rows.map((row) => {
    const value = row[column.key];
    return value === null || value === undefined ? 0 : String(value).length;
  });
  // The header wraps: its longer language sets the width.
  const header = Math.max(column.header.vi.length, column.header.en.length + 2);
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, header * 0.9, ...cells.map((length) => length + 2)));
}

const boldHeader = (row: ExcelJS.Row) => {
  row.font = { bold: true };
  row.alignment = { vertical: 'top', wrapText: true };
};

/**
 * The export as an Excel workbook (.xlsx): a sheet named after the collection ("Cụm công nghiệp",
 * "Lô đất") with a bold, frozen vi / en header row, sized columns, numbers as numbers (hectares with
 * two decimals) and unknown figures as empty cells, their source column saying "chưa có số liệu";
 * and a sheet "Nguồn" listing every cited source, with the illustrative note when it applies.
 */
export async function toXlsx(data: ExportData, exportedOn: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CCN Atlas';
  workbook.title = data.title.vi;

  const table = workbook.addWorksheet(data.title.vi, { views: [{ state: 'frozen', ySplit: 1 }] });
  table.columns = data.columns.map((column) => ({
    key: column.key,
    width: columnWidth(column, data),
    style: numberFormats[column.kind] ? { numFmt: numberFormats[column.kind] } : {},
  }));
  // The same header text as the CSV's, so a column reads the same in every format.
  boldHeader(table.addRow(data.columns.map(exportHeader)));
  for (const row of data.rows) {
    // Unknown stays an empty cell: exceljs leaves null cells out.
    table.addRow(data.columns.map((column) => row[column.key] ?? null));
  }
  table.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: data.columns.length } };

  const sources = workbook.addWorksheet('Nguồn', { views: [{ state: 'frozen', ySplit: 1 }] });
  sources.columns = [
    { key: 'index', width: 6 },
    { key: 'number', width: 18 },
    { key: 'title', width: 60 },
    { key: 'issuer', width: 36 },
    { key: 'issuedOn', width: 14 },
    { key: 'file', width: 28 },
    { key: 'id', width: 24 },
  ];
  boldHeader(
    sources.addRow([
      'STT\nNo.',
      'Số hiệu\nNumber',
      'Tên văn bản\nTitle',
      'Cơ quan ban hành\nIssuer',
      'Ngày ban hành\nIssued on',
      'Tệp\nFile',
      'Mã nguồn\nSource id',
    ]),
  );
  data.sources.forEach((source, index) => {
    sources.addRow([
      index + 1,
      source.number ?? 'không có số hiệu',
      source.title.vi,
      source.issuer.vi,
      source.issuedOn ?? 'không rõ ngày',
      source.file,
      source.id,
    ]);
  });
  sources.addRow([]);
  if (data.illustrative) {
    const note = sources.addRow([illustrativeNote.vi]);
    note.font = { bold: true, color: { argb: 'FFB00020' } };
    sources.addRow([illustrativeNote.en]);
  }
  sources.addRow(['Ô trống: chưa có số liệu (không phải 0). Cột "Nguồn — …" ghi rõ "chưa có số liệu".']);
  sources.addRow([`Xuất từ CCN Atlas ngày ${exportedOn}.`]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
