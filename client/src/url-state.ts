import { IsoDate, type Language } from '../../domain/text.ts';
import { type ThematicLayerId, thematicLayerIds } from './map/thematic/types.ts';
import { type CompareItem, readCompare, writeCompare } from './plots/compare.ts';
import { type PlotFilter, readPlotFilter, writePlotFilter } from './plots/plot-filter.ts';
import { type MapView, readableQuery, readView, writeLanguage, writePlace, writeView } from './url-view.ts';

export { type MapView, readView } from './url-view.ts';

/** The planner's map (the default) or the investor's plot finder. */
export type AtlasMode = 'planner' | 'plots';

/** What the address bar holds, so a copied link reopens the same view. */
export type UrlState = {
  province: string | null;
  cluster: string | null;
  language: Language;
  layer: ThematicLayerId;
  /** Camera as `zoom/latitude/longitude`, the way OpenStreetMap writes it; null: the province's view. */
  view: MapView | null;
  showRemoved: boolean;
  /** Absent: the planner's map. */
  mode?: AtlasMode;
  /** The plot whose card is open (investor mode). */
  plot?: string | null;
  /** The investor's filter; absent: the defaults (available plots, any size). */
  plotFilter?: PlotFilter;
  /** Plots and clusters in the compare tray, at most three. */
  compare?: CompareItem[];
  /** The planner's map and dashboard as the data recorded them at the end of this day; absent: now. */
  asOf?: string;
};

const plotIdPattern = /^[a-z0-9-]{1,80}$/;

/** `YYYY-MM-DD`, a real calendar day not after `today`, or null: the server would refuse anything else. */
export function readAsOf(text: string | null, today: string): string | null {
  if (!text || !IsoDate.safeParse(text).success || text > today) return null;
  return text;
}

/** Reads the address bar. Investor fields are set only when the link carries them. */
export function readUrlState(search: string, today = new Date().toISOString().slice(0, 10)): UrlState {
  const params = new URLSearchParams(search);
  const layer = params.get('layer');
  const state: UrlState = {
    province: params.get('province'),
    cluster: params.get('cluster'),
    language: params.get('lang') === 'en' ? 'en' : 'vi',
    layer: thematicLayerIds.find((id) => id === layer) ?? 'stage',
    view: readView(params.get('map')),
    showRemoved: params.get('removed') === '1',
  };
  if (params.get('mode') === 'plots') {
    state.mode = 'plots';
    state.plotFilter = readPlotFilter(params);
    const plot = params.get('plot');
    if (plot && plotIdPattern.test(plot)) state.plot = plot;
  }
  const compare = readCompare(params.get('compare'));
  if (compare.length > 0) state.compare = compare;
  const asOf = readAsOf(params.get('asOf'), today);
  if (asOf) state.asOf = asOf;
  return state;
}

export function writeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.mode === 'plots') params.set('mode', 'plots');
  writePlace(state, params);
  if (state.showRemoved) params.set('removed', '1');
  if (state.asOf) params.set('asOf', state.asOf);
  if (state.mode === 'plots') {
    if (state.plotFilter) writePlotFilter(state.plotFilter, params);
    if (state.plot) params.set('plot', state.plot);
  }
  if (state.compare && state.compare.length > 0) params.set('compare', writeCompare(state.compare));
  if (state.view) params.set('map', writeView(state.view));
  writeLanguage(state.language, params);
  return readableQuery(params);
}
