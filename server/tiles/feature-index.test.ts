import { describe, expect, test } from 'vitest';
import { roundLikeNumeric4 } from './feature-index.ts';

describe('roundLikeNumeric4', () => {
  // round((x::float8 / 10000)::numeric, 4)::float8, as PostgreSQL 15 gives it.
  test.each([
    [1.5, 0.0002],
    [12345.5, 1.2346],
    [0.5, 0.0001],
    [5, 0.0005],
    [4.99999999, 0.0005],
    [123456789.123, 12345.6789],
    [0.00001, 0],
    [23456.5, 2.3457],
    [1e-12, 0],
    [99999.5, 10],
    [4500.5, 0.4501],
    [1234.45, 0.1234],
    [0.25, 0],
    [3327.7940484806895, 0.3328],
    [0.65, 0.0001],
    [6.5, 0.0007],
  ])('%f m² reads %f ha, as the ST_AsMVT path has it', (squareMetres, hectares) => {
    expect(roundLikeNumeric4(squareMetres / 10000)).toBe(hectares);
  });
});
