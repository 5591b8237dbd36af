import { z } from 'zod';
import {
  type ClusterFigures,
  type ClusterProperties,
  InfrastructureComponent,
  InfrastructureState,
  ObstacleKind,
  Stage,
  WastewaterPlantState,
} from './cluster.ts';
import type { Unit } from './figure.ts';
import { Target } from './target.ts';
import { IsoDate } from './text.ts';

/** The unit each cluster figure is reported in: an editor types the number, never the unit. */
export const clusterFigureUnits = {
  plannedAreaHa: 'ha',
  establishedAreaHa: 'ha',
  leasableIndustrialLandHa: 'ha',
  leasedIndustrialLandHa: 'ha',
  clearedSharePercent: 'percent',
  productionFacilityCount: 'count',
  workerCount: 'people',
} as const satisfies Record<keyof ClusterFigures, Unit>;
export type ClusterFigureKey = keyof typeof clusterFigureUnits;
const figureKeys = Object.keys(clusterFigureUnits) as [ClusterFigureKey, ...ClusterFigureKey[]];
export const ClusterFigureKey = z.enum(figureKeys);

const FigureInput = z.object({
  value: z.number().finite().nonnegative(),
  /** The source says "about" (khoảng). */
  approximate: z.boolean().default(false),
});

/**
 * What an editor changes in a cluster, as a report comes in. Every field is optional; `null`
 * makes a fact unknown again (a figure withdrawn), it never means 0. The change as a whole cites
 * the document it comes from and the date its facts hold at: a reported figure without both is
 * not accepted.
 */
export const ClusterChange = z
  .object({
    stage: Stage.optional(),
    figures: z.partialRecord(ClusterFigureKey, FigureInput.nullable()).optional(),
    infrastructure: z.partialRecord(InfrastructureComponent, InfrastructureState.nullable()).optional(),
    wastewaterPlant: z
      .object({ state: WastewaterPlantState, capacityM3PerDay: z.number().positive().optional() })
      .nullable()
      .optional(),
    clearance: z
      .object({ compensationNeeded: z.boolean().nullable(), resettlementNeeded: z.boolean().nullable() })
      .nullable()
      .optional(),
    obstacles: z.array(ObstacleKind).max(20).optional(),
    targets: z
      .array(Target.omit({ sourceId: true }))
      .max(20)
      .optional(),
    source: z.object({ sourceId: z.string().regex(/^[a-z0-9-]{1,64}$/), asOf: IsoDate }),
  })
  .strict()
  .refine(
    (change) => Object.keys(change).some((key) => key !== 'source'),
    'the change changes nothing: give at least one of stage, figures, infrastructure, wastewaterPlant, clearance, obstacles, targets',
  );
export type ClusterChange = z.infer<typeof ClusterChange>;
export type ClusterChangeInput = z.input<typeof ClusterChange>;

/**
 * The cluster after a change: each changed fact now cites the change's source (and figures its
 * as-of date); facts the change does not name are kept as they were. Pure: the input is not changed.
 *
 * @example
 * applyClusterChange(songCau, { stage: 'operating', source: { sourceId: 'bc-2025', asOf: '2025-06-14' } })
 *   .stageSourceId // 'bc-2025'
 */
export function applyClusterChange(cluster: ClusterProperties, change: ClusterChange): ClusterProperties {
  const { sourceId, asOf } = change.source;
  const next: ClusterProperties = structuredClone(cluster);
  if (change.stage !== undefined) {
    next.stage = change.stage;
    next.stageSourceId = sourceId;
  }
  for (const [key, input] of Object.entries(change.figures ?? {}) as [
    ClusterFigureKey,
    z.infer<typeof FigureInput> | null,
  ][]) {
    if (input === null) delete next.figures[key];
    else
      next.figures[key] = {
        value: input.value,
        unit: clusterFigureUnits[key],
        approximate: input.approximate,
        sourceId,
        asOf,
      };
  }
  for (const [component, state] of Object.entries(change.infrastructure ?? {}) as [
    InfrastructureComponent,
    InfrastructureState | null,
  ][]) {
    if (state === null) delete next.infrastructure[component];
    else next.infrastructure[component] = { value: state, sourceId };
  }
  if (change.wastewaterPlant !== undefined) {
    next.wastewaterPlant =
      change.wastewaterPlant === null ? null : { value: change.wastewaterPlant, sourceId };
  }
  if (change.clearance !== undefined) {
    next.clearance = change.clearance === null ? null : { value: change.clearance, sourceId };
  }
  if (change.obstacles !== undefined) next.obstacles = change.obstacles.map((kind) => ({ kind, sourceId }));
  if (change.targets !== undefined) next.targets = change.targets.map((target) => ({ ...target, sourceId }));
  if (!next.sourceIds.includes(sourceId)) next.sourceIds = [...next.sourceIds, sourceId];
  return next;
}

/** One fact that differs between two versions of a cluster, by its path in the record. */
export type ClusterDifference = { path: string; before: unknown; after: unknown };

const comparable = (value: unknown) => JSON.stringify(value ?? null);

/**
 * What differs between two versions of a cluster, fact by fact (a figure, a component, the
 * stage…), for the 412 an editor gets on a stale write and for the cluster's timeline.
 *
 * @example diffCluster(before, after) // [{ path: 'figures.leasedIndustrialLandHa', before: …, after: … }]
 */
export function diffCluster(before: ClusterProperties, after: ClusterProperties): ClusterDifference[] {
  const differences: ClusterDifference[] = [];
  const compare = (path: string, a: unknown, b: unknown) => {
    if (comparable(a) !== comparable(b)) differences.push({ path, before: a ?? null, after: b ?? null });
  };
  compare('stage', before.stage, after.stage);
  for (const key of figureKeys) compare(`figures.${key}`, before.figures[key], after.figures[key]);
  for (const component of InfrastructureComponent.options) {
    compare(`infrastructure.${component}`, before.infrastructure[component], after.infrastructure[component]);
  }
  for (const key of [
    'wastewaterPlant',
    'clearance',
    'obstacles',
    'targets',
    'locality',
    'name',
    'geometrySource',
  ] as const) {
    compare(key, before[key], after[key]);
  }
  return differences;
}
