import type { ClusterProperties } from '../../../../domain/cluster.ts';
import type { LocalizedText } from '../../../../domain/text.ts';

export const thematicLayerIds = ['stage', 'clearance', 'infrastructure', 'wastewater', 'occupancy'] as const;
export type ThematicLayerId = (typeof thematicLayerIds)[number];

export const UNKNOWN_CLASS = 'unknown';

export type ThematicClass = { key: string; color: string; label: LocalizedText };

/** A thematic layer: how to sort clusters into classes, and how each class looks in map and legend. */
export type ThematicLayer = {
  id: ThematicLayerId;
  title: LocalizedText;
  /** One line under the legend title: what the colour means and where it comes from. */
  description: LocalizedText;
  /** In legend order; the unknown class, when the layer can have one, comes last. */
  classes: ThematicClass[];
  classify: (cluster: ClusterProperties) => string;
  /** Clusters to ring in black, with the legend's words for the ring. */
  ring?: { label: LocalizedText; test: (cluster: ClusterProperties) => boolean };
  /** Drawn as a droplet instead of a dot (the wastewater plant has a symbol of its own). */
  symbol: 'dot' | 'droplet';
};

export const unknownClass: ThematicClass = {
  key: UNKNOWN_CLASS,
  color: '#b0b0b0',
  label: { vi: 'Chưa có số liệu', en: 'No data' },
};
