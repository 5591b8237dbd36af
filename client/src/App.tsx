import { useEffect, useState } from 'react';
import type { Language } from '../../domain/text.ts';
import { ApiRequestError, api } from './api/client.ts';
import { useApi } from './api/useApi.ts';
import { I18nProvider, useI18n } from './i18n/I18nContext.tsx';
import { AtlasMap } from './map/AtlasMap.tsx';
import { Legend } from './map/Legend.tsx';
import { MapTitle } from './map/MapTitle.tsx';
import { ClusterCard } from './panels/ClusterCard.tsx';
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

function Atlas({ state, update }: { state: UrlState; update: (change: Partial<UrlState>) => void }) {
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
  const features = clusters.state === 'ready' ? clusters.data : null;
  const selected =
    features?.features.find((feature) => feature.properties.id === state.cluster)?.properties ?? null;
  const sources = detail.state === 'ready' ? detail.data.sources : [];

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
            onChange={(event) => update({ province: event.target.value, cluster: null })}
            disabled={list.length === 0}
          >
            {list.map((item) => (
              <option key={item.id} value={item.id}>
                {text(item.name)}
              </option>
            ))}
          </select>
        </label>
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
      <main className="workspace">
        <div className="map-pane">
          {provinces.state === 'failed' && <ErrorMessage error={provinces.error} />}
          {province && (
            <AtlasMap
              province={province}
              clusters={features}
              selectedClusterId={selected?.id ?? null}
              onSelectCluster={(id) => update({ cluster: id })}
            />
          )}
          {detail.state === 'ready' && <MapTitle detail={detail.data} />}
          <Legend
            counts={detail.state === 'ready' ? detail.data.clusterCountsByStage : null}
            illustrative={
              features?.features.some((feature) => feature.properties.geometrySource === 'illustrative') ??
              false
            }
          />
        </div>
        <aside className="side-pane" aria-live="polite">
          {detail.state === 'loading' && <p className="muted">{t.loading}</p>}
          {detail.state === 'failed' && <ErrorMessage error={detail.error} />}
          {clusters.state === 'failed' && <ErrorMessage error={clusters.error} />}
          {selected && detail.state === 'ready' ? (
            <ClusterCard
              cluster={selected}
              sources={sources}
              today={today}
              onClose={() => update({ cluster: null })}
            />
          ) : (
            detail.state === 'ready' && <ProvincePanel detail={detail.data} today={today} />
          )}
        </aside>
      </main>
    </div>
  );
}

/** The planner's atlas: header, map with legend, and the province panel or a cluster's card. */
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
  const update = (change: Partial<UrlState>) => {
    const next = { ...state, ...change };
    window.history.pushState(null, '', `${window.location.pathname}${writeUrlState(next)}`);
    setState(next);
  };
  return (
    <I18nProvider language={state.language}>
      <Atlas state={state} update={update} />
    </I18nProvider>
  );
}
