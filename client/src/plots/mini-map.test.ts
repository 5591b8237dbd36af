import type { Polygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import { miniMapPaths } from './mini-map.ts';

const square = (west: number, south: number, side: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [west + side, south],
      [west + side, south + side],
      [west, south + side],
      [west, south],
    ],
  ],
});

describe('mini map', () => {
  test('fits a shape into the box, north up', () => {
    expect(miniMapPaths([square(0, 0, 1)], 100, 100, 0)).toEqual(['M0,100L100,100L100,0L0,0Z']);
  });

  test('draws a plot inside its cluster, in the same frame', () => {
    const [cluster, plot] = miniMapPaths(
      [square(108.97, 12.28, 0.01), square(108.974, 12.284, 0.001)],
      200,
      200,
      10,
    );
    expect(cluster).toMatch(/^M/);
    expect(plot).toMatch(/^M/);
    expect(plot).not.toBe(cluster);
  });

  test('draws nothing for no shapes', () => {
    expect(miniMapPaths([], 10, 10, 0)).toEqual([]);
  });
});
