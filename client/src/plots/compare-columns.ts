import type { ClusterProperties } from '../../../domain/cluster.ts';
import { infrastructureCompleteness } from '../../../domain/infrastructure.ts';
import { occupancyPercent } from '../../../domain/occupancy.ts';
import type { PlotStatus } from '../../../domain/plot.ts';
import type { PlotClusterContext, PlotDetail, ResolvedContact } from '../../../domain/plot-api.ts';
import type { Province } from '../../../domain/province.ts';
import type { LocalizedText } from '../../../domain/text.ts';
import type { CompareItem } from './compare.ts';

/** One column of the compare table, the same fields for a plot and a cluster; null is unknown. */
export type CompareColumn = {
  item: CompareItem;
  /** The cluster's name (a plot's cluster for a plot). */
  name: LocalizedText | null;
  /** The plot's number; null for a cluster. */
  plotLabel: string | null;
  generated: boolean;
  areaHa: number | null;
  /** Null for a cluster: a status belongs to a plot. */
  status: PlotStatus | null;
  stage: ClusterProperties['stage'] | null;
  infrastructure: PlotClusterContext['infrastructure'] | null;
  wastewaterPlant: PlotClusterContext['wastewaterPlant'];
  occupancy: PlotClusterContext['occupancy'];
  contact: ResolvedContact | null;
};

const unknownColumn = (item: CompareItem): CompareColumn => ({
  item,
  name: null,
  plotLabel: null,
  generated: false,
  areaHa: null,
  status: null,
  stage: null,
  infrastructure: null,
  wastewaterPlant: null,
  occupancy: null,
  contact: null,
});

export function plotColumn(item: CompareItem, plot: PlotDetail): CompareColumn {
  return {
    item,
    name: plot.cluster.name,
    plotLabel: plot.properties.label,
    generated: plot.properties.origin === 'generated',
    areaHa: plot.areaHa,
    status: plot.properties.status,
    stage: plot.cluster.stage,
    infrastructure: plot.cluster.infrastructure,
    wastewaterPlant: plot.cluster.wastewaterPlant,
    occupancy: plot.cluster.occupancy,
    contact: plot.contact,
  };
}

/** A cluster's column from its record; its contact is the province's lead agency, as for its plots. */
export function clusterColumn(
  item: CompareItem,
  cluster: ClusterProperties,
  province: Province | null,
): CompareColumn {
  const { leasedIndustrialLandHa: leased, leasableIndustrialLandHa: leasable } = cluster.figures;
  const occupancy = occupancyPercent(leased?.value, leasable?.value);
  const area = cluster.figures.establishedAreaHa ?? cluster.figures.plannedAreaHa;
  const plant = cluster.wastewaterPlant;
  const lead = province?.leadAgency;
  return {
    item,
    name: cluster.name,
    plotLabel: null,
    generated: false,
    areaHa: area?.value ?? null,
    status: null,
    stage: cluster.stage,
    infrastructure: infrastructureCompleteness(cluster.infrastructure),
    wastewaterPlant: plant ? { ...plant.value, sourceId: plant.sourceId } : null,
    occupancy: occupancy !== null && leased ? { percent: occupancy, sourceId: leased.sourceId } : null,
    contact: lead
      ? {
          from: 'province-lead-agency',
          contact: null,
          description: lead.description,
          sourceId: lead.sourceId,
        }
      : null,
  };
}

/** Columns in the order of the compare list; an item whose record is missing stays, as unknown. */
export function compareColumns(
  items: readonly CompareItem[],
  plots: readonly PlotDetail[],
  clusters: readonly ClusterProperties[],
  province: Province | null,
): CompareColumn[] {
  return items.map((item) => {
    if (item.kind === 'plot') {
      const plot = plots.find((candidate) => candidate.properties.id === item.id);
      return plot ? plotColumn(item, plot) : unknownColumn(item);
    }
    const cluster = clusters.find((candidate) => candidate.id === item.id);
    return cluster ? clusterColumn(item, cluster, province) : unknownColumn(item);
  });
}
