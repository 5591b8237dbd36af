import { z } from 'zod';
import { PlotLayoutParameters } from './plot.ts';

/**
 * `POST /api/clusters/{id}/plot-layout`: an editor generates a demonstration subdivision (phân lô
 * minh họa) of a cluster, as `npm run plots -- layout` does on the server, with the same bounds.
 */

const bounds = PlotLayoutParameters.shape;

/** The CLI's defaults (server/cli/plots.ts), which the editor's form starts from. */
export const defaultPlotLayout = { plotWidthM: 50, plotDepthM: 80, roadWidthM: 12, minShare: 0.5 } as const;

/** The sizes an editor sets, in metres, with the bounds the layout tool accepts. */
export const plotLayoutFields = {
  plotWidthM: { min: bounds.plotWidthM.minValue ?? 0, max: bounds.plotWidthM.maxValue ?? 0 },
  plotDepthM: { min: bounds.plotDepthM.minValue ?? 0, max: bounds.plotDepthM.maxValue ?? 0 },
  roadWidthM: { min: bounds.roadWidthM.minValue ?? 0, max: bounds.roadWidthM.maxValue ?? 0 },
  minShare: {
    min: bounds.minPlotShare.unwrap().minValue ?? 0,
    max: bounds.minPlotShare.unwrap().maxValue ?? 1,
  },
} as const;
export type PlotLayoutField = keyof typeof plotLayoutFields;

export const PlotLayoutRequest = z.strictObject({
  plotWidthM: bounds.plotWidthM,
  plotDepthM: bounds.plotDepthM,
  roadWidthM: bounds.roadWidthM,
  /** Clipped plots smaller than this share of a full plot are dropped; absent: 0.5. */
  minShare: bounds.minPlotShare.unwrap().optional(),
  /** True: say what would be written and write nothing. Required, so no click commits by default. */
  dryRun: z.boolean(),
});
export type PlotLayoutRequest = z.infer<typeof PlotLayoutRequest>;

/** What a layout wrote, or would write in a dry run. */
export const PlotLayoutResult = z.object({
  clusterId: z.string(),
  dryRun: z.boolean(),
  /** Plots in the new layout. */
  plotCount: z.number().int().nonnegative(),
  /** New plot ids. */
  inserted: z.number().int().nonnegative(),
  /** Plots of the previous generated layout written over (same label); their version goes up. */
  replaced: z.number().int().nonnegative(),
  /** Plots of the previous generated layout the new one no longer has; imported plots are never touched. */
  removed: z.number().int().nonnegative(),
  /** Approximate areas in the layout's local plane, in m². */
  plotAreaM2: z.number(),
  roadAreaM2: z.number(),
  boundaryAreaM2: z.number(),
  parameters: PlotLayoutParameters,
  /** The cluster's boundary is itself illustrative: the plots are placed for show only. */
  illustrativeGeometry: z.boolean(),
});
export type PlotLayoutResult = z.infer<typeof PlotLayoutResult>;
