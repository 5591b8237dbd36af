import { ApiError } from '../../../../domain/api.ts';
import { ImportEvent, type ImportProgress } from '../../../../domain/import-api.ts';
import { ApiRequestError } from '../../api/client.ts';
import { ndjsonLines } from './ndjson-lines.ts';

/** What to import and how: the query of `POST /api/provinces/{id}/imports`. */
export type ImportOrder = {
  provinceId: string;
  file: File;
  /** A CRS code (domain/crs.ts); null reads it from the file. */
  crs: string | null;
  sourceId: string | null;
  asOf: string | null;
  commit: boolean;
};

/** The answer's last line: the plan, the result, or an error met once the answer had begun. */
export type FinalImportEvent = Exclude<ImportEvent, { type: 'progress' }>;

export type ImportListeners = {
  csrfToken: string | null;
  /** Bytes of the file sent so far. */
  onUpload: (loaded: number, total: number) => void;
  onProgress: (progress: ImportProgress) => void;
};

/** A refusal before the answer began (401, 403, 413, 422, …), with the server's bilingual message. */
function refusal(xhr: XMLHttpRequest): ApiRequestError {
  let body: unknown = null;
  try {
    body = JSON.parse(xhr.responseText);
  } catch {
    // Not JSON (a proxy's page): the status alone says what happened.
  }
  const parsed = ApiError.safeParse(body);
  return parsed.success
    ? new ApiRequestError(
        xhr.status,
        parsed.data.error.message_vi,
        parsed.data.error.message_en,
        parsed.data.error.code,
        body,
      )
    : new ApiRequestError(xhr.status, `Lỗi ${xhr.status}`, `Error ${xhr.status}`);
}

const lostConnection = () =>
  new ApiRequestError(
    0,
    'Mất kết nối với máy chủ trước khi nhập xong. Nếu đang ghi, không có gì được ghi; hãy thử lại.',
    'The connection to the server was lost before the import finished. If it was writing, nothing was written; try again.',
    'network',
  );

/**
 * Sends the file with XMLHttpRequest rather than fetch: only XHR reports upload progress
 * (`upload.onprogress`). The NDJSON answer is read as it arrives, from `responseText` in
 * `onprogress`. Resolves with the last line; rejects with an ApiRequestError for a refusal before
 * the answer began or a lost connection. `abort` stops it (a commit in progress then rolls back).
 */
export function sendImport(
  order: ImportOrder,
  listeners: ImportListeners,
): { done: Promise<FinalImportEvent>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const query = new URLSearchParams({ fileName: order.file.name });
  if (order.crs) query.set('crs', order.crs);
  if (order.sourceId) query.set('source', order.sourceId);
  if (order.asOf) query.set('asOf', order.asOf);
  if (order.commit) query.set('commit', 'true');
  const done = new Promise<FinalImportEvent>((resolve, reject) => {
    const next = ndjsonLines();
    let last: FinalImportEvent | null = null;
    // A line that does not parse is a client/server mismatch: kept, and reported at the end.
    let misread: unknown = null;
    const read = (final: boolean) => {
      if (xhr.status !== 200) return;
      for (const line of next(xhr.responseText, final)) {
        try {
          const event = ImportEvent.parse(JSON.parse(line));
          if (event.type === 'progress') listeners.onProgress(event);
          else last = event;
        } catch (error) {
          misread ??= error;
        }
      }
    };
    xhr.upload.onprogress = (event) => listeners.onUpload(event.loaded, event.total || order.file.size);
    xhr.onprogress = () => read(false);
    xhr.onload = () => {
      if (xhr.status !== 200) {
        reject(refusal(xhr));
        return;
      }
      read(true);
      if (last) resolve(last);
      else reject(misread ?? lostConnection());
    };
    xhr.onerror = () => reject(lostConnection());
    xhr.onabort = () => reject(lostConnection());
  });
  xhr.open('POST', `/api/provinces/${encodeURIComponent(order.provinceId)}/imports?${query}`);
  xhr.setRequestHeader('Content-Type', 'application/octet-stream');
  xhr.setRequestHeader('Accept', 'application/x-ndjson, application/json');
  if (listeners.csrfToken) xhr.setRequestHeader('X-CSRF-Token', listeners.csrfToken);
  xhr.send(order.file);
  return { done, abort: () => xhr.abort() };
}
