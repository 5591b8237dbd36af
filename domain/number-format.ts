import type { Language } from './text.ts';

const locales: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

/** One formatter per language and precision: making one costs far more than using it. */
const formats = new Map<string, Intl.NumberFormat>();

/**
 * `362,64` in Vietnamese, `362.64` in English; at most three decimals, as the sources print them.
 *
 * @example formatNumber(4440, 'vi') // '4.440'
 */
export function formatNumber(value: number, language: Language, maximumFractionDigits = 3): string {
  // A whole number under a thousand is written the same in both languages, with no separator: the
  // legend's counts, most of what a map page formats. Skipping Intl there spares the first map the
  // locale data's loading (~100 ms of a slowed CPU, bench/first-map.ts).
  if (Number.isInteger(value) && Math.abs(value) < 1000 && !Object.is(value, -0)) return String(value);
  const key = `${language}/${maximumFractionDigits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locales[language], { maximumFractionDigits });
    formats.set(key, format);
  }
  return format.format(value);
}

/** Formats in both languages at once, for texts the domain writes. */
export function bothLanguages(value: number, maximumFractionDigits = 3) {
  return {
    vi: formatNumber(value, 'vi', maximumFractionDigits),
    en: formatNumber(value, 'en', maximumFractionDigits),
  };
}
