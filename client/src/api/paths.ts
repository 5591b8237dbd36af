import { stages } from '../../../domain/vocabulary.ts';

/**
 * Where the map's answers are read, in one place: the app's client (client.ts), the embed's
 * (embed/embed-api.ts) and the requests both start before React renders (`prefetchJson`) must ask
 * for exactly the same address to share one answer.
 */

/** The `asOf` parameter (a day `YYYY-MM-DD`) after `joiner`, or nothing for now. */
const asOfQuery = (asOf: string | null | undefined, joiner: '?' | '&') =>
  asOf ? `${joiner}asOf=${encodeURIComponent(asOf)}` : '';

export const apiPaths = {
  provinces: '/api/provinces',
  /** `asOf`: the province as the data recorded it at the end of that day; absent: now. */
  province: (id: string, asOf?: string | null) =>
    `/api/provinces/${encodeURIComponent(id)}${asOfQuery(asOf, '?')}`,
  /** Every cluster of a province, removed ones included: the map hides those unless asked. */
  clusters: (provinceId: string, asOf?: string | null) =>
    `/api/clusters?province=${encodeURIComponent(provinceId)}&stage=${stages.codes.join(',')}${asOfQuery(asOf, '&')}`,
};
