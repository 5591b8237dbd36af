import type { FeatureCollection, Geometry } from 'geojson';
import type { ClusterFigures, ClusterGeometry } from '../../domain/cluster.ts';
import type { ReportedFigure } from '../../domain/figure.ts';
import { importPlots, type PlotImportResult } from '../plots/import-plots.ts';
import type { Actor, AtlasStore } from '../store/store.ts';
import { unitOfFigure } from './fields.ts';
import type { ImportPlan, ImportProgress } from './plan-import.ts';
import { type ImportProblem, refusal } from './problems.ts';
import type { SourceFeature } from './reproject.ts';

/** A cluster's new boundary from an import. */
export type ClusterBoundaryUpdate = {
  clusterId: string;
  /** WGS84 longitude/latitude (RFC 7946), already checked valid by PostGIS. */
  geometry: ClusterGeometry;
  geometrySource: 'import';
  /** The source document the boundary comes from. */
  sourceId: string;
  /** The date the boundary holds at; null when the source gives none. */
  asOf: string | null;
};

/** Figures an import sets on a cluster; figures not named are left as they are. */
export type ClusterFiguresUpdate = { clusterId: string; figures: Partial<ClusterFigures> };

/** What a commit did, or would do in a dry run. */
export type ClusterUpdateResult = { boundariesUpdated: number; figuresUpdated: number };

/**
 * What an import writes through. The store implements it: every update in ONE transaction (all or
 * nothing, each geometry checked again by PostGIS), each change in the audit log under `actor`
 * and `source`, `onProgress` called after each batch with done/total updates, and nothing written
 * when `dryRun`.
 */
export interface ImportTarget {
  applyClusterUpdates(
    updates: { boundaries: readonly ClusterBoundaryUpdate[]; figures: readonly ClusterFiguresUpdate[] },
    options: {
      dryRun: boolean;
      /** Source document id (must exist in the store). */
      source: string;
      /** Who imports, as the audit log names them; null for a server-side tool. */
      actor: Actor | null;
      onProgress?: (progress: ImportProgress) => void;
    },
  ): Promise<ClusterUpdateResult>;
}

/** The updates a plan's items make, with their source and date. */
export function updatesOf(
  plan: ImportPlan,
  options: { source: string; asOf: string | null },
): { boundaries: ClusterBoundaryUpdate[]; figures: ClusterFiguresUpdate[] } {
  const boundaries: ClusterBoundaryUpdate[] = [];
  const figures: ClusterFiguresUpdate[] = [];
  for (const item of plan.items) {
    if (!item.match) continue;
    const asOf = item.asOf ?? options.asOf;
    if (item.geometry) {
      boundaries.push({
        clusterId: item.match.clusterId,
        geometry: item.geometry,
        geometrySource: 'import',
        sourceId: options.source,
        asOf,
      });
    }
    const entries = Object.entries(item.figures) as [
      keyof ClusterFigures,
      { value: number; approximate: boolean },
    ][];
    if (entries.length > 0) {
      figures.push({
        clusterId: item.match.clusterId,
        figures: Object.fromEntries(
          entries.map(([key, { value, approximate }]): [string, ReportedFigure] => [
            key,
            { value, unit: unitOfFigure(key), approximate, sourceId: options.source, asOf },
          ]),
        ),
      });
    }
  }
  return { boundaries, figures };
}

/**
 * Commits a planned import through the target, all or nothing: a plan with any problem is
 * refused whole (422) with every problem named, as is a file with nothing to write. Progress is
 * reported per batch by the target.
 */
export async function applyImport(
  plan: ImportPlan,
  target: ImportTarget,
  options: {
    source: string;
    asOf: string | null;
    actor: Actor | null;
    dryRun: boolean;
    onProgress?: (progress: ImportProgress) => void;
  },
): Promise<ClusterUpdateResult> {
  if (plan.problems.length > 0) throw refusal(plan.problems);
  const updates = updatesOf(plan, options);
  if (updates.boundaries.length === 0 && updates.figures.length === 0) {
    const nothing: ImportProblem = {
      feature: null,
      vi: 'Tệp không có ranh giới hay số liệu nào để ghi.',
      en: 'The file has no boundary or figure to write.',
    };
    throw refusal([nothing]);
  }
  return target.applyClusterUpdates(updates, {
    dryRun: options.dryRun,
    source: options.source,
    actor: options.actor,
    onProgress: options.onProgress,
  });
}

/**
 * Imports plots (lô đất) from features of any import format, already in WGS84, through the plot
 * importer: the same properties (`cluster`, `label`, `status`, …), the same all-or-nothing
 * `savePlots` transaction.
 */
export async function applyPlotImport(
  store: AtlasStore,
  features: readonly SourceFeature[],
  options: {
    sourceId: string;
    asOf: string | null;
    dryRun: boolean;
    /** Who imports, for the audit log: null for a server-side tool. */
    actor: Actor | null;
    onProgress?: (progress: ImportProgress) => void;
  },
): Promise<PlotImportResult> {
  const collection: FeatureCollection<Geometry | null> = {
    type: 'FeatureCollection',
    features: features.map((feature) => ({
      type: 'Feature',
      geometry: feature.geometry,
      properties: feature.properties,
    })),
  };
  options.onProgress?.({ phase: 'write', done: 0, total: features.length });
  const result = await importPlots(store, JSON.stringify(collection), options);
  options.onProgress?.({ phase: 'write', done: features.length, total: features.length });
  return result;
}
