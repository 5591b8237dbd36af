import type { PlotStatus } from '../../../domain/plot.ts';

/** One colour per plot status, from Okabe & Ito's colour-blind-safe palette. */
export const plotStatusColors: Record<PlotStatus, string> = {
  available: '#009E73',
  reserved: '#E69F00',
  leased: '#999999',
};
