import { z } from 'zod';
import { Unit } from './figure.ts';
import { IsoDate, LocalizedText } from './text.ts';

export const TargetKind = z.enum(['occupancy', 'clearance-and-construction', 'wastewater-plant-compliance']);
export type TargetKind = z.infer<typeof TargetKind>;

/** A target a plan sets (mục tiêu): a figure or a milestone, with its deadline when the plan gives one. */
export const Target = z.object({
  kind: TargetKind,
  description: LocalizedText,
  value: z.number().finite().optional(),
  unit: Unit.optional(),
  /** Last day of the deadline; null when the plan sets none. */
  deadline: IsoDate.nullable(),
  sourceId: z.string(),
});
export type Target = z.infer<typeof Target>;
