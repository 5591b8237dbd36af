/**
 * Importing a file in the app: `POST /api/provinces/{id}/imports`, the dry run's report and the
 * NDJSON events the server streams while it checks and writes. Shared by the server (which builds
 * them) and the client (which parses them with these schemas).
 */
import { z } from 'zod';
import { ApiError } from './api.ts';
import { ClusterFigures, ClusterGeometry, GeometrySource } from './cluster.ts';

/** Largest file read, in bytes (a zip's contents are capped separately, at 200 MB unpacked). */
export const MAX_IMPORT_FILE_BYTES = 200 * 1024 * 1024;

/** The query parameters of the import route; `commit` absent or `false` is a dry run. */
export const importQueryParameters = ['fileName', 'crs', 'source', 'asOf', 'commit'] as const;

/** File extensions the import reads: GeoJSON, KML, zipped Shapefile, figures CSV. */
export const importFileExtensions = ['.geojson', '.json', '.kml', '.zip', '.csv'] as const;

export const ImportFormat = z.enum(['geojson', 'kml', 'shapefile-zip', 'csv']);
export type ImportFormat = z.infer<typeof ImportFormat>;

/** A text in both languages. */
const Bilingual = z.object({ vi: z.string(), en: z.string() });

/** Something an import file says or lacks, in both languages; `feature` is 1-based, null for the file. */
export const ImportProblem = z.object({
  feature: z.number().int().nullable(),
  vi: z.string(),
  en: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

/** Progress through a long step: `done` of `total` items. */
export const ImportProgress = z.object({
  phase: z.enum(['check', 'write']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

/** The imported area against a figure the cluster already carries. */
export const AreaComparison = z.object({
  key: z.enum(['plannedAreaHa', 'establishedAreaHa']),
  declaredHa: z.number(),
  differenceHa: z.number(),
  differencePercent: z.number(),
});
export type AreaComparison = z.infer<typeof AreaComparison>;

/** One feature (or CSV row) of the file, and what importing it would do. */
export const PlannedItem = z.object({
  /** 1-based feature number, or the CSV line. */
  item: z.number().int(),
  /** How the file names its cluster (name, else id), as written. */
  reference: z.string().nullable(),
  match: z.object({ clusterId: z.string(), name: z.string(), by: z.enum(['id', 'name']) }).nullable(),
  /** For an unmatched item: the closest cluster names. */
  suggestions: z.array(z.string()),
  /** The new boundary (WGS84) when the item has a valid polygon and a cluster; null otherwise. */
  geometry: ClusterGeometry.nullable(),
  geometryType: z.string().nullable(),
  /** PostGIS's reason when the geometry is invalid. */
  invalidReason: z.string().nullable(),
  /** Area of the new boundary, in the province's VN-2000 plane when its meridian is known. */
  area: z
    .object({
      hectares: z.number(),
      measure: z.enum(['vn2000-plane', 'ellipsoid']),
      comparisons: z.array(AreaComparison),
    })
    .nullable(),
  /** The geometry source the new boundary replaces. */
  replaces: GeometrySource.nullable(),
  figures: z.partialRecord(ClusterFigures.keyof(), z.object({ value: z.number(), approximate: z.boolean() })),
  asOf: z.string().nullable(),
});
export type PlannedItem = z.infer<typeof PlannedItem>;

/** The dry run's report: what the file holds and what a commit would change. */
export const ImportPlan = z.object({
  format: ImportFormat,
  crs: z.object({ code: z.string(), label: Bilingual, from: z.enum(['file', 'user', 'default']) }).nullable(),
  /** Features (or CSV rows) read. */
  itemsRead: z.number().int().nonnegative(),
  items: z.array(PlannedItem),
  /** Properties or columns the import does not know, in order of first appearance. */
  unknownFields: z.array(z.string()),
  /** What stops the commit: any one refuses the whole file. */
  problems: z.array(ImportProblem),
  /** What the commit would do that a planner should know: replacements, large area differences. */
  warnings: z.array(ImportProblem),
  notes: z.array(Bilingual),
});
export type ImportPlan = z.infer<typeof ImportPlan>;

/**
 * The plan as the route sends it: each item's new boundary left out (the client does not draw it,
 * and a large file's coordinates would double the answer), `hasBoundary` saying whether it has one.
 */
export const ImportPlanReport = ImportPlan.extend({
  items: z.array(PlannedItem.omit({ geometry: true }).extend({ hasBoundary: z.boolean() })),
});
export type ImportPlanReport = z.infer<typeof ImportPlanReport>;

/** The report of a plan, for the wire. */
export const planReport = (plan: ImportPlan): ImportPlanReport => ({
  ...plan,
  items: plan.items.map(({ geometry, ...item }) => ({ ...item, hasBoundary: geometry !== null })),
});

/** What a commit wrote. */
export const ImportResult = z.object({
  boundariesUpdated: z.number().int().nonnegative(),
  figuresUpdated: z.number().int().nonnegative(),
});
export type ImportResult = z.infer<typeof ImportResult>;

/**
 * One line of the route's NDJSON answer: progress (at most ~10 a second), then exactly one of the
 * dry run's plan, the commit's result, or an error met after the answer began (a commit refused for
 * the plan's problems carries the plan; nothing was written).
 */
export const ImportEvent = z.discriminatedUnion('type', [
  ImportProgress.extend({ type: z.literal('progress') }),
  z.object({ type: z.literal('plan'), plan: ImportPlanReport }),
  z.object({ type: z.literal('result'), plan: ImportPlanReport, result: ImportResult }),
  z.object({
    type: z.literal('error'),
    /** The HTTP status the error would have had, had the answer not begun. */
    status: z.number().int(),
    error: ApiError.shape.error,
    plan: ImportPlanReport.optional(),
  }),
]);
export type ImportEvent = z.infer<typeof ImportEvent>;
