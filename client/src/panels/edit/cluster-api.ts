import { ApiError } from '../../../../domain/api.ts';
import type { ClusterChangeInput } from '../../../../domain/cluster-change.ts';
import { ClusterHistory, ClusterRecord } from '../../../../domain/history.ts';
import { ApiRequestError, sendJson } from '../../api/client.ts';

const clusterPath = (id: string) => `/api/clusters/${encodeURIComponent(id)}`;

async function getWithEtag(path: string, signal?: AbortSignal) {
  const response = await fetch(path, { signal, headers: { Accept: 'application/json' } });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = ApiError.safeParse(body);
    throw parsed.success
      ? new ApiRequestError(response.status, parsed.data.error.message_vi, parsed.data.error.message_en)
      : new ApiRequestError(response.status, `Lỗi ${response.status}`, `Error ${response.status}`);
  }
  return { body, etag: response.headers.get('ETag') };
}

/** A versioned record to edit: `GET /api/clusters/{id}` with the ETag a write must name in If-Match. */
export async function fetchClusterRecord(id: string, signal?: AbortSignal) {
  const { body, etag } = await getWithEtag(clusterPath(id), signal);
  const record = ClusterRecord.parse(body);
  return { record, etag: etag ?? `"cluster-${id}-v${record.version}"` };
}
export type EditableRecord = Awaited<ReturnType<typeof fetchClusterRecord>>;

/** The cluster's timeline, newest first. */
export async function fetchClusterHistory(id: string, signal?: AbortSignal) {
  return ClusterHistory.parse((await getWithEtag(`${clusterPath(id)}/history`, signal)).body);
}

/** `PATCH /api/clusters/{id}` over the version `etag` names; throws ApiRequestError (412 carries a StaleWrite). */
export async function saveClusterChange(
  id: string,
  change: ClusterChangeInput,
  options: { csrfToken: string | null; etag: string },
): Promise<EditableRecord> {
  const result = await sendJson('PATCH', clusterPath(id), change, {
    csrfToken: options.csrfToken,
    ifMatch: options.etag,
    schema: ClusterRecord,
  });
  return { record: result.body, etag: result.etag ?? `"cluster-${id}-v${result.body.version}"` };
}
