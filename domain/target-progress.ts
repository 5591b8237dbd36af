import type { ClusterProperties } from './cluster.ts';
import { occupancyPercent } from './occupancy.ts';
import type { Target } from './target.ts';

/**
 * The figure a cluster's target is measured by, where the data has it: occupancy for an occupancy
 * target, the cleared share for a clearance milestone, 100 or 0 for a compliant plant. Null: unknown,
 * and for a target set in another unit than percent (e.g. 20 ha cleared), which these do not measure.
 *
 * @example clusterTargetProgress({ kind: 'occupancy', … }, cluster) // 78.09…, or null
 */
export function clusterTargetProgress(target: Target, cluster: ClusterProperties): number | null {
  // These figures are percentages: a target set in hectares or m³/day cannot be judged by them.
  if (target.value !== undefined && target.unit !== undefined && target.unit !== 'percent') return null;
  switch (target.kind) {
    case 'occupancy':
      return occupancyPercent(
        cluster.figures.leasedIndustrialLandHa?.value,
        cluster.figures.leasableIndustrialLandHa?.value,
      );
    case 'clearance-and-construction':
      return cluster.figures.clearedSharePercent?.value ?? null;
    case 'wastewater-plant-compliance':
      return cluster.wastewaterPlant ? (cluster.wastewaterPlant.value.state === 'compliant' ? 100 : 0) : null;
  }
}

/** Share of clusters with a compliant wastewater plant; unknown while any cluster's plant is unknown. */
export function compliantPlantShare(clusters: readonly ClusterProperties[]): number | null {
  if (clusters.length === 0 || clusters.some((cluster) => cluster.wastewaterPlant === null)) return null;
  const compliant = clusters.filter((cluster) => cluster.wastewaterPlant?.value.state === 'compliant').length;
  return (compliant / clusters.length) * 100;
}
