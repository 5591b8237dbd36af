import { z } from 'zod';
import { ClusterGeometry } from './cluster.ts';
import { IsoDate } from './text.ts';
import { plotOrigins, plotStatuses } from './vocabulary.ts';

export const PlotStatus = z.enum(plotStatuses.codes);
export type PlotStatus = z.infer<typeof PlotStatus>;
export const PlotOrigin = z.enum(plotOrigins.codes);
export type PlotOrigin = z.infer<typeof PlotOrigin>;

/** Whom an investor calls about a plot: the unit that manages the cluster or leases the land. */
export const PlotContact = z.object({
  name: z.string().trim().min(1).max(200),
  phone: z.string().trim().max(40).optional(),
  email: z.email().max(200).optional(),
  address: z.string().trim().max(300).optional(),
});
export type PlotContact = z.infer<typeof PlotContact>;

/** How a generated layout was made, so it can be made again and is never mistaken for a survey. */
export const PlotLayoutParameters = z.object({
  /** Plot frontage along the internal road, in metres. */
  plotWidthM: z.number().min(10).max(500),
  /** Plot depth away from the road, in metres. */
  plotDepthM: z.number().min(10).max(500),
  /** Width of the internal roads between blocks of plots, in metres. */
  roadWidthM: z.number().min(4).max(60),
  /** Plots clipped by the boundary to less than this share of a full plot are dropped. */
  minPlotShare: z.number().min(0).max(1).default(0.5),
});
export type PlotLayoutParameters = z.infer<typeof PlotLayoutParameters>;
export type PlotLayoutParametersInput = z.input<typeof PlotLayoutParameters>;

/**
 * A plot (lô đất) inside a cluster, as the store and the API hold it, without its geometry.
 * Its area is measured from the geometry by the server, never typed in.
 */
export const PlotProperties = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,80}$/),
    clusterId: z.string().regex(/^[a-z0-9-]+$/),
    provinceId: z.string().regex(/^[a-z0-9-]+$/),
    /** The plot's number on the layout drawing (số hiệu lô), e.g. "A-12". */
    label: z.string().trim().min(1).max(40),
    status: PlotStatus,
    /** Industries the cluster admits on this plot (ngành nghề được phép), as the source words them. */
    permittedIndustries: z.array(z.string().trim().min(1).max(160)).max(40).default([]),
    /** The secondary investor leasing the plot; only for a leased plot, null when not known. */
    tenant: z.string().trim().min(1).max(200).nullable().default(null),
    /** Null: the cluster's or the province's contact is shown instead, with its source. */
    contact: PlotContact.nullable().default(null),
    origin: PlotOrigin,
    /** Present exactly when `origin` is `generated`. */
    layout: PlotLayoutParameters.optional(),
    /** The document the plot comes from (imported plots); null for a generated layout. */
    sourceId: z.string().nullable().default(null),
    /** The date the status holds at; null when not known. */
    asOf: IsoDate.nullable().default(null),
    /** The document a redrawn boundary follows, and the date it holds at. */
    geometrySourceId: z.string().optional(),
    geometryAsOf: IsoDate.optional(),
  })
  .refine((plot) => plot.status === 'leased' || plot.tenant === null, {
    message: 'only a leased plot has a tenant',
    path: ['tenant'],
  })
  .refine((plot) => (plot.origin === 'generated') === (plot.layout !== undefined), {
    message: 'a generated plot carries its layout parameters, and only a generated one',
    path: ['layout'],
  });
export type PlotProperties = z.infer<typeof PlotProperties>;
export type PlotPropertiesInput = z.input<typeof PlotProperties>;

/** Plots are single polygons: a lot is one piece of land. */
export const PlotGeometry = ClusterGeometry.options[0];
export type PlotGeometry = z.infer<typeof PlotGeometry>;

export const PlotFeature = z.object({
  type: z.literal('Feature'),
  id: z.string().optional(),
  geometry: PlotGeometry,
  properties: PlotProperties,
});
export type PlotFeature = z.infer<typeof PlotFeature>;
