import { useEffect, useMemo, useState } from 'react';
import type { ClusterFeatureCollection } from '../../domain/cluster.ts';
import type { Language } from '../../domain/text.ts';
import { ApiRequestError, api } from './api/client.ts';
import { useApi } from './api/useApi.ts';
import { I18nProvider, useI18n } from './i18n/I18nContext.tsx';
import { AtlasMap } from './map/AtlasMap.tsx';
import { LayerSwitcher } from './map/LayerSwitcher.tsx';
import { Legend } from './map/Legend.tsx';
import { MapTitle } from './map/MapTitle.tsx';
import { thematicLayers } from './map/thematic/layers.ts';
import { ClusterCard } from './panels/ClusterCard.tsx';
import { ClusterList } from './panels/ClusterList.tsx';
import { EmbedDialog } from './panels/EmbedDialog.tsx';
import { ProvincePanel } from './panels/ProvincePanel.tsx';
import { readUrlState, type UrlState, writeUrlState } from './url-state.ts';

const DEFAULT_PROVINCE = 'khanh-hoa';
const today = new Date().toISOString().slice(0, 10);

function ErrorMessage({ error }: { error: unknown }) {
  const { t, language } = useI18n();
  const detail =
    error instanceof ApiRequestError
      ? language === 'vi'
        ? error.messageVi
        : error.messageEn
      : String(error);
  return (
    <div className="notice error" role="alert">
      <strong>{t.loadFailed}.</strong> {detail}{' '}
      <button type="button" onClick={() => window.location.reload()}>
        {t.retry}
      </button>
    </div>
  );
}

/** Removed clusters are kept for history and drawn only when the planner asks for them. */
function visibleClusters(collection: ClusterFeatureCollection | null, showRemoved: boolean) {
  if (!collection) return null;
  return {
    ...collection,
    features: collection.features.filter((feature) => showRemoved || feature.properties.stage !== 'removed'),
  };
}

function Atlas({
  state,
  update,
}: {
  state: UrlState;
  update: (change: Partial<UrlState>, replace?: boolean) => void;
}) {
  const { t, text } = useI18n();
  const provinces = useApi('provinces', (signal) => api.provinces(signal));
  const list = provinces.state === 'ready' ? provinces.data.provinces : [];
  const province =
    list.find((item) => item.id === state.province) ??
    list.find((item) => item.id === DEFAULT_PROVINCE) ??
    list[0] ??
    null;
  const provinceId = province?.id ?? null;
  const detail = useApi(provinceId, (signal) => api.province(provinceId ?? '', signal));
  const clusters = useApi(provinceId, (signal) => api.clusters(provinceId ?? '', signal));
  const features = useMemo(
    () => visibleClusters(clusters.state === 'ready' ? clusters.data : null, state.showRemoved),
    [clusters, state.showRemoved],
  );
  const properties = useMemo(
    () => features?.features.map((feature) => feature.properties) ?? null,
    [features],
  );
  const selected = properties?.find((cluster) => cluster.id === state.cluster) ?? null;
  const selectedGeometry = features?.features.find(
    (feature) => feature.properties.id === state.cluster,
  )?.geometry;
  const sources = detail.state === 'ready' ? detail.data.sources : [];
  const layer = thematicLayers[state.layer];
  const [embedOpen, setEmbedOpen] = useState(false);

  return (
    <div className="atlas">
      <header className="topbar">
        <h1>
          {t.appTitle} <span className="subtitle">— {t.appSubtitle}</span>
        </h1>
        <label className="control">
          <span>{t.province}</span>
          <select
            value={provinceId ?? ''}
            onChange={(event) => update({ province: event.target.value, cluster: null, view: null })}
            disabled={list.length === 0}
          >
            {list.map((item) => (
              <option key={item.id} value={item.id}>
                {text(item.name)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="control embed-button" onClick={() => setEmbedOpen(true)}>
          {t.embed}
        </button>
        <fieldset className="control language-switch" aria-label={t.language}>
          {(['vi', 'en'] as Language[]).map((language) => (
            <button
              key={language}
              type="button"
              aria-pressed={state.language === language}
              onClick={() => update({ language })}
            >
              {language === 'vi' ? 'Tiếng Việt' : 'English'}
            </button>
          ))}
        </fieldset>
      </header>
      {embedOpen && <EmbedDialog state={state} provinceId={provinceId} onClose={() => setEmbedOpen(false)} />}
      <main className="workspace">
        <nav className="list-pane" aria-label={t.clusterList}>
          <LayerSwitcher value={state.layer} onChange={(id) => update({ layer: id })} />
          {properties && (
            <ClusterList
              clusters={properties}
              layer={layer}
              selectedId={selected?.id ?? null}
              onSelect={(id) => update({ cluster: id })}
            />
          )}
        </nav>
        <div className="map-pane">
          {provinces.state === 'failed' && <ErrorMessage error={provinces.error} />}
          {province && (
            <AtlasMap
              province={province}
              clusters={features}
              layer={layer}
              selectedClusterId={selected?.id ?? null}
              initialView={state.view}
              onSelectCluster={(id) => update({ cluster: id })}
              onViewChange={(view) => update({ view }, true)}
            />
          )}
          {detail.state === 'ready' && <MapTitle detail={detail.data} />}
          <Legend
            layer={layer}
            clusters={properties}
            illustrative={properties?.some((cluster) => cluster.geometrySource === 'illustrative') ?? false}
            showRemoved={state.showRemoved}
            onShowRemoved={(showRemoved) => update({ showRemoved })}
          />
        </div>
        <aside className="side-pane" aria-live="polite">
          {detail.state === 'loading' && <p className="muted">{t.loading}</p>}
          {detail.state === 'failed' && <ErrorMessage error={detail.error} />}
          {clusters.state === 'failed' && <ErrorMessage error={clusters.error} />}
          {selected && selectedGeometry && detail.state === 'ready' ? (
            <ClusterCard
              cluster={selected}
              geometry={selectedGeometry}
              sources={sources}
              today={today}
              onClose={() => update({ cluster: null })}
            />
          ) : (
            detail.state === 'ready' && (
              <ProvincePanel detail={detail.data} clusters={properties ?? []} today={today} />
            )
          )}
        </aside>
      </main>
    </div>
  );
}

/** The planner's atlas: layers and list, map with legend, and the province dashboard or a cluster's card. */
export function App() {
  const [state, setState] = useState(() => readUrlState(window.location.search));
  useEffect(() => {
    const onPop = () => setState(readUrlState(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  useEffect(() => {
    document.documentElement.lang = state.language;
  }, [state.language]);
  // Camera moves replace the history entry; choices (province, layer, cluster) add one, so Back undoes them.
  const update = (change: Partial<UrlState>, replace = false) => {
    setState((current) => {
      const next = { ...current, ...change };
      const url = `${window.location.pathname}${writeUrlState(next)}`;
      if (replace) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
      return next;
    });
  };
  return (
    <I18nProvider language={state.language}>
      <Atlas state={state} update={update} />
    </I18nProvider>
  );
}
