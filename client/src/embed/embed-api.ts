import type { ProvinceDetail } from '../../../domain/api.ts';
import type { ClusterFeatureCollection } from '../../../domain/cluster.ts';
import { prefetchJson, readJson } from '../api/fetch-json.ts';
import { apiPaths } from '../api/paths.ts';

/**
 * The two answers the embed reads, typed but not parsed: the schemas are `import type` only, so
 * the embed's script carries no zod (bench/first-map.ts holds it to ≤ 500 KB gzip, and building
 * the schemas and parsing with them cost ~200 ms of a slow phone's main thread before the first
 * map). That is safe because the embed reads only its own origin's public API, whose answers the
 * server builds from those same schemas (domain/api.ts, domain/cluster.ts); the app keeps parsing
 * them (api/client.ts) and the API tests check them. What the embed does take from outside, the
 * host page's messages, is still checked (host-bridge.ts).
 *
 * Both requests start before React renders (`prefetch`, from main.tsx), so the answers are in by
 * the first render and the map is made once, at the province, with its clusters.
 */

export const embedApi = {
  province: (id: string, signal?: AbortSignal) =>
    readJson(apiPaths.province(id), signal) as Promise<ProvinceDetail>,
  /** Every cluster of a province, removed ones included: the embed hides those. */
  clusters: (id: string, signal?: AbortSignal) =>
    readJson(apiPaths.clusters(id), signal) as Promise<ClusterFeatureCollection>,
};

/** Starts both requests for a province now, for `embedApi` to take. */
export function prefetch(provinceId: string) {
  prefetchJson(apiPaths.province(provinceId));
  prefetchJson(apiPaths.clusters(provinceId));
}
