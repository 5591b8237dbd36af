import type { Language } from '../../domain/text.ts';
import type { ThematicLayerId } from './map/thematic/types.ts';

/**
 * The parts of the address bar the embed shares with the app, apart from url-state.ts: that module
 * also reads the investor's filter and the `asOf` day, whose checks are zod schemas, and the embed's
 * script carries no zod (bench/first-map.ts: ≤ 500 KB gzip). url-state.ts re-exports these.
 */

export type MapView = { longitude: number; latitude: number; zoom: number };

/** `zoom/latitude/longitude`, in range, or null. */
export function readView(text: string | null): MapView | null {
  if (!text) return null;
  const [zoom, latitude, longitude] = text.split('/').map(Number);
  if (zoom === undefined || latitude === undefined || longitude === undefined) return null;
  if (![zoom, latitude, longitude].every(Number.isFinite)) return null;
  if (zoom < 0 || zoom > 22 || Math.abs(latitude) > 85 || Math.abs(longitude) > 180) return null;
  return { zoom, latitude, longitude };
}

/** The `map` parameter: the camera as `zoom/latitude/longitude`, the way OpenStreetMap writes it. */
export function writeView({ zoom, latitude, longitude }: MapView): string {
  return `${zoom.toFixed(2)}/${latitude.toFixed(5)}/${longitude.toFixed(5)}`;
}

/** The query written the way url-state.ts writes it: `/` and `,` (and `:`) left readable. */
export function readableQuery(params: URLSearchParams): string {
  const query = params.toString().replaceAll('%2F', '/').replaceAll('%2C', ',').replaceAll('%3A', ':');
  return query ? `?${query}` : '';
}

/**
 * The planner's link to a province, a layer and a cluster, as `writeUrlState` writes it with no
 * view, no removed clusters and no investor fields (url-view.test.ts holds them to the same text):
 * where the embed's "open in the app" goes.
 */
export function plannerLink(link: {
  province: string | null;
  layer: ThematicLayerId;
  cluster: string | null;
  language: Language;
}): string {
  const params = new URLSearchParams();
  writePlace(link, params);
  writeLanguage(link.language, params);
  return readableQuery(params);
}

/** `province`, `layer` and `cluster`, each only when not the default, in the address's order. */
export function writePlace(
  place: { province: string | null; layer: ThematicLayerId; cluster: string | null },
  params: URLSearchParams,
) {
  if (place.province) params.set('province', place.province);
  if (place.layer !== 'stage') params.set('layer', place.layer);
  if (place.cluster) params.set('cluster', place.cluster);
}

/** `lang`, the address's last parameter, only when not Vietnamese. */
export function writeLanguage(language: Language, params: URLSearchParams) {
  if (language !== 'vi') params.set('lang', language);
}
