import type { Language } from '../../domain/text.ts';
import { type ThematicLayerId, thematicLayerIds } from './map/thematic/types.ts';

export type MapView = { longitude: number; latitude: number; zoom: number };

/** What the address bar holds, so a copied link reopens the same view. */
export type UrlState = {
  province: string | null;
  cluster: string | null;
  language: Language;
  layer: ThematicLayerId;
  /** Camera as `zoom/latitude/longitude`, the way OpenStreetMap writes it; null: the province's view. */
  view: MapView | null;
  showRemoved: boolean;
};

/** `zoom/latitude/longitude`, in range, or null. */
export function readView(text: string | null): MapView | null {
  if (!text) return null;
  const [zoom, latitude, longitude] = text.split('/').map(Number);
  if (zoom === undefined || latitude === undefined || longitude === undefined) return null;
  if (![zoom, latitude, longitude].every(Number.isFinite)) return null;
  if (zoom < 0 || zoom > 22 || Math.abs(latitude) > 85 || Math.abs(longitude) > 180) return null;
  return { zoom, latitude, longitude };
}

export function readUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const layer = params.get('layer');
  return {
    province: params.get('province'),
    cluster: params.get('cluster'),
    language: params.get('lang') === 'en' ? 'en' : 'vi',
    layer: thematicLayerIds.find((id) => id === layer) ?? 'stage',
    view: readView(params.get('map')),
    showRemoved: params.get('removed') === '1',
  };
}

export function writeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.province) params.set('province', state.province);
  if (state.layer !== 'stage') params.set('layer', state.layer);
  if (state.cluster) params.set('cluster', state.cluster);
  if (state.showRemoved) params.set('removed', '1');
  if (state.view) {
    const { zoom, latitude, longitude } = state.view;
    params.set('map', `${zoom.toFixed(2)}/${latitude.toFixed(5)}/${longitude.toFixed(5)}`);
  }
  if (state.language !== 'vi') params.set('lang', state.language);
  const query = params.toString().replaceAll('%2F', '/');
  return query ? `?${query}` : '';
}
