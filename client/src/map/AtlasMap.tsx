import {
  type MapLayerMouseEvent,
  type MapRef,
  Map as MapView,
  NavigationControl,
  ScaleControl,
} from '@vis.gl/react-maplibre';
import 'maplibre-gl/dist/maplibre-gl.css';
import './maplibreWorker.ts';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import type { ProvinceSummary } from '../../../domain/api.ts';
import type { ClusterFeatureCollection } from '../../../domain/cluster.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import type { MapView as CameraView } from '../url-state.ts';
import { basemapStyle } from './basemapStyle.ts';
import { clusterAreas, clusterPoints } from './clusterFeatures.ts';
import {
  clusterStyleLayers,
  interactiveClusterLayerIds,
  syncClusters,
  withClusters,
} from './clusterLayers.ts';
import { exposeForTests } from './exposeForTests.ts';
import { provideSymbolImages } from './symbolImages.ts';
import type { ThematicLayer } from './thematic/types.ts';

type Props = {
  /**
   * Where the map opens and flies to (a summary from the list, or the embed's province record).
   * Null while it loads: the map starts at once on Viet Nam and jumps when it comes.
   */
  province: Pick<ProvinceSummary, 'id' | 'view'> | null;
  clusters: ClusterFeatureCollection | null;
  layer: ThematicLayer;
  selectedClusterId: string | null;
  initialView: CameraView | null;
  /** Fit these bounds at start instead of a camera (embeds take either). */
  initialBounds?: [number, number, number, number] | null;
  /** Zoom buttons and scale bar; an embed may hide them. */
  controls?: boolean;
  onSelectCluster: (id: string | null) => void;
  onViewChange?: (view: CameraView) => void;
  /** The MapLibre map once loaded, for callers that drive the camera (the embed's host API). */
  onMapLoad?: (map: MapLibreMap) => void;
  /** While a boundary is drawn, clicks belong to the drawing: clusters are not picked. */
  picking?: boolean;
  /** Extra map children (the boundary drawing), which reach the map with `useMap`. */
  children?: ReactNode;
};

const VIET_NAM_VIEW = { longitude: 106.5, latitude: 16, zoom: 4.5 };

/** The map: offline basemap, and the clusters of one province in the active thematic layer. */
export function AtlasMap(props: Props) {
  const {
    province,
    clusters,
    layer,
    selectedClusterId,
    initialView,
    onSelectCluster,
    onViewChange,
    onMapLoad,
  } = props;
  const controls = props.controls ?? true;
  const picking = props.picking ?? true;
  const { language, t } = useI18n();
  const mapRef = useRef<MapRef>(null);
  const shownProvince = useRef(province?.id ?? null);
  const [cursor, setCursor] = useState('grab');
  const areas = useMemo(() => (clusters ? clusterAreas(clusters, layer) : null), [clusters, layer]);
  const points = useMemo(() => (clusters ? clusterPoints(clusters, layer) : null), [clusters, layer]);
  // The style is made once, with the clusters in it (see withClusters); what changes later (data,
  // selection, language) is set on the live map, not by a new style.
  const shown = useRef<{ areas: unknown; points: unknown }>({ areas, points });
  const [style] = useState(() =>
    withClusters(
      basemapStyle(window.location.origin, language),
      { areas, points },
      selectedClusterId,
      language,
    ),
  );
  const basemapLayers = useMemo(() => basemapStyle(window.location.origin, language).layers, [language]);
  const layers = useMemo(
    () => [...basemapLayers, ...clusterStyleLayers(selectedClusterId, language)],
    [basemapLayers, selectedClusterId, language],
  );
  const latest = useRef({ areas, points, layers });
  latest.current = { areas, points, layers };
  const listening = useRef<MapLibreMap | null>(null);
  useEffect(() => {
    const map = mapRef.current?.getMap();
    if (map) syncClusters(map, { areas, points }, shown.current, layers);
  }, [areas, points, layers]);

  // Fly to a province when the user picks another; the first view comes from the URL or the province,
  // and a province that arrives after the map started is jumped to, unless the URL set the view.
  useEffect(() => {
    if (!province || shownProvince.current === province.id) return;
    const first = shownProvince.current === null;
    shownProvince.current = province.id;
    if (first && (initialView || props.initialBounds)) return;
    const camera = { center: province.view.center, zoom: province.view.zoom };
    if (first) mapRef.current?.jumpTo(camera);
    else mapRef.current?.flyTo({ ...camera, duration: 800 });
  }, [province, initialView, props.initialBounds]);

  // Bring a cluster chosen from the list (or a shared link) into view if it is off screen.
  useEffect(() => {
    const map = mapRef.current;
    const point = points?.features.find((feature) => feature.properties.id === selectedClusterId);
    if (!map || !point) return;
    const [lng = 0, lat = 0] = point.geometry.coordinates;
    if (!map.getBounds().contains([lng, lat])) map.easeTo({ center: [lng, lat], duration: 600 });
  }, [selectedClusterId, points]);

  const onClick = (event: MapLayerMouseEvent) => {
    const id = event.features?.[0]?.properties?.id;
    onSelectCluster(typeof id === 'string' ? id : null);
  };

  const start = props.initialBounds
    ? { bounds: props.initialBounds, fitBoundsOptions: { padding: 20 } }
    : (initialView ??
      (province
        ? { longitude: province.view.center[0], latitude: province.view.center[1], zoom: province.view.zoom }
        : VIET_NAM_VIEW));

  return (
    <MapView
      ref={(instance) => {
        mapRef.current = instance;
        if (instance) {
          // Before the style loads, so the cluster layers find their symbols on first draw.
          provideSymbolImages(instance.getMap());
          // Data or a selection that came before the style loaded is applied once it has.
          if (listening.current !== instance.getMap()) {
            listening.current = instance.getMap();
            const map = instance.getMap();
            map.on('style.load', () =>
              syncClusters(map, latest.current, shown.current, latest.current.layers),
            );
            syncClusters(map, latest.current, shown.current, latest.current.layers);
          }
          // From the start, not from `load`: `load` waits for every label's glyphs, while the
          // clusters are drawn well before (bench/first-map.ts looks for the first one).
          exposeForTests(instance.getMap());
        }
      }}
      initialViewState={start}
      mapStyle={style}
      interactiveLayerIds={picking ? interactiveClusterLayerIds : []}
      onClick={picking ? onClick : undefined}
      onMouseEnter={() => setCursor('pointer')}
      onMouseLeave={() => setCursor('grab')}
      onMoveEnd={(event) => {
        const center = event.target.getCenter();
        onViewChange?.({ longitude: center.lng, latitude: center.lat, zoom: event.target.getZoom() });
      }}
      cursor={cursor}
      onLoad={(event) => {
        performance.mark('map-load');
        exposeForTests(event.target);
        onMapLoad?.(event.target);
      }}
      onIdle={() => performance.mark('map-idle')}
      attributionControl={{ compact: true, customAttribution: t.basemapAttribution }}
      style={{ position: 'absolute', inset: 0 }}
      aria-label={t.mapLabel}
    >
      {controls && <NavigationControl position="top-left" showCompass={false} />}
      {controls && <ScaleControl position="bottom-left" />}
      {props.children}
    </MapView>
  );
}
