import { describe, expect, test } from 'vitest';
import { formatDate, formatNumber } from './format.ts';

describe('formatNumber', () => {
  test('uses a decimal comma and dot grouping in Vietnamese', () => {
    expect(formatNumber(362.64, 'vi')).toBe('362,64');
    expect(formatNumber(4440, 'vi')).toBe('4.440');
  });

  test('uses a decimal point in English', () => {
    expect(formatNumber(362.64, 'en')).toBe('362.64');
    expect(formatNumber(866.605, 'en')).toBe('866.605');
  });
});

describe('formatDate', () => {
  test('writes day/month/year in Vietnamese', () => {
    expect(formatDate('2024-12-31', 'vi')).toBe('31/12/2024');
  });

  test('does not shift the day whatever the time zone', () => {
    expect(formatDate('2015-12-09', 'en')).toBe('09 Dec 2015');
  });
});
