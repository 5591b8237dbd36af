import type { Language } from '../../../domain/text.ts';
import { type ThematicLayerId, thematicLayerIds } from '../map/thematic/types.ts';
import { type MapView, readView, writeView } from '../url-view.ts';

/** The province an embed without `province=` shows. */
export const DEFAULT_PROVINCE = 'khanh-hoa';

/** West, south, east, north in degrees. */
export type Bbox = [number, number, number, number];

/** What an embed's URL can set. Everything else is fixed: the embed is read-only and has no chrome. */
export type EmbedOptions = {
  province: string | null;
  layer: ThematicLayerId;
  language: Language;
  view: MapView | null;
  bbox: Bbox | null;
  /** Only these clusters are drawn; null: all of the province. */
  clusters: string[] | null;
  legend: boolean;
  controls: boolean;
};

/** A bbox in range with west < east and south < north, or null. */
export function parseBbox(text: string | null): Bbox | null {
  if (!text) return null;
  const parts = text.split(',').map(Number);
  if (parts.length !== 4 || !parts.every(Number.isFinite)) return null;
  const [west = 0, south = 0, east = 0, north = 0] = parts;
  if (west >= east || south >= north || Math.abs(west) > 180 || Math.abs(east) > 180) return null;
  if (Math.abs(south) > 85 || Math.abs(north) > 85) return null;
  return [west, south, east, north];
}

const flag = (value: string | null, fallback: boolean) =>
  value === null ? fallback : !['0', 'false', 'no', 'off'].includes(value.toLowerCase());

/** Reads `/embed?province=&layer=&lang=&map=z/lat/lng|bbox=w,s,e,n&clusters=a,b&legend=0&controls=0`. */
export function readEmbedOptions(search: string): EmbedOptions {
  const params = new URLSearchParams(search);
  const layer = params.get('layer');
  const clusters = params
    .get('clusters')
    ?.split(',')
    .map((id) => id.trim())
    .filter((id) => /^[a-z0-9-]{1,64}$/.test(id));
  return {
    province: params.get('province'),
    layer: thematicLayerIds.find((id) => id === layer) ?? 'stage',
    language: params.get('lang') === 'en' ? 'en' : 'vi',
    view: readView(params.get('map')),
    bbox: parseBbox(params.get('bbox')),
    clusters: clusters && clusters.length > 0 ? clusters : null,
    legend: flag(params.get('legend'), true),
    controls: flag(params.get('controls'), true),
  };
}

/** The query string of an embed URL; defaults are left out so snippets stay short. */
export function writeEmbedOptions(options: EmbedOptions): string {
  const params = new URLSearchParams();
  if (options.province) params.set('province', options.province);
  if (options.layer !== 'stage') params.set('layer', options.layer);
  if (options.language !== 'vi') params.set('lang', options.language);
  if (options.bbox) params.set('bbox', options.bbox.map((value) => value.toFixed(5)).join(','));
  else if (options.view) params.set('map', writeView(options.view));
  if (options.clusters) params.set('clusters', options.clusters.join(','));
  if (!options.legend) params.set('legend', '0');
  if (!options.controls) params.set('controls', '0');
  const query = params.toString().replaceAll('%2F', '/').replaceAll('%2C', ',');
  return query ? `?${query}` : '';
}
