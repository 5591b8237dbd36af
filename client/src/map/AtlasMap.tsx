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
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ProvinceSummary } from '../../../domain/api.ts';
import type { ClusterFeatureCollection } from '../../../domain/cluster.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { basemapStyle } from './basemapStyle.ts';
import { clusterAreas, clusterPoints } from './clusterFeatures.ts';
import {
  CLUSTER_AREAS_SOURCE,
  CLUSTER_POINTS_SOURCE,
  clusterFillLayer,
  clusterLabelLayer,
  clusterOutlineLayer,
  clusterPointLayer,
  interactiveClusterLayerIds,
} from './clusterLayers.ts';
import { exposeForTests } from './exposeForTests.ts';

type Props = {
  province: ProvinceSummary;
  clusters: ClusterFeatureCollection | null;
  selectedClusterId: string | null;
  onSelectCluster: (id: string | null) => void;
};

/** The map: offline basemap, and the clusters of one province coloured by stage. */
export function AtlasMap({ province, clusters, selectedClusterId, onSelectCluster }: Props) {
  const { language, t } = useI18n();
  const mapRef = useRef<MapRef>(null);
  const [cursor, setCursor] = useState('grab');
  const style = useMemo(() => basemapStyle(window.location.origin, language), [language]);
  const areas = useMemo(() => (clusters ? clusterAreas(clusters) : null), [clusters]);
  const points = useMemo(() => (clusters ? clusterPoints(clusters) : null), [clusters]);

  // Fly to a province when it changes; the first view comes from initialViewState.
  useEffect(() => {
    mapRef.current?.flyTo({ center: province.view.center, zoom: province.view.zoom, duration: 800 });
  }, [province]);

  const onClick = (event: MapLayerMouseEvent) => {
    const id = event.features?.[0]?.properties?.id;
    onSelectCluster(typeof id === 'string' ? id : null);
  };

  return (
    <MapView
      ref={mapRef}
      initialViewState={{
        longitude: province.view.center[0],
        latitude: province.view.center[1],
        zoom: province.view.zoom,
      }}
      mapStyle={style}
      interactiveLayerIds={interactiveClusterLayerIds}
      onClick={onClick}
      onMouseEnter={() => setCursor('pointer')}
      onMouseLeave={() => setCursor('grab')}
      cursor={cursor}
      onLoad={(event) => {
        performance.mark('map-load');
        exposeForTests(event.target);
      }}
      onIdle={() => performance.mark('map-idle')}
      attributionControl={{ compact: true, customAttribution: t.basemapAttribution }}
      style={{ position: 'absolute', inset: 0 }}
      aria-label={t.mapLabel}
    >
      <NavigationControl position="top-left" showCompass={false} />
      <ScaleControl position="bottom-left" />
      {areas && (
        <Source id={CLUSTER_AREAS_SOURCE} type="geojson" data={areas}>
          <Layer {...clusterFillLayer} />
          <Layer {...clusterOutlineLayer} />
        </Source>
      )}
      {points && (
        <Source id={CLUSTER_POINTS_SOURCE} type="geojson" data={points}>
          <Layer {...clusterPointLayer(selectedClusterId)} />
          <Layer {...clusterLabelLayer(language)} />
        </Source>
      )}
    </MapView>
  );
}
