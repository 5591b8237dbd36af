import { z } from 'zod';
import { Stage } from './cluster.ts';
import { Province } from './province.ts';
import { ReconciliationRow } from './reconciliation.ts';
import { Source } from './source.ts';
import { LocalizedText } from './text.ts';

/** Body of every error the API returns. */
export const ApiError = z.object({
  error: z.object({ code: z.string(), message_vi: z.string(), message_en: z.string() }),
});
export type ApiError = z.infer<typeof ApiError>;

/** `GET /api/provinces` */
export const ProvinceSummary = z.object({
  id: z.string(),
  name: LocalizedText,
  plan: LocalizedText.nullable(),
  view: Province.shape.view,
  /** Clusters held in the data, which may be fewer than the plan counts. */
  clusterCount: z.number().int().nonnegative(),
});
export type ProvinceSummary = z.infer<typeof ProvinceSummary>;
export const ProvinceList = z.object({ provinces: z.array(ProvinceSummary) });
export type ProvinceList = z.infer<typeof ProvinceList>;

/** `GET /api/provinces/{id}`: reported figures with their sources, beside figures computed from cluster data. */
export const ProvinceDetail = z.object({
  province: Province,
  sources: z.array(Source),
  clusterCountsByStage: z.record(Stage, z.number().int().nonnegative()),
  reconciliation: z.array(ReconciliationRow),
});
export type ProvinceDetail = z.infer<typeof ProvinceDetail>;

/** Query of `GET /api/clusters`. `stage` takes one stage or several, comma-separated or repeated. */
export const clusterQueryParameters = ['province', 'stage', 'asOf'] as const;
/** `asOf`: the clusters as the data recorded them at the end of that day (the audit log), not now. */
export type ClusterQuery = { province?: string; stages?: Stage[]; asOf?: string };
