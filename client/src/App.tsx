import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useMemo, useState } from 'react';
import type { ClusterFeatureCollection } from '../../domain/cluster.ts';
import type { Language } from '../../domain/text.ts';
import { ApiRequestError, api, prefetchPlannerMap } from './api/client.ts';
import { useApi } from './api/useApi.ts';
import { AccountMenu } from './auth/AccountMenu.tsx';
import { AuthProvider } from './auth/AuthContext.tsx';
import { I18nProvider, useI18n } from './i18n/I18nContext.tsx';
import { ClusterBoundaryEditor, ClusterCard, EmbedDialog, InvestorView } from './lazy-panels.tsx';
import { AsOfBanner } from './map/AsOfBanner.tsx';
import { AtlasMap } from './map/AtlasMap.tsx';
import { LazyBoundaryDrawing } from './map/boundary/LazyBoundaryDrawing.tsx';
import { useBoundaryDrawing } from './map/boundary/useBoundaryDrawing.ts';
import { LayerSwitcher } from './map/LayerSwitcher.tsx';
import { Legend } from './map/Legend.tsx';
import { MapTitle } from './map/MapTitle.tsx';
import { thematicLayers } from './map/thematic/layers.ts';
import { AsOfControl } from './panels/AsOfControl.tsx';
import { ClusterList } from './panels/ClusterList.tsx';
import { ExportMenu } from './panels/ExportMenu.tsx';
import { ClusterEditing } from './panels/edit/ClusterEditing.tsx';
import { ClusterTimeline } from './panels/edit/ClusterTimeline.tsx';
import { ModeSwitch } from './panels/ModeSwitch.tsx';
import { ProvincePanel } from './panels/ProvincePanel.tsx';
import { CompareTray } from './panels/plots/CompareTray.tsx';
import { PlotLayoutAction } from './panels/plots/PlotLayoutAction.tsx';
import { clusterView } from './plots/cluster-view.ts';
import { addToCompare } from './plots/compare.ts';
import { defaultPlotFilter } from './plots/plot-filter.ts';
import { readUrlState, type UrlState, writeUrlState } from './url-state.ts';

const DEFAULT_PROVINCE = 'khanh-hoa';
const today = new Date().toISOString().slice(0, 10);

/**
 * Starts what the first map reads before React renders (main.tsx), so that neither the province
 * list nor, after it, the province's record and clusters wait for effects (bench/first-map.ts).
 * The province is the address's, or the default; the list decides in the end (Atlas).
 */
export function prefetchFirstMap(search: string) {
  const state = readUrlState(search, today);
  const asOf = (state.mode ?? 'planner') === 'planner' ? (state.asOf ?? null) : null;
  prefetchPlannerMap(state.province ?? DEFAULT_PROVINCE, asOf);
}

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
  // A past day applies to the planner's map and dashboard only; the investor sees now.
  const asOf = (state.mode ?? 'planner') === 'planner' ? (state.asOf ?? null) : null;
  const dataKey = provinceId && `${provinceId}@${asOf ?? 'now'}`;
  // Counts saves: a new revision reloads the card, map and dashboard.
  const [dataRevision, setDataRevision] = useState(0);
  const detail = useApi(dataKey, (signal) => api.province(provinceId ?? '', signal, asOf), dataRevision);
  const clusters = useApi(dataKey, (signal) => api.clusters(provinceId ?? '', signal, asOf), dataRevision);
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
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [compareMessage, setCompareMessage] = useState<string | null>(null);
  const mode = state.mode ?? 'planner';
  const boundary = useBoundaryDrawing();
  const boundaryFor = boundary.forId;
  const drawing = mode === 'planner' && !asOf && boundaryFor !== null && selected?.id === boundaryFor;
  // The cluster being redrawn leaves the map's own layers, so only the editable shape shows.
  const mapFeatures = useMemo(
    () =>
      drawing && features
        ? {
            ...features,
            features: features.features.filter((feature) => feature.properties.id !== boundaryFor),
          }
        : features,
    [drawing, features, boundaryFor],
  );
  const neighbours = useMemo(
    () =>
      clusters.state === 'ready'
        ? clusters.data.features.filter((feature) => feature.properties.id !== boundaryFor)
        : [],
    [clusters, boundaryFor],
  );
  // Choosing another cluster (from the list, or Back) leaves the drawing unsaved.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `boundary` is a new object each render.
  useEffect(() => {
    if (boundaryFor !== null && state.cluster !== boundaryFor) boundary.stop();
  }, [state.cluster, boundaryFor]);
  const compare = state.compare ?? [];
  const compareTray = (
    <CompareTray
      items={compare}
      clusters={properties ?? []}
      province={detail.state === 'ready' ? detail.data.province : null}
      sources={sources}
      onChange={(items) => update({ compare: items })}
    />
  );
  const compareCluster = (id: string) => {
    const result = addToCompare(compare, { kind: 'cluster', id });
    setCompareMessage(
      result.outcome === 'full'
        ? t.compareFull
        : result.outcome === 'already'
          ? t.compareAlready
          : t.compareAdded,
    );
    if (result.outcome === 'added') update({ compare: result.items });
  };

  return (
    <div className="atlas">
      <header className="topbar">
        <h1>
          {t.appTitle} <span className="subtitle">— {t.appSubtitle}</span>
        </h1>
        <ModeSwitch
          mode={mode}
          onChange={(next) => update({ mode: next === 'plots' ? 'plots' : undefined, plot: null })}
        />
        <label className="control">
          <span>{t.province}</span>
          <select
            value={provinceId ?? ''}
            onChange={(event) =>
              update({
                province: event.target.value,
                cluster: null,
                view: null,
                plot: null,
                plotFilter: state.plotFilter && { ...state.plotFilter, clusterIds: [] },
              })
            }
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
        <ExportMenu
          province={province}
          map={mode === 'planner' ? map : null}
          layer={layer}
          withPlots={mode === 'plots'}
          includeRemoved={state.showRemoved}
          illustrative={properties?.some((cluster) => cluster.geometrySource === 'illustrative') ?? false}
          today={today}
        />
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
        <AccountMenu />
        {mode === 'planner' && (
          <AsOfControl asOf={asOf} today={today} onChange={(day) => update({ asOf: day ?? undefined })} />
        )}
      </header>
      {embedOpen && <EmbedDialog state={state} provinceId={provinceId} onClose={() => setEmbedOpen(false)} />}
      {mode === 'plots' && (
        <InvestorView
          state={state}
          update={update}
          province={province}
          detail={detail}
          clusters={features}
          today={today}
          errorView={(error) => <ErrorMessage error={error} />}
        />
      )}
      {mode === 'planner' && (
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
                clusters={mapFeatures}
                picking={!drawing}
                layer={layer}
                selectedClusterId={selected?.id ?? null}
                initialView={state.view}
                onSelectCluster={(id) => update({ cluster: id })}
                onViewChange={(view) => update({ view }, true)}
                onMapLoad={setMap}
              >
                {drawing && selected && map && (
                  <LazyBoundaryDrawing
                    key={selected.id}
                    initial={selected.geometrySource === 'illustrative' ? null : (selectedGeometry ?? null)}
                    tool={boundary.tool}
                    clearSignal={boundary.clearSignal}
                    onChange={boundary.setDrawn}
                  />
                )}
              </AtlasMap>
            )}
            {drawing && (
              <p className="map-notice drawing" role="status">
                {t.boundaryDrawingNotice}
              </p>
            )}
            {!drawing && boundary.notice && (
              <p className="map-notice saved" role="status">
                {boundary.notice}
              </p>
            )}
            {detail.state === 'ready' && <MapTitle detail={detail.data} />}
            {asOf && (
              <AsOfBanner
                asOf={asOf}
                empty={clusters.state === 'ready' && clusters.data.features.length === 0}
                onBackToNow={() => update({ asOf: undefined })}
              />
            )}
            <Legend
              layer={layer}
              clusters={properties}
              illustrative={properties?.some((cluster) => cluster.geometrySource === 'illustrative') ?? false}
              showRemoved={state.showRemoved}
              onShowRemoved={(showRemoved) => update({ showRemoved })}
            />
            {compareTray}
          </div>
          <aside className="side-pane" aria-live="polite">
            {detail.state === 'loading' && <p className="muted">{t.loading}</p>}
            {detail.state === 'failed' && <ErrorMessage error={detail.error} />}
            {clusters.state === 'failed' && <ErrorMessage error={clusters.error} />}
            {drawing && selected && detail.state === 'ready' ? (
              <ClusterBoundaryEditor
                key={selected.id}
                cluster={selected}
                neighbours={neighbours}
                title={t.boundaryTitle.replace('{name}', text(selected.name))}
                drawn={boundary.drawn}
                tool={boundary.tool}
                onTool={boundary.setTool}
                onRestart={boundary.restart}
                sources={sources}
                today={today}
                onSaved={(version) => {
                  boundary.stop(t.boundarySaved.replace('{version}', String(version)));
                  setDataRevision((revision) => revision + 1);
                }}
                onCancel={() => boundary.stop()}
              />
            ) : selected && selectedGeometry && detail.state === 'ready' ? (
              <ClusterCard
                cluster={selected}
                geometry={selectedGeometry}
                sources={sources}
                today={today}
                onClose={() => update({ cluster: null })}
                onCompare={() => compareCluster(selected.id)}
                compareMessage={compareMessage}
                editing={
                  asOf ? null : (
                    <>
                      <ClusterEditing
                        key={selected.id}
                        cluster={selected}
                        sources={sources}
                        today={today}
                        onSaved={() => setDataRevision((revision) => revision + 1)}
                        onDrawBoundary={() =>
                          boundary.start(selected.id, selected.geometrySource === 'illustrative')
                        }
                      />
                      <PlotLayoutAction
                        key={`plot-layout-${selected.id}`}
                        cluster={selected}
                        onShowPlots={() =>
                          update({
                            mode: 'plots',
                            plot: null,
                            plotFilter: { ...defaultPlotFilter, clusterIds: [selected.id] },
                            view: clusterView(selectedGeometry),
                          })
                        }
                      />
                    </>
                  )
                }
                timeline={
                  <ClusterTimeline
                    key={selected.id}
                    clusterId={selected.id}
                    sources={sources}
                    revision={dataRevision}
                  />
                }
              />
            ) : (
              detail.state === 'ready' && (
                <ProvincePanel
                  key={asOf ?? 'now'}
                  detail={detail.data}
                  clusters={properties ?? []}
                  today={asOf ?? today}
                  onImported={asOf ? undefined : () => setDataRevision((revision) => revision + 1)}
                />
              )
            )}
          </aside>
        </main>
      )}
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
      <AuthProvider>
        <Atlas state={state} update={update} />
      </AuthProvider>
    </I18nProvider>
  );
}
