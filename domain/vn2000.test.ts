import geographiclib from 'geographiclib-geodesic';
import proj4 from 'proj4';
import { describe, expect, test } from 'vitest';
import {
  provinceCentralMeridian,
  provinceCentralMeridians,
  vn2000DatumProj4,
  vn2000Tm3Proj4,
} from './vn2000.ts';

describe('vn2000Tm3Proj4', () => {
  test('is the TM-3 zone of the central meridian on the VN-2000 datum', () => {
    expect(vn2000Tm3Proj4(108.25)).toBe(
      '+proj=tmerc +lat_0=0 +lon_0=108.25 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 ' +
        '+towgs84=-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278 ' +
        '+units=m +no_defs',
    );
  });

  test('puts the central meridian at 500 000 m east, its length from the equator scaled by 0.9999', () => {
    // From VN-2000 longitude/latitude, so the datum shift (about 200 m) does not enter.
    const vn2000LonLat = `+proj=longlat ${vn2000DatumProj4} +no_defs`;
    const [x = 0, y = 0] = proj4(vn2000LonLat, vn2000Tm3Proj4(106)).forward([106, 20]);
    const meridianArcMetres = geographiclib.Geodesic.WGS84.Inverse(0, 106, 20, 106).s12 ?? 0;
    expect(x).toBeCloseTo(500_000, 2); // to the centimetre: proj4 round-trips through geocentric
    expect(y).toBeCloseTo(0.9999 * meridianArcMetres, 2);
  });

  test('moves a WGS84 point about 200 m through the datum shift', () => {
    const definition = vn2000Tm3Proj4(108.25);
    const shifted = proj4('WGS84', definition).forward([109.1, 12.26]);
    const unshifted = proj4('WGS84', definition.replace(/\+towgs84=\S+ /, '')).forward([109.1, 12.26]);
    const metres = Math.hypot(
      (shifted[0] ?? 0) - (unshifted[0] ?? 0),
      (shifted[1] ?? 0) - (unshifted[1] ?? 0),
    );
    expect(metres).toBeGreaterThan(150);
    expect(metres).toBeLessThan(300);
  });

  test('refuses a meridian that is not a longitude', () => {
    expect(() => vn2000Tm3Proj4(Number.NaN)).toThrow(RangeError);
    expect(() => vn2000Tm3Proj4(190)).toThrow(RangeError);
  });

  test('uses the WGS84 ellipsoid with the seven-parameter shift', () => {
    expect(vn2000DatumProj4).toMatch(/^\+ellps=WGS84 \+towgs84=(-?[\d.]+,){6}-?[\d.]+$/);
  });
});

describe('provinceCentralMeridian', () => {
  test('knows Khánh Hòa (108°15′) and Hòa Bình (106°00′)', () => {
    expect(provinceCentralMeridian('khanh-hoa')).toBe(108 + 15 / 60);
    expect(provinceCentralMeridian('hoa-binh')).toBe(106);
  });

  test('lists only the two meridians that were checked', () => {
    expect(Object.keys(provinceCentralMeridians).sort()).toEqual(['hoa-binh', 'khanh-hoa']);
  });

  test('is unknown for any other province, including names on Object.prototype', () => {
    expect(provinceCentralMeridian('ha-noi')).toBeNull();
    expect(provinceCentralMeridian('constructor')).toBeNull();
    expect(provinceCentralMeridian('toString')).toBeNull();
  });
});
