import type { GeometrySource } from '../../domain/cluster.ts';
import {
  type PlotFeature,
  PlotGeometry,
  PlotLayoutParameters,
  type PlotLayoutParametersInput,
} from '../../domain/plot.ts';
import { generatePlotLayout } from '../../domain/plot-layout.ts';
import { invalidData, notFound } from '../errors.ts';
import type { Actor, AtlasStore, PlotWriteResult } from '../store/store.ts';

export type ClusterLayoutResult = PlotWriteResult & {
  plotCount: number;
  plotAreaM2: number;
  roadAreaM2: number;
  boundaryAreaM2: number;
  /** Where the cluster's boundary comes from: an `illustrative` one makes plots placed for show only. */
  geometrySource: GeometrySource;
  /** The parameters used, defaults filled in. */
  parameters: PlotLayoutParameters;
};

/** Ids of generated plots: the cluster, a marker, the label, so a new layout replaces the old by id. */
export const generatedPlotId = (clusterId: string, label: string) =>
  `${clusterId}-layout-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

/**
 * Generates a demonstration subdivision of a cluster with the plot-layout tool and stores it,
 * replacing the cluster's previous generated layout (imported plots are never touched). Every plot
 * is flagged `generated` with the parameters used, and offered as `available`: a proposal, not a
 * fact about the land. A dry run reports the same figures and writes nothing. Every plot written
 * or removed is audited as a `layout` by `actor` (null: a server-side tool), with no source: a
 * generated layout cites no document. A cluster taken out of the plan gets no layout.
 */
export async function layoutCluster(
  store: AtlasStore,
  clusterId: string,
  input: PlotLayoutParametersInput,
  options: { dryRun?: boolean; actor: Actor | null },
): Promise<ClusterLayoutResult> {
  const parsed = PlotLayoutParameters.safeParse(input);
  if (!parsed.success) {
    const problem = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw invalidData(`Thông số phân lô không hợp lệ: ${problem}.`, `Invalid layout parameters: ${problem}.`);
  }
  const parameters = parsed.data;
  const [cluster] = (await store.getClusters([clusterId])).features;
  if (!cluster) throw notFound({ vi: `cụm công nghiệp "${clusterId}"`, en: `Cluster "${clusterId}"` });
  if (cluster.properties.stage === 'removed') {
    throw invalidData(
      `Cụm "${clusterId}" đã rút khỏi quy hoạch: không phân lô.`,
      `Cluster "${clusterId}" has been taken out of the plan: no plot layout.`,
    );
  }
  const layout = generatePlotLayout(cluster.geometry, parameters);
  const plots: PlotFeature[] = layout.plots.map((plot) => ({
    type: 'Feature',
    // Through the shared schema: rings closed, positions pairs, as the store expects.
    geometry: PlotGeometry.parse(plot.geometry),
    properties: {
      id: generatedPlotId(clusterId, plot.label),
      clusterId,
      provinceId: cluster.properties.provinceId,
      label: plot.label,
      status: 'available',
      permittedIndustries: [],
      tenant: null,
      contact: null,
      origin: 'generated',
      layout: parameters,
      sourceId: null,
      asOf: null,
    },
  }));
  const written = await store.savePlots(plots, {
    replaceOrigin: { clusterId, origin: 'generated' },
    dryRun: options.dryRun ?? false,
    audit: { action: 'layout', actor: options.actor, sourceId: null },
  });
  return {
    ...written,
    plotCount: plots.length,
    plotAreaM2: layout.plots.reduce((sum, plot) => sum + plot.areaM2, 0),
    roadAreaM2: layout.roadAreaM2,
    boundaryAreaM2: layout.boundaryAreaM2,
    geometrySource: cluster.properties.geometrySource,
    parameters,
  };
}
