import { describe, expect, test } from 'vitest';
import { readFiguresCsv } from './csv.ts';

describe('figures CSV reader', () => {
  test('maps Vietnamese headers, reads decimal commas with a ";" separator, lists unknown columns', () => {
    const csv =
      'Mã cụm;Tên cụm;Diện tích quy hoạch (ha);Số lao động;Ghi chú\nsong-cau;CCN Sông Cầu;27,5;1.200;x\n';
    const { rows, unknownColumns, problems } = readFiguresCsv(csv);
    expect(problems).toEqual([]);
    expect(unknownColumns).toEqual(['Ghi chú']);
    expect(rows).toEqual([
      {
        row: 2,
        clusterId: 'song-cau',
        clusterName: 'CCN Sông Cầu',
        asOf: null,
        figures: {
          plannedAreaHa: { value: 27.5, approximate: false },
          workerCount: { value: 1.2, approximate: false },
        },
      },
    ]);
  });

  test('reads English headers with "," and quoted decimal commas', () => {
    const { rows } = readFiguresCsv('cluster,plannedAreaHa,asOf\nsong-cau,"27,5",2024-06-14\n');
    expect(rows[0]).toMatchObject({
      clusterId: 'song-cau',
      asOf: '2024-06-14',
      figures: { plannedAreaHa: { value: 27.5 } },
    });
  });

  test('names every non-numeric cell and bad date with its row', () => {
    const { problems } = readFiguresCsv('cluster,plannedAreaHa,asOf\nsong-cau,hai mươi,14/6/2024\n');
    expect(problems.map((problem) => problem.en)).toEqual([
      'Row 2: "plannedAreaHa" is not a number: "hai mươi".',
      'Row 2: date "14/6/2024" must be written YYYY-MM-DD.',
    ]);
  });

  test('refuses a CSV with no cluster column or no figure column', () => {
    expect(() => readFiguresCsv('plannedAreaHa\n3\n')).toThrow(/needs a "cluster"/);
    expect(() => readFiguresCsv('cluster,colour\nsong-cau,red\n')).toThrow(/no figure column/);
  });
});
