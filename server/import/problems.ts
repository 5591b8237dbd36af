import type { ImportProblem } from '../../domain/import-api.ts';
import { invalidData } from '../errors.ts';

// Problems travel to the client in the plan, so their type lives in domain/.
export type { ImportProblem };

/** A text in both languages. */
export type Bilingual = { vi: string; en: string };

/** An import file that cannot be read at all: its format, its CRS, its archive. Nothing is written. */
export class ImportFileError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const MAX_LISTED_PROBLEMS = 10;

/**
 * The 422 for a refused import: one message listing the first few problems in full, as the plot
 * importer does.
 */
export function refusal(problems: readonly ImportProblem[]) {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
  const more = problems.length - listed.length;
  return invalidData(
    `Tệp không được nhập, không có gì thay đổi. ${listed.map((p) => p.vi).join(' ')}${more > 0 ? ` (và ${more} lỗi khác)` : ''}`,
    `The file was not imported; nothing changed. ${listed.map((p) => p.en).join(' ')}${more > 0 ? ` (and ${more} more)` : ''}`,
  );
}

/** A problem of one feature, prefixed with its number. */
export const featureProblem = (feature: number, text: Bilingual): ImportProblem => ({
  feature,
  vi: `Đối tượng ${feature}: ${text.vi}`,
  en: `Feature ${feature}: ${text.en}`,
});
