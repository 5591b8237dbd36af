import { describe, expect, test } from 'vitest';
import type { ClusterFeature } from '../../domain/cluster.ts';
import { clusterProperties, plotProperties, wastewaterPlantProperties } from './collections.ts';
import { clusterFeature, clusterIdOfPlant, plotFeature, wastewaterPlantFeature } from './features.ts';
import { escapeHtml } from './html.ts';

const done = { value: 'done', sourceId: 's' } as const;

const cluster: ClusterFeature = {
  type: 'Feature',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [108, 12],
        [108.01, 12],
        [108.01, 12.01],
        [108, 12],
      ],
    ],
  },
  properties: {
    id: 'cum-a',
    provinceId: 'khanh-hoa',
    name: { vi: 'CCN A', en: 'A cluster' },
    aliases: [],
    stage: 'operating',
    stageSourceId: 's',
    locality: null,
    infrastructureInvestor: { value: { kind: 'state-budget' }, sourceId: 's' },
    wastewaterPlant: { value: { state: 'building' }, sourceId: 's' },
    infrastructure: { internalRoads: done, sidewalks: done, greenSpace: done },
    clearance: null,
    obstacles: [],
    targets: [],
    figures: {
      leasableIndustrialLandHa: { value: 3, unit: 'ha', approximate: false, sourceId: 's', asOf: null },
      leasedIndustrialLandHa: { value: 1, unit: 'ha', approximate: false, sourceId: 's', asOf: null },
    },
    geometrySource: 'illustrative',
    sourceIds: ['s', 't'],
  },
};

describe('OGC feature mapping', () => {
  test('fills exactly the catalog’s properties, in its order', () => {
    expect(Object.keys(clusterFeature(cluster).properties)).toEqual(clusterProperties.map((p) => p.name));
    const plot = plotFeature({
      properties: {
        id: 'p-1',
        clusterId: 'cum-a',
        provinceId: 'khanh-hoa',
        label: 'A-01',
        status: 'leased',
        permittedIndustries: ['Cơ khí', 'Dệt may'],
        tenant: 'Công ty X',
        contact: null,
        origin: 'import',
        sourceId: 's',
        asOf: '2024-06-14',
      },
      areaM2: 4000.123,
      areaMeasure: 'vn2000-plane',
      centroid: [108, 12],
      bbox: [108, 12, 108.01, 12.01],
      geometry: { type: 'Polygon', coordinates: [] },
    });
    expect(Object.keys(plot.properties)).toEqual(plotProperties.map((p) => p.name));
    expect(plot.properties).toMatchObject({ area_ha: 0.400012, permitted_industries: 'Cơ khí;Dệt may' });
    const plant = wastewaterPlantFeature({ cluster: cluster.properties, point: [108.005, 12.004] });
    expect(Object.keys(plant.properties)).toEqual(wastewaterPlantProperties.map((p) => p.name));
  });

  test('derives occupancy and keeps unknown infrastructure unknown, never 0', () => {
    const { properties } = clusterFeature(cluster);
    expect(properties.occupancy_percent).toBe(33.33);
    expect(properties.infrastructure_percent).toBeNull();
    expect(properties.infrastructure_minimum_percent).toBe(30);
    expect(properties.planned_area_ha).toBeNull();
    expect(properties.wastewater_capacity_m3_per_day).toBeNull();
    expect(properties.source_ids).toBe('s,t');
  });

  test('a wastewater plant is named after its cluster, and only such ids lead back to one', () => {
    const plant = wastewaterPlantFeature({ cluster: cluster.properties, point: [108.005, 12.004] });
    expect(plant.id).toBe('cum-a-wwtp');
    expect(plant.properties).toMatchObject({ state: 'building', capacity_m3_per_day: null });
    expect(clusterIdOfPlant('cum-a-wwtp')).toBe('cum-a');
    expect(clusterIdOfPlant('cum-a')).toBeNull();
  });

  test('escapes markup and both quote kinds for HTML', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
