import {
  Layer,
  type MapLayerMouseEvent,
  type MapRef,
  Map as MapView,
  NavigationControl,
  ScaleControl,
  Source,
} from '@vis.gl/react-maplibre';
import 'maplibre-gl/dist/maplibre-gl.css';
import './maplibreWorker.ts';
import type { FilterSpecification, VectorTileSource } from 'maplibre-gl';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import type { ProvinceSummary } from '../../../domain/api.ts';
import type { ClusterFeatureCollection } from '../../../domain/cluster.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import type { MapView as CameraView } from '../url-state.ts';
import { basemapStyle } from './basemapStyle.ts';
import { clusterAreas, clusterPoints } from './clusterFeatures.ts';
import { clusterLabelLayer } from './clusterLayers.ts';
import { exposeForTests } from './exposeForTests.ts';
import {
  interactivePlotLayerIds,
  PLOT_CLUSTER_AREAS_SOURCE,
  PLOT_CLUSTER_POINTS_SOURCE,
  PLOTS_SOURCE,
  plotClusterFillLayer,
  plotClusterOutlineLayer,
  plotClusterPointLayer,
  plotFadedLayer,
  plotFillLayer,
  plotGeneratedOutlineLayer,
  plotHighlightLayer,
  plotLabelLayer,
  plotOutlineLayer,
  plotsSource,
} from './plotLayers.ts';
import { thematicLayers } from './thematic/layers.ts';
import { useFitBounds, useFlyToProvince, usePlotFeatureState } from './usePlotFeatureState.ts';

type Props = {
  province: ProvinceSummary | null;
  clusters: ClusterFeatureCollection | null;
  /** From the same filter object as the list's query (plotFilterExpression). */
  filter: FilterSpecification;
  selectedPlotId: string | null;
  hoveredPlotId: string | null;
  focus: { bbox: [number, number, number, number]; key: number } | null;
  initialView: CameraView | null;
  onHoverPlot: (id: string | null) => void;
  onSelectPlot: (id: string) => void;
  onViewChange: (view: CameraView) => void;
  onZoomChange: (zoom: number) => void;
  /** While a plot is redrawn, clicks belong to the drawing: plots are not picked. */
  picking?: boolean;
  /** Counts saved plot edits: a new one fetches the plot tiles again, past MapLibre's tile cache. */
  tilesRevision?: number;
  /** Extra map children (the boundary drawing), mounted once the map has loaded. */
  children?: ReactNode;
};

const featureId = (event: MapLayerMouseEvent) => {
  const feature = event.features?.[0];
  return feature?.layer.id.startsWith('plot-fill') ? String(feature.id ?? feature.properties?.id) : null;
};

/** The investor's map: plots from the vector tiles, coloured by status, inside their clusters. */
export function PlotMap(props: Props) {
  const { province, clusters, filter, initialView, onHoverPlot, onSelectPlot } = props;
  const { language, t } = useI18n();
  const mapRef = useRef<MapRef>(null);
  const [ready, setReady] = useState(false);
  const origin = window.location.origin;
  const style = useMemo(() => basemapStyle(origin, language), [origin, language]);
  const areas = useMemo(() => (clusters ? clusterAreas(clusters, thematicLayers.stage) : null), [clusters]);
  const points = useMemo(() => (clusters ? clusterPoints(clusters, thematicLayers.stage) : null), [clusters]);
  usePlotFeatureState(mapRef, ready, 'hover', props.hoveredPlotId);
  usePlotFeatureState(mapRef, ready, 'selected', props.selectedPlotId);
  useFitBounds(mapRef, props.focus);
  useFlyToProvince(mapRef, ready, province, initialView !== null || props.focus !== null);

  const picking = props.picking ?? true;
  const tilesRevision = props.tilesRevision ?? 0;
  useEffect(() => {
    const source = mapRef.current?.getSource(PLOTS_SOURCE) as VectorTileSource | undefined;
    if (ready && tilesRevision > 0)
      source?.setTiles([`${origin}/tiles/plots/{z}/{x}/{y}.mvt?v=${tilesRevision}`]);
  }, [ready, tilesRevision, origin]);
  const onClick = (event: MapLayerMouseEvent) => {
    const id = featureId(event);
    if (id) return onSelectPlot(id);
    const cluster = event.features?.find((feature) => feature.layer.id === 'plot-cluster-points');
    if (cluster) mapRef.current?.flyTo({ center: event.lngLat, zoom: 15, duration: 800 });
  };

  const start =
    initialView ??
    (province
      ? { longitude: province.view.center[0], latitude: province.view.center[1], zoom: province.view.zoom }
      : { longitude: 106.5, latitude: 16, zoom: 4.5 });

  return (
    <MapView
      ref={mapRef}
      initialViewState={start}
      mapStyle={style}
      interactiveLayerIds={picking ? interactivePlotLayerIds : []}
      onClick={picking ? onClick : undefined}
      onMouseMove={(event) => onHoverPlot(featureId(event))}
      onMouseLeave={() => onHoverPlot(null)}
      cursor={props.hoveredPlotId ? 'pointer' : 'grab'}
      onMoveEnd={(event) => {
        const center = event.target.getCenter();
        props.onViewChange({ longitude: center.lng, latitude: center.lat, zoom: event.target.getZoom() });
      }}
      onZoomEnd={(event) => props.onZoomChange(event.target.getZoom())}
      onLoad={(event) => {
        exposeForTests(event.target);
        props.onZoomChange(event.target.getZoom());
        setReady(true);
      }}
      attributionControl={{ compact: true, customAttribution: t.basemapAttribution }}
      style={{ position: 'absolute', inset: 0 }}
      aria-label={t.plotMapLabel}
    >
      <NavigationControl position="top-left" showCompass={false} />
      <ScaleControl position="bottom-left" />
      {areas && (
        <Source id={PLOT_CLUSTER_AREAS_SOURCE} type="geojson" data={areas}>
          <Layer {...plotClusterFillLayer} />
          <Layer {...plotClusterOutlineLayer} />
        </Source>
      )}
      <Source id={PLOTS_SOURCE} {...plotsSource(origin)}>
        <Layer {...plotFadedLayer(filter)} />
        <Layer {...plotFillLayer(filter)} />
        <Layer {...plotOutlineLayer} />
        <Layer {...plotGeneratedOutlineLayer} />
        <Layer {...plotHighlightLayer} />
        <Layer {...plotLabelLayer(filter)} />
      </Source>
      {points && (
        <Source id={PLOT_CLUSTER_POINTS_SOURCE} type="geojson" data={points}>
          <Layer {...plotClusterPointLayer} />
          <Layer {...clusterLabelLayer(language)} />
        </Source>
      )}
      {ready && props.children}
    </MapView>
  );
}
