import type { Language } from '../../../domain/text.ts';

export { formatNumber } from '../../../domain/number-format.ts';

const locales: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

/** `31/12/2024` in Vietnamese, `31 Dec 2024` in English, from an ISO date, without time-zone drift. */
export function formatDate(isoDate: string, language: Language): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
  return new Intl.DateTimeFormat(locales[language], {
    timeZone: 'UTC',
    day: '2-digit',
    month: language === 'vi' ? '2-digit' : 'short',
    year: 'numeric',
  }).format(date);
}
