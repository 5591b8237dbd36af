import { describe, expect, test } from 'vitest';
import type { ClusterFeatureCollection } from '../../../domain/cluster.ts';
import { clusterAreas, clusterPoints } from './clusterFeatures.ts';
import { thematicLayers } from './thematic/layers.ts';

const collection: ClusterFeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [109, 12],
            [109.02, 12],
            [109.02, 12.02],
            [109, 12.02],
            [109, 12],
          ],
        ],
      },
      properties: {
        id: 'test',
        provinceId: 'khanh-hoa',
        name: { vi: 'CCN Thử', en: 'Test cluster' },
        aliases: [],
        stage: 'operating',
        stageSourceId: 'doc',
        locality: null,
        infrastructureInvestor: null,
        wastewaterPlant: null,
        infrastructure: {},
        clearance: null,
        obstacles: [],
        targets: [],
        figures: {},
        geometrySource: 'illustrative',
        sourceIds: ['doc'],
      },
    },
  ],
};

describe('cluster map features', () => {
  test('flatten the properties the layers read', () => {
    expect(clusterAreas(collection, thematicLayers.stage).features[0]?.properties).toEqual({
      id: 'test',
      stage: 'operating',
      name_vi: 'CCN Thử',
      name_en: 'Test cluster',
      geometrySource: 'illustrative',
      class: 'operating',
      color: '#009E73',
      ring: false,
      symbol: 'dot',
      icon: '',
    });
  });

  test('place one point per cluster at its centroid', () => {
    const [point] = clusterPoints(collection, thematicLayers.stage).features;
    expect(point?.geometry.coordinates[0]).toBeCloseTo(109.01, 6);
    expect(point?.geometry.coordinates[1]).toBeCloseTo(12.01, 6);
  });

  test('do not mutate the collection', () => {
    const before = JSON.stringify(collection);
    clusterAreas(collection, thematicLayers.stage);
    clusterPoints(collection, thematicLayers.stage);
    expect(JSON.stringify(collection)).toBe(before);
  });
});
