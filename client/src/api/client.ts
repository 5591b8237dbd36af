import type { z } from 'zod';
import { ProvinceDetail, ProvinceList } from '../../../domain/api.ts';
import { ClusterFeatureCollection } from '../../../domain/cluster.ts';
import { PlotDetail, PlotPage } from '../../../domain/plot-api.ts';
import { apiRequestError, prefetchJson, readJson } from './fetch-json.ts';
import { apiPaths } from './paths.ts';

export { ApiRequestError } from './fetch-json.ts';

/** GETs `path` and parses the answer with `schema`; an answer other than 2xx throws an ApiRequestError. */
export async function getJson<T extends z.ZodType>(
  path: string,
  schema: T,
  signal?: AbortSignal,
): Promise<z.infer<T>> {
  // Parse with the shared schemas: a server/client mismatch shows up here, not as a blank card.
  return schema.parse(await readJson(path, signal));
}

export const api = {
  provinces: (signal?: AbortSignal) => getJson(apiPaths.provinces, ProvinceList, signal),
  /** `asOf`: the province as the data recorded it at the end of that day; absent: now. */
  province: (id: string, signal?: AbortSignal, asOf?: string | null) =>
    getJson(apiPaths.province(id, asOf), ProvinceDetail, signal),
  /** Every cluster of a province, removed ones included: the map hides those unless asked. */
  clusters: (provinceId: string, signal?: AbortSignal, asOf?: string | null) =>
    getJson(apiPaths.clusters(provinceId, asOf), ClusterFeatureCollection, signal),
  /** One page of plots; `query` is built by plotQueryString, so the map's filter says the same. */
  plots: (query: string, signal?: AbortSignal) => getJson(`/api/plots?${query}`, PlotPage, signal),
  /** A plot with its geometry and whom to contact. */
  plot: (id: string, signal?: AbortSignal) =>
    getJson(`/api/plots/${encodeURIComponent(id)}`, PlotDetail, signal),
};

/**
 * Starts what the planner's first map reads, before React renders: the province list and, for
 * the province the address names (or the default), its record and clusters. A province the list
 * then does not hold only wastes its two requests.
 */
export function prefetchPlannerMap(provinceId: string, asOf: string | null) {
  prefetchJson(apiPaths.provinces);
  prefetchJson(apiPaths.province(provinceId, asOf));
  prefetchJson(apiPaths.clusters(provinceId, asOf));
}

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

/** What a write answered: its status, its ETag (a record's new version) and its parsed body. */
export type SendResult<Body> = { status: number; etag: string | null; body: Body };

/**
 * Sends a JSON write (POST, PUT, PATCH, DELETE) with the session's CSRF token and, for an edit of
 * a versioned record, `If-Match`. An answer other than 2xx throws an ApiRequestError with the
 * server's bilingual message, its code and its body.
 *
 * @example await sendJson('PATCH', '/api/clusters/song-cau', change, { csrfToken, ifMatch: etag })
 */
export async function sendJson<T extends z.ZodType = z.ZodUnknown>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body: unknown,
  options: { csrfToken: string | null; ifMatch?: string; schema?: T },
): Promise<SendResult<z.infer<T>>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.csrfToken) headers['X-CSRF-Token'] = options.csrfToken;
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? null : JSON.stringify(body),
  });
  const answer: unknown = await response.json().catch(() => null);
  if (!response.ok) throw apiRequestError(response.status, answer);
  return {
    status: response.status,
    etag: response.headers.get('ETag'),
    body: (options.schema ? options.schema.parse(answer) : answer) as z.infer<T>,
  };
}
