import type { Stage } from '../../../domain/cluster.ts';

/** One colour per lifecycle stage, from Okabe & Ito's colour-blind-safe palette. */
export const stageColors: Record<Stage, string> = {
  planned: '#CC79A7',
  established: '#D55E00',
  building: '#E69F00',
  operating: '#009E73',
  removed: '#999999',
};
