import type { FilterSpecification } from 'maplibre-gl';
import { useEffect, useMemo, useState } from 'react';
import { canEditProvince } from '../../domain/account.ts';
import type { ProvinceDetail, ProvinceSummary } from '../../domain/api.ts';
import type { ClusterFeatureCollection } from '../../domain/cluster.ts';
import { PlotOutlines, type PlotSummary } from '../../domain/plot-api.ts';
import { api, getJson } from './api/client.ts';
import { type Loadable, useApi } from './api/useApi.ts';
import { useAuth } from './auth/AuthContext.tsx';
import { useI18n } from './i18n/I18nContext.tsx';
import { LazyBoundaryDrawing } from './map/boundary/LazyBoundaryDrawing.tsx';
import { useBoundaryDrawing } from './map/boundary/useBoundaryDrawing.ts';
import { PlotLegend } from './map/PlotLegend.tsx';
import { PlotMap } from './map/PlotMap.tsx';
import { BottomSheet } from './panels/BottomSheet.tsx';
import { BoundaryEditor } from './panels/boundary/BoundaryEditor.tsx';
import { plotBoundaryTarget } from './panels/boundary/plot-target.ts';
import { CompareTray } from './panels/plots/CompareTray.tsx';
import { PlotCard } from './panels/plots/PlotCard.tsx';
import { PlotFilters } from './panels/plots/PlotFilters.tsx';
import { PlotList } from './panels/plots/PlotList.tsx';
import { PlotListEmpty } from './panels/plots/PlotListEmpty.tsx';
import { PlotPrintSheet } from './panels/plots/PlotPrintSheet.tsx';
import { addToCompare, type CompareItem } from './plots/compare.ts';
import { defaultPlotFilter, plotFilterExpression } from './plots/plot-filter.ts';
import { usePlotPages } from './plots/usePlotPages.ts';
import type { UrlState } from './url-state.ts';

type Props = {
  state: UrlState;
  update: (change: Partial<UrlState>, replace?: boolean) => void;
  province: ProvinceSummary | null;
  detail: Loadable<ProvinceDetail>;
  clusters: ClusterFeatureCollection | null;
  today: string;
  errorView: (error: unknown) => React.ReactNode;
};

type Focus = { bbox: [number, number, number, number]; key: number };

/** The investor's plot finder: filters and list, the plot map, a plot's card, compare and print. */
export function InvestorView({ state, update, province, detail, clusters, today, errorView }: Props) {
  const { t, text } = useI18n();
  const filter = state.plotFilter ?? defaultPlotFilter;
  const provinceId = province?.id ?? null;
  const [plotRevision, setPlotRevision] = useState(0);
  const { pages, loadMore } = usePlotPages(provinceId, filter, plotRevision);
  const [hovered, setHovered] = useState<string | null>(null);
  const [focus, setFocus] = useState<Focus | null>(null);
  const [zoom, setZoom] = useState(state.view?.zoom ?? 0);
  // Said beside the card's buttons, for the plot it was said about.
  const [compareMessage, setCompareMessage] = useState<{ plotId: string | null; text: string } | null>(null);
  const { account } = useAuth();
  // A plot's boundary redrawn on the map; each save reloads the card and the plot tiles.
  const boundary = useBoundaryDrawing();
  const selected = useApi(state.plot ?? null, (signal) => api.plot(state.plot ?? '', signal), plotRevision);
  const plot =
    selected.state === 'ready' && selected.data.properties.id === state.plot ? selected.data : null;
  const drawing = plot !== null && boundary.forId === plot.properties.id;
  const outlines = useApi(
    drawing ? `outlines:${plot.properties.clusterId}:${plotRevision}` : null,
    (signal) =>
      getJson(
        `/api/clusters/${encodeURIComponent(plot?.properties.clusterId ?? '')}/plot-outlines`,
        PlotOutlines,
        signal,
      ),
  );
  // The plot being redrawn leaves the tile layers, so only the editable shape shows.
  const mapFilter = useMemo((): FilterSpecification => {
    const base = plotFilterExpression(provinceId ?? '', filter);
    return drawing
      ? (['all', base, ['!=', ['get', 'id'], boundary.forId ?? '']] as FilterSpecification)
      : base;
  }, [provinceId, filter, drawing, boundary.forId]);
  const clusterList = useMemo(
    () =>
      (clusters?.features ?? []).map((feature) => feature.properties).filter((c) => c.stage !== 'removed'),
    [clusters],
  );
  const provinceSources = detail.state === 'ready' ? detail.data.sources : [];
  // The plot's own sources (an import's document) may be ones the province does not cite.
  const sources = useMemo(
    () => [
      ...provinceSources,
      ...(plot?.sources ?? []).filter((source) => !provinceSources.some((known) => known.id === source.id)),
    ],
    [provinceSources, plot],
  );
  const compare = state.compare ?? [];

  // A link that names a plot but no camera opens on the plot.
  useEffect(() => {
    if (plot && !state.view) setFocus({ bbox: plot.bbox, key: Date.now() });
  }, [plot, state.view]);

  const selectFromList = (summary: PlotSummary) => {
    update({ plot: summary.properties.id });
    setFocus({ bbox: summary.bbox, key: Date.now() });
  };
  const addCompare = (item: CompareItem) => {
    const result = addToCompare(compare, item);
    const said =
      result.outcome === 'full'
        ? t.compareFull
        : result.outcome === 'already'
          ? t.compareAlready
          : t.compareAdded;
    setCompareMessage({ plotId: state.plot ?? null, text: said });
    if (result.outcome === 'added') update({ compare: result.items });
  };
  const clusterGeometry =
    clusters?.features.find((feature) => feature.properties.id === plot?.properties.clusterId)?.geometry ??
    null;
  const cited = plot
    ? [
        plot.properties.sourceId,
        plot.cluster.wastewaterPlant?.sourceId,
        plot.cluster.occupancy?.sourceId,
        plot.contact.sourceId,
      ]
    : [];

  return (
    <>
      <main className={`workspace investor${state.plot ? ' has-plot' : ''}`} data-mode="plots">
        <BottomSheet className="list-pane plot-pane" label={t.filtersAndList} expanded={!state.plot}>
          <PlotFilters
            filter={filter}
            clusters={clusterList}
            onChange={(plotFilter) => update({ plotFilter }, true)}
          />
          {pages.state === 'loading' && <p className="muted">{t.loading}</p>}
          {pages.state === 'failed' && errorView(pages.error)}
          {pages.state === 'ready' && pages.numberMatched === 0 && provinceId && (
            <PlotListEmpty
              provinceId={provinceId}
              onReset={() => update({ plotFilter: defaultPlotFilter })}
            />
          )}
          {pages.state === 'ready' && pages.numberMatched > 0 && (
            <PlotList
              plots={pages.plots}
              numberMatched={pages.numberMatched}
              loadingMore={pages.loadingMore}
              hoveredId={hovered}
              selectedId={state.plot ?? null}
              onHover={setHovered}
              onSelect={selectFromList}
              onLoadMore={loadMore}
            />
          )}
        </BottomSheet>
        <div className="map-pane">
          {/* Mounted once the province is known, so the first camera is the province's (or the link's). */}
          {province && (
            <PlotMap
              province={province}
              clusters={clusters}
              filter={mapFilter}
              selectedPlotId={state.plot ?? null}
              hoveredPlotId={hovered}
              focus={focus}
              initialView={state.view}
              onHoverPlot={setHovered}
              onSelectPlot={(id) => update({ plot: id })}
              onViewChange={(view) => update({ view }, true)}
              onZoomChange={setZoom}
              picking={!drawing}
              tilesRevision={plotRevision}
            >
              {drawing && plot && (
                <LazyBoundaryDrawing
                  key={plot.properties.id}
                  initial={plot.geometry}
                  tool={boundary.tool}
                  clearSignal={boundary.clearSignal}
                  onChange={boundary.setDrawn}
                />
              )}
            </PlotMap>
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
          <PlotLegend
            zoom={zoom}
            illustrativeClusters={clusterList.some((cluster) => cluster.geometrySource === 'illustrative')}
          />
          <CompareTray
            items={compare}
            clusters={clusterList}
            province={detail.state === 'ready' ? detail.data.province : null}
            sources={sources}
            onChange={(items) => update({ compare: items })}
          />
        </div>
        {state.plot && (
          <BottomSheet key={state.plot} className="side-pane plot-card-pane" label={t.plotCard} expanded>
            {selected.state === 'loading' && <p className="muted">{t.loading}</p>}
            {selected.state === 'failed' && errorView(selected.error)}
            {plot && drawing && clusterGeometry && (
              <BoundaryEditor
                target={plotBoundaryTarget(
                  plot,
                  { geometry: clusterGeometry, illustrative: plot.cluster.geometrySource === 'illustrative' },
                  outlines.state === 'ready' ? outlines.data.plots : [],
                  t.plotBoundaryTitle.replace('{label}', plot.properties.label),
                )}
                drawn={boundary.drawn}
                tool={boundary.tool}
                onTool={boundary.setTool}
                onRestart={boundary.restart}
                sources={provinceSources}
                today={today}
                onSaved={(version) => {
                  boundary.stop(t.boundarySaved.replace('{version}', String(version)));
                  setPlotRevision((revision) => revision + 1);
                }}
                onCancel={() => boundary.stop()}
              />
            )}
            {plot && !drawing && (
              <PlotCard
                editing={
                  canEditProvince(account, plot.properties.provinceId) ? (
                    <button
                      type="button"
                      className="button"
                      data-action="draw-plot-boundary"
                      onClick={() => boundary.start(plot.properties.id, false)}
                    >
                      {t.drawPlotBoundary}
                    </button>
                  ) : null
                }
                plot={plot}
                sources={sources}
                onClose={() => update({ plot: null })}
                onCompare={() => addCompare({ kind: 'plot', id: plot.properties.id })}
                onCompareCluster={() => addCompare({ kind: 'cluster', id: plot.properties.clusterId })}
                compareMessage={compareMessage?.plotId === state.plot ? compareMessage.text : null}
              />
            )}
          </BottomSheet>
        )}
      </main>
      {plot && (
        <PlotPrintSheet
          plot={plot}
          clusterGeometry={clusterGeometry}
          sources={sources.filter((source) => cited.includes(source.id))}
          provinceName={province ? text(province.name) : ''}
          today={today}
        />
      )}
    </>
  );
}
