import type { Language } from '../../domain/text.ts';

/** What the address bar holds, so a view can be shared as a link. */
export type UrlState = { province: string | null; cluster: string | null; language: Language };

export function readUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  return {
    province: params.get('province'),
    cluster: params.get('cluster'),
    language: params.get('lang') === 'en' ? 'en' : 'vi',
  };
}

export function writeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.province) params.set('province', state.province);
  if (state.cluster) params.set('cluster', state.cluster);
  if (state.language !== 'vi') params.set('lang', state.language);
  const query = params.toString();
  return query ? `?${query}` : '';
}
