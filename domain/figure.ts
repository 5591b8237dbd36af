import { z } from 'zod';
import { IsoDate, LocalizedText } from './text.ts';

export const Unit = z.enum(['ha', 'percent', 'count', 'people', 'm3/day']);
export type Unit = z.infer<typeof Unit>;

/**
 * A reported figure: a value as a source states it. A figure we do not have is absent, never 0;
 * the interface shows it as "chưa có số liệu".
 */
export const ReportedFigure = z.object({
  value: z.number().finite(),
  unit: Unit,
  /** The source says "about" (khoảng). */
  approximate: z.boolean().default(false),
  sourceId: z.string(),
  /** The date the figure holds at; null when the source gives none (see `asOfNote`). */
  asOf: IsoDate.nullable(),
  asOfNote: LocalizedText.optional(),
  note: LocalizedText.optional(),
});
export type ReportedFigure = z.infer<typeof ReportedFigure>;
export type ReportedFigureInput = z.input<typeof ReportedFigure>;
