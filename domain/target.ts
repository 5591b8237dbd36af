import { z } from 'zod';
import { Unit } from './figure.ts';
import { IsoDate, LocalizedText } from './text.ts';
import { vocabulary } from './vocabulary.ts';

export const TargetKind = z.enum(['occupancy', 'clearance-and-construction', 'wastewater-plant-compliance']);
export type TargetKind = z.infer<typeof TargetKind>;

/** What a target is about, as an editor picks it; each kind is measured by one figure (target-progress.ts). */
export const targetKinds = vocabulary({
  occupancy: { vi: 'Tỷ lệ lấp đầy', en: 'Occupancy' },
  'clearance-and-construction': {
    vi: 'Giải phóng mặt bằng và khởi công xây dựng',
    en: 'Land clearance and start of construction',
  },
  'wastewater-plant-compliance': {
    vi: 'Trạm xử lý nước thải đạt quy chuẩn',
    en: 'Wastewater plant meeting the national standard',
  },
} satisfies Record<TargetKind, LocalizedText>);

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
