import { z } from 'zod';
import { ClusterFeature } from './cluster.ts';

/** One recorded change of a cluster, as its timeline shows it. */
export const ClusterHistoryEntry = z.object({
  at: z.string(),
  /** Who made it; null for the system (the shipped data's load). */
  accountName: z.string().nullable(),
  action: z.enum(['load', 'update', 'import', 'layout', 'delete']),
  sourceId: z.string().nullable(),
  /** The version the change produced. */
  version: z.number().int().positive(),
  differences: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type ClusterHistoryEntry = z.infer<typeof ClusterHistoryEntry>;

/** `GET /api/clusters/{id}/history`, newest first. */
export const ClusterHistory = z.object({ entries: z.array(ClusterHistoryEntry) });
export type ClusterHistory = z.infer<typeof ClusterHistory>;

/** `GET /api/clusters/{id}`: the cluster and the version its ETag names. */
export const ClusterRecord = z.object({ feature: ClusterFeature, version: z.number().int().positive() });
export type ClusterRecord = z.infer<typeof ClusterRecord>;

/** The 412 body of a stale write: what the cluster is now, and what changed since the editor's version. */
export const StaleWrite = z.object({
  error: z.object({ code: z.literal('stale'), message_vi: z.string(), message_en: z.string() }),
  current: ClusterRecord,
  changesSince: z.array(ClusterHistoryEntry),
});
export type StaleWrite = z.infer<typeof StaleWrite>;
