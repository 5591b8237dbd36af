/**
 * The HTTP side of reading the API, with no schema library: the request, and an answer other than
 * 2xx turned into an ApiRequestError with the server's bilingual message. The app's client
 * (client.ts) parses what this returns with the shared zod schemas; the embed (embed/embed-api.ts)
 * takes it as typed, so that its script carries no zod (bench/first-map.ts: ≤ 500 KB gzip).
 */

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

/**
 * The error an answer of `status` with `body` stands for. The body is read by its shape, the one
 * `ApiError` (domain/api.ts) describes, `{ error: { code, message_vi, message_en } }`: a body of
 * another shape (a proxy's page, nothing) gives a generic message with the status.
 */
export function apiRequestError(status: number, body: unknown): ApiRequestError {
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  const fields = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const { code, message_vi: vi, message_en: en } = fields;
  return typeof code === 'string' && typeof vi === 'string' && typeof en === 'string'
    ? new ApiRequestError(status, vi, en, code, body)
    : new ApiRequestError(status, `Lỗi ${status}`, `Error ${status}`, null, body);
}

/** GETs `path` and answers its JSON body, unchecked; an answer other than 2xx throws an ApiRequestError. */
export async function fetchJson(path: string, signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(path, {
    signal,
    headers: { Accept: 'application/json, application/geo+json' },
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw apiRequestError(response.status, body);
  return body;
}

/** Requests started before anyone asked (`prefetchJson`), by path, each waiting for its one reader. */
const early = new Map<string, Promise<unknown>>();

/**
 * Starts GETting `path` now, for the first `readJson` of it to take: a page asks for what its first
 * map needs before React renders, instead of from effects after it (bench/first-map.ts).
 */
export function prefetchJson(path: string): void {
  if (early.has(path)) return;
  const request = fetchJson(path);
  request.catch(() => undefined); // the reader sees the failure
  early.set(path, request);
}

/** The answer prefetched for `path`, taken once; else a new request. */
export function readJson(path: string, signal?: AbortSignal): Promise<unknown> {
  const request = early.get(path);
  early.delete(path);
  return request ?? fetchJson(path, signal);
}
