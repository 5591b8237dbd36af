import { z } from 'zod';
import type { BoundaryCheck } from './boundary-check.ts';
import { ClusterGeometry } from './cluster.ts';
import { IsoDate } from './text.ts';

/**
 * A boundary an editor drew or redrew on the map (`PUT /api/clusters/{id}/boundary`, with If-Match):
 * the shape in WGS84 longitude/latitude, and the document it was traced from with the date it holds at.
 */
export const BoundaryChange = z
  .object({
    geometry: ClusterGeometry,
    source: z.object({ sourceId: z.string().regex(/^[a-z0-9-]{1,64}$/), asOf: IsoDate }),
  })
  .strict();
export type BoundaryChange = z.infer<typeof BoundaryChange>;

/** The 422 of a boundary the check refuses: the message, and every finding so the editor sees where. */
export type BoundaryRefusal = {
  error: { code: 'invalid_boundary'; message_vi: string; message_en: string };
  check: BoundaryCheck | null;
};
