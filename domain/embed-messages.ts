import { z } from 'zod';

/**
 * The postMessage protocol between a host page and an embedded map. Every message carries
 * `source: 'ccn-atlas'` so neither side mistakes someone else's messages for its own.
 */
export const SOURCE = 'ccn-atlas' as const;

const LayerId = z.enum(['stage', 'clearance', 'infrastructure', 'wastewater', 'occupancy']);
const Bbox = z
  .tuple([
    z.number().min(-180).max(180),
    z.number().min(-85).max(85),
    z.number().min(-180).max(180),
    z.number().min(-85).max(85),
  ])
  .refine(
    ([west, south, east, north]) => west < east && south < north,
    'bbox must be [west, south, east, north]',
  );

/** Host → embed. */
export const EmbedCommand = z.discriminatedUnion('type', [
  z.object({ source: z.literal(SOURCE), type: z.literal('set-layer'), layer: LayerId }),
  z.object({
    source: z.literal(SOURCE),
    type: z.literal('select-cluster'),
    id: z
      .string()
      .regex(/^[a-z0-9-]{1,64}$/)
      .nullable(),
  }),
  z.object({ source: z.literal(SOURCE), type: z.literal('fly-to-bbox'), bbox: Bbox }),
]);
export type EmbedCommand = z.infer<typeof EmbedCommand>;

/** Embed → host. */
export type EmbedEvent =
  | { source: typeof SOURCE; type: 'ready'; province: string; clusterCount: number }
  | {
      source: typeof SOURCE;
      type: 'cluster-selected';
      id: string | null;
      name: { vi: string; en: string } | null;
    }
  | { source: typeof SOURCE; type: 'error'; message: string };
