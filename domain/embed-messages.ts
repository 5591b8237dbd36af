import * as z from 'zod/mini';

/**
 * The postMessage protocol between a host page and an embedded map. Every message carries
 * `source: 'ccn-atlas'` so neither side mistakes someone else's messages for its own.
 *
 * A host's message is untrusted input: `EmbedCommand.safeParse` checks every field. The schema is
 * `zod/mini`, zod's tree-shakable form: the embed is a build of its own (vite.config.ts) and keeps
 * only the few checks used here, within its 500 KB gzip budget (bench/first-map.ts).
 */
export const SOURCE = 'ccn-atlas' as const;

const LayerId = z.enum(['stage', 'clearance', 'infrastructure', 'wastewater', 'occupancy']);
const degrees = (limit: number) => z.number().check(z.gte(-limit), z.lte(limit));
const Bbox = z
  .tuple([degrees(180), degrees(85), degrees(180), degrees(85)])
  .check(
    z.refine(
      ([west, south, east, north]) => west < east && south < north,
      'bbox must be [west, south, east, north]',
    ),
  );

/** Host → embed. */
export const EmbedCommand = z.discriminatedUnion('type', [
  z.object({ source: z.literal(SOURCE), type: z.literal('set-layer'), layer: LayerId }),
  z.object({
    source: z.literal(SOURCE),
    type: z.literal('select-cluster'),
    id: z.nullable(z.string().check(z.regex(/^[a-z0-9-]{1,64}$/))),
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
