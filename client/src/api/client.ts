import type { z } from 'zod';
import { ApiError, ProvinceDetail, ProvinceList } from '../../../domain/api.ts';
import { ClusterFeatureCollection } from '../../../domain/cluster.ts';
import { PlotDetail, PlotPage } from '../../../domain/plot-api.ts';
import { stages } from '../../../domain/vocabulary.ts';

/** An API answer that was not a success, with the server's message in both languages. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly messageVi: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
  }
}

async function getJson<T extends z.ZodType>(
  path: string,
  schema: T,
  signal?: AbortSignal,
): Promise<z.infer<T>> {
  const response = await fetch(path, {
    signal,
    headers: { Accept: 'application/json, application/geo+json' },
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = ApiError.safeParse(body);
    throw parsed.success
      ? new ApiRequestError(response.status, parsed.data.error.message_vi, parsed.data.error.message_en)
      : new ApiRequestError(response.status, `Lỗi ${response.status}`, `Error ${response.status}`);
  }
  // Parse with the shared schemas: a server/client mismatch shows up here, not as a blank card.
  return schema.parse(body);
}

export const api = {
  provinces: (signal?: AbortSignal) => getJson('/api/provinces', ProvinceList, signal),
  province: (id: string, signal?: AbortSignal) =>
    getJson(`/api/provinces/${encodeURIComponent(id)}`, ProvinceDetail, signal),
  /** Every cluster of a province, removed ones included: the map hides those unless asked. */
  clusters: (provinceId: string, signal?: AbortSignal) =>
    getJson(
      `/api/clusters?province=${encodeURIComponent(provinceId)}&stage=${stages.codes.join(',')}`,
      ClusterFeatureCollection,
      signal,
    ),
  /** One page of plots; `query` is built by plotQueryString, so the map's filter says the same. */
  plots: (query: string, signal?: AbortSignal) => getJson(`/api/plots?${query}`, PlotPage, signal),
  /** A plot with its geometry and whom to contact. */
  plot: (id: string, signal?: AbortSignal) =>
    getJson(`/api/plots/${encodeURIComponent(id)}`, PlotDetail, signal),
};

/**
 * Where the national cluster database export of a province and reporting period is served: a link
 * the planner follows or downloads, not fetched here.
 *
 * @example nationalReportUrl('khanh-hoa', '2024-h1', 'csv')
 * // '/api/reports/national-database?province=khanh-hoa&period=2024-h1'
 */
export function nationalReportUrl(provinceId: string, periodId: string, format: 'csv' | 'json'): string {
  const query = new URLSearchParams({ province: provinceId, period: periodId });
  if (format === 'json') query.set('format', 'json');
  return `/api/reports/national-database?${query}`;
}
