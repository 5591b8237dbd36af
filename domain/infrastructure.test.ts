import { describe, expect, test } from 'vitest';
import type { ClusterProperties, InfrastructureState } from './cluster.ts';
import { completenessClass, infrastructureCompleteness } from './infrastructure.ts';
import { infrastructureComponents } from './vocabulary.ts';

type Infrastructure = ClusterProperties['infrastructure'];

/** The first components of the vocabulary in the given states, the rest unreported. */
function reported(...states: InfrastructureState[]): Infrastructure {
  return Object.fromEntries(
    states.map((state, index) => [
      infrastructureComponents.codes[index],
      { value: state, sourceId: 'kh-4794' },
    ]),
  );
}

describe('infrastructureCompleteness', () => {
  test('is the share of the ten components done when every component is reported', () => {
    const result = infrastructureCompleteness(
      reported('done', 'done', 'done', 'done', 'building', 'building', 'planned', 'planned', 'none', 'none'),
    );
    expect(result).toEqual({
      percent: 40,
      minimumPercent: 40,
      maximumPercent: 40,
      counts: { done: 4, building: 2, planned: 2, none: 2, unknown: 0 },
    });
  });

  test('is 100 when all ten are done', () => {
    const result = infrastructureCompleteness(reported(...Array<InfrastructureState>(10).fill('done')));
    expect(result.percent).toBe(100);
  });

  test('is 0, not unknown, when all ten are reported and none is done', () => {
    const result = infrastructureCompleteness(reported(...Array<InfrastructureState>(10).fill('planned')));
    expect(result.percent).toBe(0);
    expect(result.counts.planned).toBe(10);
  });

  test('is unknown when one component is not reported, with the range it must lie in', () => {
    const result = infrastructureCompleteness(
      reported('done', 'done', 'done', 'done', 'done', 'done', 'done', 'done', 'done'),
    );
    expect(result.percent).toBeNull();
    expect(result.minimumPercent).toBe(90);
    expect(result.maximumPercent).toBe(100);
    expect(result.counts.unknown).toBe(1);
  });

  test('is unknown from 0 to 100 when nothing is reported', () => {
    expect(infrastructureCompleteness({})).toEqual({
      percent: null,
      minimumPercent: 0,
      maximumPercent: 100,
      counts: { done: 0, building: 0, planned: 0, none: 0, unknown: 10 },
    });
  });

  test('counts building and planned as not done', () => {
    const result = infrastructureCompleteness(reported('done', 'building', 'planned'));
    expect(result.minimumPercent).toBe(10);
    expect(result.maximumPercent).toBe(80);
  });

  test('does not mutate its input', () => {
    const infrastructure = reported('done', 'none');
    const before = structuredClone(infrastructure);
    infrastructureCompleteness(infrastructure);
    expect(infrastructure).toEqual(before);
  });
});

describe('completenessClass', () => {
  test.each([
    [null, 'unknown'],
    [0, '0-25'],
    [10, '0-25'],
    [24.99, '0-25'],
    [25, '25-50'],
    [40, '25-50'],
    [50, '50-75'],
    [70, '50-75'],
    [75, '75-100'],
    [90, '75-100'],
    [99.99, '75-100'],
    [100, '100'],
  ] as const)('puts %s%% in class %s', (percent, expected) => {
    expect(completenessClass(percent)).toBe(expected);
  });

  test('is unknown for anything that is not a percentage', () => {
    expect(completenessClass(Number.NaN)).toBe('unknown');
    expect(completenessClass(-1)).toBe('unknown');
    expect(completenessClass(100.5)).toBe('unknown');
  });
});
