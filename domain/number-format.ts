import type { Language } from './text.ts';

const locales: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

/**
 * `362,64` in Vietnamese, `362.64` in English; at most three decimals, as the sources print them.
 *
 * @example formatNumber(4440, 'vi') // '4.440'
 */
export function formatNumber(value: number, language: Language, maximumFractionDigits = 3): string {
  return new Intl.NumberFormat(locales[language], { maximumFractionDigits }).format(value);
}

/** Formats in both languages at once, for texts the domain writes. */
export function bothLanguages(value: number, maximumFractionDigits = 3) {
  return {
    vi: formatNumber(value, 'vi', maximumFractionDigits),
    en: formatNumber(value, 'en', maximumFractionDigits),
  };
}
