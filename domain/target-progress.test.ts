import { describe, expect, test } from 'vitest';
import { ClusterProperties, type ClusterPropertiesInput } from './cluster.ts';
import type { Target } from './target.ts';
import { clusterTargetProgress, compliantPlantShare } from './target-progress.ts';

const cluster = (overrides: Partial<ClusterPropertiesInput> = {}) =>
  ClusterProperties.parse({
    id: 'a',
    provinceId: 'p',
    name: { vi: 'A', en: 'A' },
    stage: 'operating',
    stageSourceId: 'doc',
    locality: null,
    infrastructureInvestor: null,
    wastewaterPlant: null,
    geometrySource: 'illustrative',
    sourceIds: ['doc'],
    ...overrides,
  });
const target = (kind: Target['kind']): Target => ({
  kind,
  description: { vi: 'x', en: 'x' },
  value: 50,
  unit: 'percent',
  deadline: null,
  sourceId: 'doc',
});
const ha = (value: number) => ({ value, unit: 'ha' as const, sourceId: 'doc', asOf: null });

describe('clusterTargetProgress', () => {
  test('measures an occupancy target by leased ÷ leasable land', () => {
    const leased = cluster({ figures: { leasedIndustrialLandHa: ha(9), leasableIndustrialLandHa: ha(12) } });
    expect(clusterTargetProgress(target('occupancy'), leased)).toBe(75);
  });

  test('is unknown, not 0, when the figures are missing', () => {
    expect(clusterTargetProgress(target('occupancy'), cluster())).toBeNull();
    expect(clusterTargetProgress(target('clearance-and-construction'), cluster())).toBeNull();
    expect(clusterTargetProgress(target('wastewater-plant-compliance'), cluster())).toBeNull();
  });

  test('is unknown for a target set in hectares, which a percentage cannot measure', () => {
    const leased = cluster({ figures: { leasedIndustrialLandHa: ha(9), leasableIndustrialLandHa: ha(12) } });
    expect(clusterTargetProgress({ ...target('occupancy'), value: 20, unit: 'ha' }, leased)).toBeNull();
  });
});

describe('compliantPlantShare', () => {
  const plant = (state: 'compliant' | 'operating') => ({ value: { state }, sourceId: 'doc' });

  test('is the share of clusters whose plant meets the standard', () => {
    expect(
      compliantPlantShare([
        cluster({ wastewaterPlant: plant('compliant') }),
        cluster({ wastewaterPlant: plant('operating') }),
      ]),
    ).toBe(50);
  });

  test('is unknown while one cluster’s plant is unknown', () => {
    expect(compliantPlantShare([cluster({ wastewaterPlant: plant('compliant') }), cluster()])).toBeNull();
  });
});
