import { describe, expect, test } from 'vitest';
import { HttpError } from '../errors.ts';
import { parseTileAddress } from './tile-address.ts';

const statusOf = (params: { layer: string; z: string; x: string; file: string }) => {
  try {
    parseTileAddress(params);
    return 200;
  } catch (error) {
    return error instanceof HttpError ? error.status : 500;
  }
};

describe('parseTileAddress', () => {
  test('reads a tile of the grid', () => {
    expect(parseTileAddress({ layer: 'plots', z: '14', x: '13151', file: '7628.mvt' })).toEqual({
      layer: 'plots',
      z: 14,
      x: 13151,
      y: 7628,
    });
    expect(parseTileAddress({ layer: 'clusters', z: '0', x: '0', file: '0.mvt' })).toMatchObject({ z: 0 });
  });

  test('takes the last tile of a zoom and refuses the one past it', () => {
    expect(statusOf({ layer: 'clusters', z: '22', x: String(2 ** 22 - 1), file: `${2 ** 22 - 1}.mvt` })).toBe(
      200,
    );
    expect(statusOf({ layer: 'clusters', z: '3', x: '8', file: '0.mvt' })).toBe(400);
    expect(statusOf({ layer: 'clusters', z: '3', x: '0', file: '8.mvt' })).toBe(400);
  });

  test.each(['-1', '23', '1.5', 'abc', '', '1e1', '+1', '01', ' 1', '0x1', '99999999999'])(
    'refuses z = "%s" with a 400',
    (z) => {
      expect(statusOf({ layer: 'clusters', z, x: '0', file: '0.mvt' })).toBe(400);
    },
  );

  test('refuses a file that is not {y}.mvt', () => {
    for (const file of ['0.png', '0', '.mvt', '0.mvt.mvt', '../0.mvt']) {
      expect(statusOf({ layer: 'clusters', z: '1', x: '0', file })).toBe(400);
    }
  });

  test('answers 404 for an unknown layer, before looking at the numbers', () => {
    expect(statusOf({ layer: 'roads', z: 'abc', x: '0', file: '0.mvt' })).toBe(404);
    expect(statusOf({ layer: '__proto__', z: '1', x: '0', file: '0.mvt' })).toBe(404);
  });
});
