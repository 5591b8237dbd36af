import { z } from 'zod';
import { ReportedFigure } from './figure.ts';
import { Target } from './target.ts';
import { IsoDate, LocalizedText } from './text.ts';
import {
  geometrySources,
  infrastructureComponents,
  infrastructureInvestorKinds,
  infrastructureStates,
  obstacleKinds,
  stages,
  wastewaterPlantStates,
} from './vocabulary.ts';

export const Stage = z.enum(stages.codes);
export type Stage = z.infer<typeof Stage>;
export const GeometrySource = z.enum(geometrySources.codes);
export type GeometrySource = z.infer<typeof GeometrySource>;
export const ObstacleKind = z.enum(obstacleKinds.codes);
export type ObstacleKind = z.infer<typeof ObstacleKind>;
export const InfrastructureComponent = z.enum(infrastructureComponents.codes);
export type InfrastructureComponent = z.infer<typeof InfrastructureComponent>;
export const InfrastructureState = z.enum(infrastructureStates.codes);
export type InfrastructureState = z.infer<typeof InfrastructureState>;
export const WastewaterPlantState = z.enum(wastewaterPlantStates.codes);
export type WastewaterPlantState = z.infer<typeof WastewaterPlantState>;

/** A fact stated by a source, with the source it comes from. */
const sourced = <T extends z.ZodType>(value: T) => z.object({ value, sourceId: z.string() });

/** Figures a cluster may carry; every one optional, since an absent figure is unknown. */
export const ClusterFigures = z
  .object({
    plannedAreaHa: ReportedFigure,
    establishedAreaHa: ReportedFigure,
    leasableIndustrialLandHa: ReportedFigure,
    leasedIndustrialLandHa: ReportedFigure,
    clearedSharePercent: ReportedFigure,
    productionFacilityCount: ReportedFigure,
    workerCount: ReportedFigure,
  })
  .partial();
export type ClusterFigures = z.infer<typeof ClusterFigures>;

/**
 * A cluster (cụm công nghiệp) as the store and the API know it, without its geometry.
 * Only what a source states is filled in: `null` or absent means unknown.
 */
export const ClusterProperties = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  provinceId: z.string(),
  name: LocalizedText,
  /** Spellings found in sources, e.g. a typo the source makes. */
  aliases: z.array(z.string()).default([]),
  stage: Stage,
  stageSourceId: z.string(),
  stageNote: LocalizedText.optional(),
  /** Administrative unit as the source names it, with the source's date; null when the source names none. */
  locality: sourced(LocalizedText).nullable(),
  infrastructureInvestor: sourced(z.object({ kind: z.enum(infrastructureInvestorKinds.codes) })).nullable(),
  wastewaterPlant: sourced(
    z.object({ state: WastewaterPlantState, capacityM3PerDay: z.number().positive().optional() }),
  ).nullable(),
  /** State of each technical infrastructure component a source reports; an absent component is unknown. */
  infrastructure: z.partialRecord(InfrastructureComponent, sourced(InfrastructureState)).default({}),
  /** Land clearance needs; the cleared share is `figures.clearedSharePercent`. Null: unknown. */
  clearance: sourced(
    z.object({ compensationNeeded: z.boolean().nullable(), resettlementNeeded: z.boolean().nullable() }),
  )
    .nullable()
    .default(null),
  obstacles: z.array(z.object({ kind: ObstacleKind, sourceId: z.string() })).default([]),
  targets: z.array(Target).default([]),
  figures: ClusterFigures.default({}),
  geometrySource: GeometrySource,
  /** How an illustrative geometry was placed, so nobody mistakes it for a boundary. */
  geometryNote: LocalizedText.optional(),
  /** The document a drawn or imported boundary follows, and the date it holds at, when known. */
  geometrySourceId: z.string().optional(),
  geometryAsOf: IsoDate.nullable().optional(),
  sourceIds: z.array(z.string()).min(1),
});
export type ClusterProperties = z.infer<typeof ClusterProperties>;
export type ClusterPropertiesInput = z.input<typeof ClusterProperties>;

const Position = z.tuple([z.number(), z.number()]);
/** A closed ring (first position repeated last, RFC 7946 §3.1.6) of at least four positions. */
const LinearRing = z
  .array(Position)
  .min(4)
  .refine((ring) => {
    const first = ring[0];
    const last = ring.at(-1);
    return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
  }, 'ring is not closed: its last position must repeat the first');
export const ClusterGeometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(LinearRing).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(LinearRing).min(1)).min(1) }),
]);
export type ClusterGeometry = z.infer<typeof ClusterGeometry>;

export const ClusterFeature = z.object({
  type: z.literal('Feature'),
  id: z.string().optional(),
  geometry: ClusterGeometry,
  properties: ClusterProperties,
});
export type ClusterFeature = z.infer<typeof ClusterFeature>;

export const ClusterFeatureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(ClusterFeature),
});
export type ClusterFeatureCollection = z.infer<typeof ClusterFeatureCollection>;
