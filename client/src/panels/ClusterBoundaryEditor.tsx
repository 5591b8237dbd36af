import type { ComponentProps } from 'react';
import type { NeighbourCluster } from '../../../domain/boundary-check.ts';
import type { ClusterProperties } from '../../../domain/cluster.ts';
import { BoundaryEditor } from './boundary/BoundaryEditor.tsx';
import { clusterBoundaryTarget } from './boundary/cluster-target.ts';

type Props = Omit<ComponentProps<typeof BoundaryEditor>, 'target'> & {
  cluster: ClusterProperties;
  neighbours: readonly NeighbourCluster[];
  title: string;
};

/** The boundary editor for a cluster: its checks (Turf, proj4) come with it, in its own chunk. */
export function ClusterBoundaryEditor({ cluster, neighbours, title, ...editor }: Props) {
  return <BoundaryEditor {...editor} target={clusterBoundaryTarget(cluster, neighbours, title)} />;
}
