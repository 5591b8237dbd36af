import { describe, expect, test } from 'vitest';
import { CrsCodeError, crsCode, crsLabel, crsProj4, parseCrsCode } from './crs.ts';

describe('CRS codes', () => {
  test('read the fixed codes and their EPSG numbers', () => {
    expect(parseCrsCode('wgs84')).toEqual({ kind: 'wgs84' });
    expect(parseCrsCode('EPSG:4756')).toEqual({ kind: 'vn2000-geographic' });
    expect(parseCrsCode('vn2000-utm-48n')).toEqual({ kind: 'vn2000-utm', zone: 48 });
    expect(parseCrsCode('EPSG:3406')).toEqual({ kind: 'vn2000-utm', zone: 49 });
  });

  test('read a TM-3 zone by its meridian or by a province whose meridian is known', () => {
    expect(parseCrsCode('vn2000-tm3:108.25')).toEqual({ kind: 'vn2000-tm3', centralMeridianDegrees: 108.25 });
    expect(parseCrsCode('vn2000-tm3-province:khanh-hoa')).toEqual({
      kind: 'vn2000-tm3',
      centralMeridianDegrees: 108.25,
      provinceId: 'khanh-hoa',
    });
  });

  test('refuse unknown codes, meridians outside Viet Nam and provinces without a meridian', () => {
    expect(() => parseCrsCode('EPSG:2154')).toThrow(CrsCodeError);
    expect(() => parseCrsCode('vn2000-tm3:45')).toThrow(/not in Viet Nam/);
    expect(() => parseCrsCode('vn2000-tm3-province:ha-noi')).toThrow(/"ha-noi" is not known/);
  });

  test('write back the code they were read from', () => {
    for (const code of [
      'wgs84',
      'vn2000-geographic',
      'vn2000-utm-49n',
      'vn2000-tm3:106',
      'vn2000-tm3-province:hoa-binh',
    ]) {
      expect(crsCode(parseCrsCode(code))).toBe(code);
    }
  });

  test('name the zone in degrees and minutes, and give TM-3 its k = 0.9999 and UTM its 0.9996', () => {
    expect(crsLabel(parseCrsCode('vn2000-tm3:108.25')).vi).toContain('108°15′');
    expect(crsProj4(parseCrsCode('vn2000-tm3:108.25'))).toContain('+k=0.9999');
    expect(crsProj4(parseCrsCode('vn2000-utm-48n'))).toMatch(/\+proj=utm \+zone=48 .*\+towgs84=-191\.9/);
  });
});
