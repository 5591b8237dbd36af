import type { Stage } from '../../../domain/cluster.ts';

/** One colour per lifecycle stage: cool for not-yet-built, warm for stalled, green for operating. */
export const stageColors: Record<Stage, string> = {
  planned: '#8c6bb1',
  established: '#f46d43',
  building: '#fdae61',
  operating: '#1a9850',
  removed: '#969696',
};
