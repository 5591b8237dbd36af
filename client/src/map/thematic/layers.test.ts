import { describe, expect, test } from 'vitest';
import { ClusterProperties, type ClusterPropertiesInput } from '../../../../domain/cluster.ts';
import { thematicLayers } from './layers.ts';
import { thematicLayerIds } from './types.ts';

const cluster = (overrides: Partial<ClusterPropertiesInput> = {}) =>
  ClusterProperties.parse({
    id: 'test',
    provinceId: 'khanh-hoa',
    name: { vi: 'CCN Thử', en: 'Test' },
    stage: 'operating',
    stageSourceId: 'doc',
    locality: null,
    infrastructureInvestor: null,
    wastewaterPlant: null,
    geometrySource: 'illustrative',
    sourceIds: ['doc'],
    ...overrides,
  });

const figure = (value: number, unit: 'ha' | 'percent') => ({
  value,
  unit,
  sourceId: 'doc',
  asOf: '2024-06-14',
});

describe('thematic layers', () => {
  test('every layer but stage has an unknown class, listed last', () => {
    for (const id of thematicLayerIds.filter((layer) => layer !== 'stage')) {
      expect(thematicLayers[id].classes.at(-1)?.key).toBe('unknown');
    }
  });

  test('put a cluster with no figures in the unknown class of every figure layer, never 0', () => {
    const bare = cluster();
    expect(thematicLayers.clearance.classify(bare)).toBe('unknown');
    expect(thematicLayers.infrastructure.classify(bare)).toBe('unknown');
    expect(thematicLayers.wastewater.classify(bare)).toBe('unknown');
    expect(thematicLayers.occupancy.classify(bare)).toBe('unknown');
  });

  test('class occupancy from leased and leasable land', () => {
    const leased = cluster({
      figures: { leasedIndustrialLandHa: figure(30, 'ha'), leasableIndustrialLandHa: figure(40, 'ha') },
    });
    expect(thematicLayers.occupancy.classify(leased)).toBe('75-100');
  });

  test('class the wastewater plant by its state, with a droplet symbol', () => {
    const plant = cluster({
      wastewaterPlant: { value: { state: 'compliant', capacityM3PerDay: 1500 }, sourceId: 'doc' },
    });
    expect(thematicLayers.wastewater.classify(plant)).toBe('compliant');
    expect(thematicLayers.wastewater.symbol).toBe('droplet');
  });

  test('ring clusters held up by clearance even when the cleared share is unknown', () => {
    const blocked = cluster({ obstacles: [{ kind: 'resettlement', sourceId: 'doc' }] });
    expect(thematicLayers.clearance.ring?.test(blocked)).toBe(true);
    expect(thematicLayers.clearance.ring?.test(cluster())).toBe(false);
  });

  test('derive infrastructure completeness from the ten components only when all are known', () => {
    const states = [
      'done',
      'done',
      'done',
      'done',
      'done',
      'done',
      'done',
      'done',
      'building',
      'none',
    ] as const;
    const components = [
      'internalRoads',
      'sidewalks',
      'greenSpace',
      'waterSupply',
      'wastewater',
      'solidWaste',
      'fireProtection',
      'powerSupply',
      'publicLighting',
      'telecom',
    ] as const;
    const infrastructure = Object.fromEntries(
      components.map((component, index) => [component, { value: states[index], sourceId: 'doc' }]),
    );
    expect(thematicLayers.infrastructure.classify(cluster({ infrastructure }))).toBe('75-100');
    const { telecom: _dropped, ...missingOne } = infrastructure;
    expect(thematicLayers.infrastructure.classify(cluster({ infrastructure: missingOne }))).toBe('unknown');
  });
});
