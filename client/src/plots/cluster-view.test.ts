import { describe, expect, test } from 'vitest';
import { clusterView } from './cluster-view.ts';

const square = (west: number, south: number, side: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [west, south] as [number, number],
      [west + side, south] as [number, number],
      [west + side, south + side] as [number, number],
      [west, south + side] as [number, number],
      [west, south] as [number, number],
    ],
  ],
});

describe('the camera on a cluster', () => {
  test('centres on the boundary’s box, close enough for its plots to be drawn', () => {
    const view = clusterView(square(109, 12, 0.007));
    expect(view.longitude).toBeCloseTo(109.0035, 6);
    expect(view.latitude).toBeCloseTo(12.0035, 6);
    expect(view.zoom).toBeGreaterThan(15);
    expect(view.zoom).toBeLessThan(17);
  });

  test('never zooms out past where plots are drawn, nor in past a few streets', () => {
    expect(clusterView(square(109, 12, 1)).zoom).toBe(13);
    expect(clusterView(square(109, 12, 0.00001)).zoom).toBe(17);
    const parts = {
      type: 'MultiPolygon' as const,
      coordinates: [square(109, 12, 0.002).coordinates, square(109.01, 12, 0.002).coordinates],
    };
    expect(clusterView(parts).longitude).toBeCloseTo(109.006, 6);
  });
});
