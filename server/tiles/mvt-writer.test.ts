import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, test } from 'vitest';
import { type MvtFeature, writeMvt } from './mvt-writer.ts';
import type { TileRing } from './tile-geometry.ts';

const square = (x0: number, y0: number, x1: number, y1: number): TileRing => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const hole = (x0: number, y0: number, x1: number, y1: number): TileRing => [
  [x0, y0],
  [x0, y1],
  [x1, y1],
  [x1, y0],
  [x0, y0],
];

const plots: MvtFeature[] = [
  {
    type: 3,
    geometry: [square(10, 10, 200, 100), hole(50, 40, 80, 70), square(-64, 4000, 4160, 4160)],
    tags: { id: 'p-1', area_ha: 0.2573, infra_min: 40, wastewater_compliant: false, missing: null },
  },
  {
    type: 3,
    geometry: [square(300, 300, 400, 420)],
    tags: { id: 'p-2', area_ha: 1, infra_min: 40, wastewater_compliant: true, offset: -3 },
  },
];
const labels: MvtFeature[] = [{ type: 1, geometry: [[105, 55]], tags: { id: 'p-1', label: 'Lô A-01' } }];

const decode = (bytes: Uint8Array) => new VectorTile(new PbfReader(bytes));

describe('writeMvt', () => {
  test('writes what a decoder reads back: layers, properties, rings and points', () => {
    const tile = decode(writeMvt({ plots, plot_labels: labels }, 4096));
    expect(Object.keys(tile.layers)).toEqual(['plots', 'plot_labels']);
    const layer = tile.layers.plots;
    expect(layer?.version).toBe(2);
    expect(layer?.extent).toBe(4096);
    expect(layer?.length).toBe(2);
    const first = layer?.feature(0);
    expect(first?.type).toBe(3);
    expect(layer?.feature(1).properties).toMatchObject({
      area_ha: 1,
      wastewater_compliant: true,
      offset: -3,
    });
    const rings = first?.loadGeometry().map((ring) => ring.map((p) => [p.x, p.y])) ?? [];
    expect(rings).toHaveLength(3);
    expect(rings[0]).toEqual(square(10, 10, 200, 100));
    expect(rings[1]).toEqual(hole(50, 40, 80, 70));
    expect(rings[2]?.[0]).toEqual([-64, 4000]);
    const label = tile.layers.plot_labels?.feature(0);
    expect(label?.type).toBe(1);
    expect(label?.loadGeometry()[0]?.[0]).toMatchObject({ x: 105, y: 55 });
    expect(label?.properties.label).toBe('Lô A-01');
  });

  test('leaves null properties out, as ST_AsMVT does', () => {
    const first = decode(writeMvt({ plots }, 4096)).layers.plots?.feature(0);
    expect(first?.properties).toEqual({
      id: 'p-1',
      area_ha: 0.2573,
      infra_min: 40,
      wastewater_compliant: false,
    });
  });

  test('writes closed rings as MVT wants them: one MoveTo, LineTos, ClosePath; the winding kept', () => {
    const ring = decode(writeMvt({ plots }, 4096)).layers.plots?.feature(1).loadGeometry()[0] ?? [];
    // ClosePath stands for the repeated first point: the decoder gives it back.
    expect(ring.map((p) => [p.x, p.y])).toEqual(square(300, 300, 400, 420));
    const signed = ring
      .slice(0, -1)
      .reduce((sum, p, i) => sum + p.x * (ring[i + 1]?.y ?? 0) - (ring[i + 1]?.x ?? 0) * p.y, 0);
    expect(signed).toBeGreaterThan(0);
  });

  test('leaves out layers with no feature, and writes nothing when none has one', () => {
    expect(writeMvt({ plots: [] }, 4096)).toHaveLength(0);
    expect(Object.keys(decode(writeMvt({ a: [], plot_labels: labels }, 4096)).layers)).toEqual([
      'plot_labels',
    ]);
  });

  test('holds a long layer', () => {
    const features: MvtFeature[] = Array.from({ length: 3000 }, (_, i) => ({
      type: 3,
      geometry: [square(i % 4000, 0, (i % 4000) + 5, 5)],
      tags: { id: `feature-${i}`, name: 'x'.repeat(i % 200) },
    }));
    const layer = decode(writeMvt({ many: features }, 4096)).layers.many;
    expect(layer?.length).toBe(3000);
    expect(layer?.feature(2999).properties.id).toBe('feature-2999');
    expect(layer?.feature(199).properties.name).toHaveLength(199);
  });
});
