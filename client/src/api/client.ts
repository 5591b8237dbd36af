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
    /** The server's error code (`forbidden`, `csrf`, `stale`, …) when it gave one. */
    readonly code: string | null = null,
    /** The whole answer, for errors that carry more than a message (a 412 with the current record). */
    readonly body: unknown = null,
  ) {
    super(messageEn);
  }
}

export async function getJson<T extends z.ZodType>(
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

/** The `asOf` parameter (a day `YYYY-MM-DD`) after `joiner`, or nothing for now. */
const asOfQuery = (asOf: string | null | undefined, joiner: '?' | '&') =>
  asOf ? `${joiner}asOf=${encodeURIComponent(asOf)}` : '';

export const api = {
  provinces: (signal?: AbortSignal) => getJson('/api/provinces', ProvinceList, signal),
  /** `asOf`: the province as the data recorded it at the end of that day; absent: now. */
  province: (id: string, signal?: AbortSignal, asOf?: string | null) =>
    getJson(`/api/provinces/${encodeURIComponent(id)}${asOfQuery(asOf, '?')}`, ProvinceDetail, signal),
  /** Every cluster of a province, removed ones included: the map hides those unless asked. */
  clusters: (provinceId: string, signal?: AbortSignal, asOf?: string | null) =>
    getJson(
      `/api/clusters?province=${encodeURIComponent(provinceId)}&stage=${stages.codes.join(',')}${asOfQuery(asOf, '&')}`,
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
  if (!response.ok) {
    const parsed = ApiError.safeParse(answer);
    throw parsed.success
      ? new ApiRequestError(
          response.status,
          parsed.data.error.message_vi,
          parsed.data.error.message_en,
          parsed.data.error.code,
          answer,
        )
      : new ApiRequestError(
          response.status,
          `Lỗi ${response.status}`,
          `Error ${response.status}`,
          null,
          answer,
        );
  }
  return {
    status: response.status,
    etag: response.headers.get('ETag'),
    body: (options.schema ? options.schema.parse(answer) : answer) as z.infer<T>,
  };
}
