import { describe, expect, test } from 'vitest';
import { fieldRole, readNumber } from './fields.ts';

describe('field roles', () => {
  test('know Vietnamese and English headers, diacritics, case and units optional', () => {
    expect(fieldRole('Mã cụm')).toEqual({ role: 'id' });
    expect(fieldRole('cluster')).toEqual({ role: 'id' });
    expect(fieldRole('Tên cụm')).toEqual({ role: 'name' });
    expect(fieldRole('ten_cum')).toEqual({ role: 'name' });
    expect(fieldRole('Diện tích quy hoạch (ha)')).toEqual({
      role: 'figure',
      key: 'plannedAreaHa',
      unit: 'ha',
    });
    expect(fieldRole('plannedAreaHa')).toEqual({ role: 'figure', key: 'plannedAreaHa', unit: 'ha' });
    expect(fieldRole('Số lao động')).toMatchObject({ key: 'workerCount', unit: 'people' });
    expect(fieldRole('Tỷ lệ GPMB (%)')).toMatchObject({ key: 'clearedSharePercent' });
  });

  test('are null for a field the import does not know', () => {
    expect(fieldRole('ghi_chu')).toBeNull();
    expect(fieldRole('colour')).toBeNull();
  });
});

describe('reading numbers', () => {
  test('accept a Vietnamese decimal comma, a point, and thousands separators', () => {
    expect(readNumber('27,5')).toEqual({ value: 27.5, approximate: false });
    expect(readNumber('27.5')).toEqual({ value: 27.5, approximate: false });
    expect(readNumber('1.234,5')).toEqual({ value: 1234.5, approximate: false });
    expect(readNumber('1,234.5')).toEqual({ value: 1234.5, approximate: false });
    expect(readNumber('1.234.567')).toEqual({ value: 1234567, approximate: false });
    expect(readNumber('75 %')).toEqual({ value: 75, approximate: false });
  });

  test('mark "khoảng" and "~" as approximate', () => {
    expect(readNumber('khoảng 20 ha')).toEqual({ value: 20, approximate: true });
    expect(readNumber('~3,5')).toEqual({ value: 3.5, approximate: true });
  });

  test('give null for an empty cell (unknown, never 0) and invalid for text', () => {
    expect(readNumber('  ')).toBeNull();
    expect(readNumber('hai mươi')).toBe('invalid');
    expect(readNumber('1,2,3')).toBe('invalid');
    expect(readNumber('12abc')).toBe('invalid');
  });
});
