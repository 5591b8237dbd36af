import { describe, expect, test } from 'vitest';
import { ClusterProperties } from './cluster.ts';
import { applyClusterChange, ClusterChange, type ClusterChangeInput, diffCluster } from './cluster-change.ts';

const cluster = ClusterProperties.parse({
  id: 'cum-thu',
  provinceId: 'khanh-hoa',
  name: { vi: 'CCN Thử', en: 'Test cluster' },
  stage: 'established',
  stageSourceId: 'kh-4794',
  locality: null,
  infrastructureInvestor: null,
  wastewaterPlant: null,
  infrastructure: { internalRoads: { value: 'building', sourceId: 'kh-4794' } },
  figures: { plannedAreaHa: { value: 50, unit: 'ha', sourceId: 'kh-4794', asOf: null } },
  geometrySource: 'illustrative',
  sourceIds: ['kh-4794'],
});
const source = { sourceId: 'bao-cao-2025', asOf: '2025-06-14' };
const change = (input: Omit<ClusterChangeInput, 'source'>) => ClusterChange.parse({ ...input, source });

describe('ClusterChange', () => {
  test('refuses a change without its source and as-of date', () => {
    expect(() => ClusterChange.parse({ stage: 'building' })).toThrow();
    expect(() => ClusterChange.parse({ stage: 'building', source: { sourceId: 'x' } })).toThrow();
  });

  test('refuses a change that changes nothing, and fields it does not know', () => {
    expect(() => ClusterChange.parse({ source })).toThrow(/changes nothing/);
    expect(() => ClusterChange.parse({ source, colour: 'red' })).toThrow();
  });

  test('refuses a negative or non-finite figure', () => {
    expect(() => change({ figures: { plannedAreaHa: { value: -1 } } })).toThrow();
    expect(() => change({ figures: { plannedAreaHa: { value: Number.NaN } } })).toThrow();
  });
});

describe('applyClusterChange', () => {
  test('cites the change’s source on every fact it changes, and its date on figures', () => {
    const next = applyClusterChange(
      cluster,
      change({
        stage: 'building',
        figures: { leasedIndustrialLandHa: { value: 12.5 } },
        infrastructure: { powerSupply: 'done' },
        wastewaterPlant: { state: 'building', capacityM3PerDay: 500 },
      }),
    );
    expect(next.stage).toBe('building');
    expect(next.stageSourceId).toBe('bao-cao-2025');
    expect(next.figures.leasedIndustrialLandHa).toEqual({
      value: 12.5,
      unit: 'ha',
      approximate: false,
      sourceId: 'bao-cao-2025',
      asOf: '2025-06-14',
    });
    expect(next.infrastructure.powerSupply).toEqual({ value: 'done', sourceId: 'bao-cao-2025' });
    expect(next.wastewaterPlant).toEqual({
      value: { state: 'building', capacityM3PerDay: 500 },
      sourceId: 'bao-cao-2025',
    });
    expect(next.sourceIds).toEqual(['kh-4794', 'bao-cao-2025']);
  });

  test('keeps the facts the change does not name, with their own sources', () => {
    const next = applyClusterChange(cluster, change({ stage: 'building' }));
    expect(next.figures.plannedAreaHa).toEqual(cluster.figures.plannedAreaHa);
    expect(next.infrastructure.internalRoads).toEqual({ value: 'building', sourceId: 'kh-4794' });
  });

  test('makes a fact unknown again with null: withdrawn, not zero', () => {
    const next = applyClusterChange(
      cluster,
      change({ figures: { plannedAreaHa: null }, infrastructure: { internalRoads: null } }),
    );
    expect(next.figures.plannedAreaHa).toBeUndefined();
    expect(next.infrastructure.internalRoads).toBeUndefined();
  });

  test('does not change the cluster it is given', () => {
    const before = structuredClone(cluster);
    applyClusterChange(cluster, change({ stage: 'operating', figures: { plannedAreaHa: { value: 1 } } }));
    expect(cluster).toEqual(before);
  });
});

describe('diffCluster', () => {
  test('names each fact that differs, with its two values', () => {
    const next = applyClusterChange(
      cluster,
      change({ stage: 'building', infrastructure: { powerSupply: 'done' } }),
    );
    expect(diffCluster(cluster, next)).toEqual([
      { path: 'stage', before: 'established', after: 'building' },
      {
        path: 'infrastructure.powerSupply',
        before: null,
        after: { value: 'done', sourceId: 'bao-cao-2025' },
      },
    ]);
  });

  test('finds nothing between a cluster and itself', () => {
    expect(diffCluster(cluster, structuredClone(cluster))).toEqual([]);
  });
});
