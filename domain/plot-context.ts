import type { ClusterProperties } from './cluster.ts';
import { infrastructureCompleteness } from './infrastructure.ts';
import { occupancyPercent } from './occupancy.ts';
import type { PlotProperties } from './plot.ts';
import type { PlotClusterContext, ResolvedContact } from './plot-api.ts';
import type { Province } from './province.ts';

/**
 * What an investor looking at a plot needs to know of its cluster, derived from the cluster's record:
 * infrastructure completeness from its components, occupancy from its reported areas. Unknown stays
 * null; nothing is filled in.
 *
 * @example plotClusterContext(songCau).occupancy // null: the source gives no per-cluster areas
 */
export function plotClusterContext(cluster: ClusterProperties): PlotClusterContext {
  const completeness = infrastructureCompleteness(cluster.infrastructure);
  const leased = cluster.figures.leasedIndustrialLandHa;
  const leasable = cluster.figures.leasableIndustrialLandHa;
  const occupancy = occupancyPercent(leased?.value, leasable?.value);
  const plant = cluster.wastewaterPlant;
  return {
    id: cluster.id,
    name: cluster.name,
    stage: cluster.stage,
    geometrySource: cluster.geometrySource,
    infrastructure: {
      percent: completeness.percent,
      minimumPercent: completeness.minimumPercent,
      maximumPercent: completeness.maximumPercent,
    },
    wastewaterPlant: plant
      ? {
          state: plant.value.state,
          ...(plant.value.capacityM3PerDay === undefined
            ? {}
            : { capacityM3PerDay: plant.value.capacityM3PerDay }),
          sourceId: plant.sourceId,
        }
      : null,
    occupancy: occupancy === null || !leased ? null : { percent: occupancy, sourceId: leased.sourceId },
    locality: cluster.locality?.value ?? null,
  };
}

/**
 * Whom an investor should contact about a plot: the plot's own contact when the data names one,
 * else the agency the province's plan puts in charge of clusters, with the source that says so.
 * Null contact and description mean nobody is known.
 */
export function resolvePlotContact(plot: PlotProperties, province: Province | null): ResolvedContact {
  if (plot.contact)
    return { from: 'plot', contact: plot.contact, description: null, sourceId: plot.sourceId };
  const agency = province?.leadAgency ?? null;
  return {
    from: 'province-lead-agency',
    contact: null,
    description: agency?.description ?? null,
    sourceId: agency?.sourceId ?? null,
  };
}
