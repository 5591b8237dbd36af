import type { Language } from '../../../../domain/text.ts';

/** A number as the editor types it: `27,5` in Vietnamese, `27.5` in English, unformatted. */
export function numberText(value: number, language: Language): string {
  const text = String(value);
  return language === 'vi' ? text.replace('.', ',') : text;
}

/**
 * A number typed in either language's way: a decimal comma (`27,5`), a decimal point (`27.5`),
 * thousands grouped the language's way (`4.440` in Vietnamese, `4,440` in English). Null when it is
 * not a non-negative number.
 *
 * @example parseDecimal('1.234,5', 'vi') // 1234.5
 */
export function parseDecimal(input: string, language: Language): number | null {
  let text = input.replace(/[\s\u00a0\u202f]/g, '');
  const comma = text.includes(',');
  const dot = text.includes('.');
  if (comma && dot) {
    const decimal = text.lastIndexOf(',') > text.lastIndexOf('.') ? ',' : '.';
    text = text
      .split(decimal === ',' ? '.' : ',')
      .join('')
      .replace(',', '.');
  } else if (comma) {
    text =
      language === 'en' && /^\d{1,3}(,\d{3})+$/.test(text) ? text.replace(/,/g, '') : text.replace(',', '.');
  } else if (dot && language === 'vi' && /^\d{1,3}(\.\d{3})+$/.test(text)) {
    text = text.replace(/\./g, '');
  }
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}
