import { z } from 'zod';
import { ClusterProperties, Stage, WastewaterPlantState } from './cluster.ts';
import { PlotContact, PlotGeometry, PlotOrigin, PlotProperties, type PlotStatus } from './plot.ts';
import { Source } from './source.ts';
import { LocalizedText } from './text.ts';

/** Largest page `GET /api/plots` returns; a larger `limit` is refused with a message, not cut silently. */
export const PLOT_PAGE_LIMIT_MAX = 500;
export const PLOT_PAGE_LIMIT_DEFAULT = 50;
/** Largest bbox side, in degrees (~550 km): wider asks go through province or cluster filters. */
export const PLOT_BBOX_SPAN_MAX_DEGREES = 5;

export const plotSortKeys = ['area', '-area', 'label', 'cluster'] as const;
export const PlotSort = z.enum(plotSortKeys);
export type PlotSort = z.infer<typeof PlotSort>;

/** Query parameters of `GET /api/plots`, by name; anything else is refused with 400. */
export const plotQueryParameters = [
  'province',
  'cluster',
  'status',
  'minAreaHa',
  'maxAreaHa',
  'minInfrastructurePercent',
  'wastewater',
  'bbox',
  'sort',
  'limit',
  'offset',
] as const;

/** `GET /api/plots` after validation. Absent fields do not filter. */
export type PlotQuery = {
  provinceId?: string;
  clusterIds?: string[];
  statuses?: PlotStatus[];
  minAreaHa?: number;
  maxAreaHa?: number;
  /** The cluster's infrastructure is at least this complete for certain (its minimum percentage). */
  minInfrastructurePercent?: number;
  /** Only plots whose cluster has a wastewater plant that meets the national standard. */
  wastewaterCompliant?: boolean;
  bbox?: [number, number, number, number];
  sort: PlotSort;
  limit: number;
  offset: number;
};

/** What an investor needs to know of the plot's cluster, derived from the cluster's own record. */
export const PlotClusterContext = z.object({
  id: z.string(),
  name: LocalizedText,
  stage: Stage,
  geometrySource: ClusterProperties.shape.geometrySource,
  /** Infrastructure completeness: exact when every component is known, else a range. */
  infrastructure: z.object({
    percent: z.number().nullable(),
    minimumPercent: z.number(),
    maximumPercent: z.number(),
  }),
  /** Null: unknown ("chưa có số liệu"). */
  wastewaterPlant: z
    .object({ state: WastewaterPlantState, capacityM3PerDay: z.number().optional(), sourceId: z.string() })
    .nullable(),
  /** Leased ÷ leasable industrial land from the cluster's reported figures; null when either is unknown. */
  occupancy: z.object({ percent: z.number(), sourceId: z.string() }).nullable(),
  locality: LocalizedText.nullable(),
});
export type PlotClusterContext = z.infer<typeof PlotClusterContext>;

/** Whom to contact, and why this one: the plot's own contact, else the province's lead agency. */
export const ResolvedContact = z.object({
  from: z.enum(['plot', 'province-lead-agency']),
  contact: PlotContact.nullable(),
  description: LocalizedText.nullable(),
  sourceId: z.string().nullable(),
});
export type ResolvedContact = z.infer<typeof ResolvedContact>;

/** One row of the plot list: no geometry (the map draws tiles), but where to fly to. */
export const PlotSummary = z.object({
  properties: PlotProperties,
  /** Measured from the geometry: in the province's VN-2000 plane where known, else on the ellipsoid. */
  areaHa: z.number().nonnegative(),
  areaM2: z.number().nonnegative(),
  areaMeasure: z.enum(['vn2000-plane', 'ellipsoid']),
  /** A point inside the plot (PostGIS ST_PointOnSurface), for a marker or the camera. */
  centroid: z.tuple([z.number(), z.number()]),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  cluster: PlotClusterContext,
});
export type PlotSummary = z.infer<typeof PlotSummary>;

/** `GET /api/plots` */
export const PlotPage = z.object({
  plots: z.array(PlotSummary),
  numberMatched: z.number().int().nonnegative(),
  numberReturned: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  offset: z.number().int().nonnegative(),
});
export type PlotPage = z.infer<typeof PlotPage>;

/** `GET /api/plots/{id}` */
export const PlotDetail = PlotSummary.extend({
  geometry: PlotGeometry,
  /** The version a boundary redraw names in If-Match (`"plot-<id>-v<version>"`). */
  version: z.number().int().positive(),
  contact: ResolvedContact,
  /** Every source the plot, its cluster context and its contact cite, so the card can name each. */
  sources: z.array(Source),
});
export type PlotDetail = z.infer<typeof PlotDetail>;

/** A plot as an outline, for the live overlap check while another plot of its cluster is redrawn. */
export const PlotOutline = z.object({
  id: z.string(),
  label: z.string(),
  origin: PlotOrigin,
  geometry: PlotGeometry,
});
export type PlotOutline = z.infer<typeof PlotOutline>;

/** `GET /api/clusters/{id}/plot-outlines`. */
export const PlotOutlines = z.object({ plots: z.array(PlotOutline) });
export type PlotOutlines = z.infer<typeof PlotOutlines>;
