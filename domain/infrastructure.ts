import type { ClusterProperties, InfrastructureState } from './cluster.ts';
import { infrastructureComponents } from './vocabulary.ts';

/** How many of the ten components are in each state; `unknown` counts those no source reports. */
export type InfrastructureCounts = Record<InfrastructureState | 'unknown', number>;

/** Infrastructure completeness derived from the components' states, never typed in. */
export interface InfrastructureCompleteness {
  /** Share of the ten components done, × 100; null when any component's state is unknown. */
  percent: number | null;
  /** The percentage if every unknown component were not done. */
  minimumPercent: number;
  /** The percentage if every unknown component were done. */
  maximumPercent: number;
  counts: InfrastructureCounts;
}

/**
 * Infrastructure completeness (mức độ hoàn thiện hạ tầng kỹ thuật): the share of the ten technical
 * infrastructure components of `infrastructureComponents` that are `done`. Each component weighs
 * the same; `building` and `planned` count as not done. A component no source reports is unknown:
 * the percentage is then null, and the range it must lie in is given by `minimumPercent` and
 * `maximumPercent`.
 *
 * @example
 * infrastructureCompleteness({ internalRoads: { value: 'done', sourceId: 'kh-4794' } })
 * // { percent: null, minimumPercent: 10, maximumPercent: 100,
 * //   counts: { none: 0, planned: 0, building: 0, done: 1, unknown: 9 } }
 */
export function infrastructureCompleteness(
  infrastructure: ClusterProperties['infrastructure'],
): InfrastructureCompleteness {
  const counts: InfrastructureCounts = { none: 0, planned: 0, building: 0, done: 0, unknown: 0 };
  for (const component of infrastructureComponents.codes) {
    const state = infrastructure[component]?.value ?? 'unknown';
    counts[state] += 1;
  }
  const total = infrastructureComponents.codes.length;
  const minimumPercent = (counts.done / total) * 100;
  const maximumPercent = ((counts.done + counts.unknown) / total) * 100;
  return {
    percent: counts.unknown === 0 ? minimumPercent : null,
    minimumPercent,
    maximumPercent,
    counts,
  };
}

/** Map classes of infrastructure completeness, in legend order. */
export const completenessClasses = ['unknown', '0-25', '25-50', '50-75', '75-100', '100'] as const;
export type CompletenessClass = (typeof completenessClasses)[number];

/**
 * The map class of an infrastructure completeness percentage. Each class includes its lower bound
 * and excludes its upper one: `0-25` is 0 ≤ p < 25, `25-50` is 25 ≤ p < 50, `50-75` is
 * 50 ≤ p < 75, `75-100` is 75 ≤ p < 100, and `100` is complete only. Null, and anything that is not
 * a percentage (NaN, below 0, above 100), is `unknown`.
 *
 * @example completenessClass(50) // '50-75'
 * @example completenessClass(90) // '75-100': one component of ten not done yet
 * @example completenessClass(null) // 'unknown'
 */
export function completenessClass(percent: number | null): CompletenessClass {
  if (percent === null || !(percent >= 0 && percent <= 100)) return 'unknown';
  if (percent === 100) return '100';
  if (percent >= 75) return '75-100';
  if (percent >= 50) return '50-75';
  if (percent >= 25) return '25-50';
  return '0-25';
}
