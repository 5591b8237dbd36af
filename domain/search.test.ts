import { describe, expect, test } from 'vitest';
import { foldForSearch, matchesSearch } from './search.ts';

describe('foldForSearch', () => {
  test('removes tone marks and vowel diacritics', () => {
    expect(foldForSearch('Diên Thọ')).toBe('dien tho');
    expect(foldForSearch('Trảng É')).toBe('trang e');
    expect(foldForSearch('Khánh Hòa')).toBe('khanh hoa');
    expect(foldForSearch('Ninh Ích, Cam Thịnh Đông, Sông Cầu')).toBe('ninh ich, cam thinh dong, song cau');
  });

  test('folds đ and Đ, which do not decompose, to d', () => {
    expect(foldForSearch('Đông Đức đường')).toBe('dong duc duong');
  });

  test('folds precomposed and decomposed input alike', () => {
    expect(foldForSearch('Thọ'.normalize('NFC'))).toBe(foldForSearch('Thọ'.normalize('NFD')));
  });

  test('lower-cases and collapses whitespace', () => {
    expect(foldForSearch('  CCN\tDIÊN \n  THỌ  ')).toBe('ccn dien tho');
  });

  test('leaves an empty text empty', () => {
    expect(foldForSearch('   ')).toBe('');
  });
});

describe('matchesSearch', () => {
  test('finds a name typed without diacritics', () => {
    expect(matchesSearch('CCN Diên Thọ', 'dien tho')).toBe(true);
  });

  test('ignores case', () => {
    expect(matchesSearch('CCN Diên Thọ', 'DIEN THO')).toBe(true);
  });

  test('finds a name typed with its diacritics', () => {
    expect(matchesSearch('CCN Diên Thọ', 'Diên Thọ')).toBe(true);
  });

  test('needs every word of the query, in any order', () => {
    expect(matchesSearch('Trảng É 2', 'trang e 2')).toBe(true);
    expect(matchesSearch('Trảng É 2', '2 trang')).toBe(true);
    expect(matchesSearch('Trảng É 2', 'trang e 3')).toBe(false);
  });

  test('matches part of a word', () => {
    expect(matchesSearch('CCN Diên Thọ', 'dien th')).toBe(true);
  });

  test('does not match another name', () => {
    expect(matchesSearch('CCN Diên Thọ', 'ninh xuan')).toBe(false);
  });

  test('matches everything with an empty or blank query', () => {
    expect(matchesSearch('CCN Diên Thọ', '')).toBe(true);
    expect(matchesSearch('CCN Diên Thọ', '   ')).toBe(true);
  });
});
