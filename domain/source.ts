import { z } from 'zod';
import { IsoDate, LocalizedText } from './text.ts';

/**
 * A document a figure comes from (nguồn). `issuedOn` is null when the text we hold gives no date:
 * the interface then says so instead of guessing one.
 */
export const Source = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: LocalizedText,
  /** Document number as printed, e.g. `4794/KH-UBND`; null when the text is not a numbered document. */
  number: z.string().nullable(),
  issuer: LocalizedText,
  issuedOn: IsoDate.nullable(),
  /** File name of the text as received, under shared/sources. */
  file: z.string(),
  note: LocalizedText.optional(),
});
export type Source = z.infer<typeof Source>;
