import type { BoundaryChange } from '../../../../domain/boundary-change.ts';
import { ClusterRecord } from '../../../../domain/history.ts';
import { sendJson } from '../../api/client.ts';

/**
 * `PUT /api/clusters/{id}/boundary` over the version `etag` names. Throws ApiRequestError: a 412
 * carries a StaleWrite, a 422 the server's BoundaryRefusal (or invalid_geometry for no valid GeoJSON).
 */
export async function saveBoundary(
  clusterId: string,
  change: BoundaryChange,
  options: { csrfToken: string | null; etag: string },
): Promise<ClusterRecord> {
  const result = await sendJson('PUT', `/api/clusters/${encodeURIComponent(clusterId)}/boundary`, change, {
    csrfToken: options.csrfToken,
    ifMatch: options.etag,
    schema: ClusterRecord,
  });
  return result.body;
}
