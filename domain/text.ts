import { z } from 'zod';

/** A text in both interface languages. Vietnamese is the language of record; English is a translation. */
export const LocalizedText = z.object({ vi: z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof LocalizedText>;

export const Language = z.enum(['vi', 'en']);
export type Language = z.infer<typeof Language>;

/** An ISO calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();

/**
 * A value with every string in it in Unicode NFC, arrays and plain objects walked through: Vietnamese
 * typed on one system arrives precomposed ("ò", NFC), on another decomposed ("o" + U+0300, NFD, as
 * macOS file names and some keyboards give it). Stored NFC, one name is one string: equal, sorted
 * and matched alike.
 *
 * @example toNfc({ label: 'Lo\u0302 Ho\u0300a' }) // { label: 'Lô Hòa' }
 */
export function toNfc<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((item) => toNfc(item)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toNfc(item)])) as T;
  }
  return value;
}
