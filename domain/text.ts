import { z } from 'zod';

/** A text in both interface languages. Vietnamese is the language of record; English is a translation. */
export const LocalizedText = z.object({ vi: z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof LocalizedText>;

export const Language = z.enum(['vi', 'en']);
export type Language = z.infer<typeof Language>;

/** An ISO calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();
