import { checkBoundary, type NeighbourCluster } from '../../../../domain/boundary-check.ts';
import type { ClusterProperties } from '../../../../domain/cluster.ts';
import { provinceCentralMeridian } from '../../../../domain/vn2000.ts';
import { fetchClusterRecord } from '../edit/cluster-api.ts';
import type { BoundaryTarget } from './BoundaryEditor.tsx';
import { saveBoundary } from './boundary-api.ts';

/**
 * A cluster's boundary as the drawing panel edits it: checked against the other clusters on the
 * map (the server checks every province's), saved over the version its ETag names.
 */
export function clusterBoundaryTarget(
  cluster: ClusterProperties,
  neighbours: readonly NeighbourCluster[],
  title: string,
): BoundaryTarget {
  return {
    id: `cluster-${cluster.id}`,
    title,
    check: (geometry) =>
      checkBoundary(geometry, {
        cluster,
        centralMeridianDegrees: provinceCentralMeridian(cluster.provinceId),
        neighbours,
      }),
    initialSourceId: cluster.geometrySourceId ?? '',
    loadVersion: async (signal) => (await fetchClusterRecord(cluster.id, signal)).etag,
    save: async (change, options) => (await saveBoundary(cluster.id, change, options)).version,
  };
}
