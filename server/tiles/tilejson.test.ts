import { describe, expect, test } from 'vitest';
import { tileJson } from './tilejson.ts';

describe('tileJson', () => {
  test('points at this server and names the layer with its zooms and fields', () => {
    const document = tileJson('clusters', 'https://atlas.example.vn', null);
    expect(document).toMatchObject({
      tilejson: '3.0.0',
      tiles: ['https://atlas.example.vn/tiles/clusters/{z}/{x}/{y}.mvt'],
      minzoom: 4,
      maxzoom: 16,
      vector_layers: [{ id: 'clusters', minzoom: 4, maxzoom: 16 }],
    });
    expect(Object.keys(document.vector_layers[0]?.fields ?? {})).toContain('wastewater_state');
  });

  test('declares the plots tiles’ label points beside the plots', () => {
    const layers = tileJson('plots', 'http://localhost', null).vector_layers;
    expect(layers.map((layer) => [layer.id, layer.minzoom])).toEqual([
      ['plots', 13],
      ['plot_labels', 13],
    ]);
  });

  test("falls back to Viet Nam's extent when the layer is empty", () => {
    expect(tileJson('plots', 'http://localhost', null).bounds).toEqual([102.1, 8.4, 109.5, 23.4]);
  });

  test('rounds the data extent outward, so it still holds every feature', () => {
    const { bounds } = tileJson(
      'plots',
      'http://localhost',
      [108.97399139, 12.28039932, 108.97760009, 12.2832012],
    );
    expect(bounds).toEqual([108.973991, 12.280399, 108.977601, 12.283202]);
  });
});
