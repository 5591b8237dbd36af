import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { stages } from '../../../domain/vocabulary.ts';
import { useApi } from '../api/useApi.ts';
import { I18nProvider, useI18n } from '../i18n/I18nContext.tsx';
import { AtlasMap } from '../map/AtlasMap.tsx';
import { Legend } from '../map/Legend.tsx';
import { thematicLayers } from '../map/thematic/layers.ts';
import { sourceShortName } from '../panels/SourceRef.tsx';
import { plannerLink } from '../url-view.ts';
import { embedApi } from './embed-api.ts';
import { DEFAULT_PROVINCE, type EmbedOptions } from './embed-options.ts';
import { listenToHost, tellHost } from './host-bridge.ts';

/** The read-only map a provincial site frames: map, optional legend, a one-line card, sources. */
function EmbeddedMap({ options }: { options: EmbedOptions }) {
  const { t, text, language } = useI18n();
  const [layerId, setLayerId] = useState(options.layer);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  // The province comes from the URL: its record (view, sources) and its clusters, both asked for
  // before React rendered (main.tsx), are all the embed reads.
  const provinceId = options.province ?? DEFAULT_PROVINCE;
  const detail = useApi(provinceId, (signal) => embedApi.province(provinceId, signal));
  const clusters = useApi(provinceId, (signal) => embedApi.clusters(provinceId, signal));
  const province = detail.state === 'ready' ? detail.data.province : null;
  const features = useMemo(() => {
    if (clusters.state !== 'ready') return null;
    const wanted = options.clusters;
    return {
      ...clusters.data,
      features: clusters.data.features.filter(
        (feature) =>
          feature.properties.stage !== 'removed' &&
          (wanted === null || wanted.includes(feature.properties.id)),
      ),
    };
  }, [clusters, options.clusters]);
  const properties = features?.features.map((feature) => feature.properties) ?? null;
  const selected = properties?.find((cluster) => cluster.id === selectedId) ?? null;
  const layer = thematicLayers[layerId];

  const select = (id: string | null) => {
    const cluster = properties?.find((item) => item.id === id) ?? null;
    setSelectedId(cluster?.id ?? null);
    tellHost({ type: 'cluster-selected', id: cluster?.id ?? null, name: cluster?.name ?? null });
  };
  const selectRef = useRef(select);
  selectRef.current = select;

  useEffect(
    () =>
      listenToHost((command) => {
        if (command.type === 'set-layer') setLayerId(command.layer);
        else if (command.type === 'select-cluster') selectRef.current(command.id);
        else {
          const [west, south, east, north] = command.bbox;
          mapRef.current?.fitBounds([west, south, east, north], { padding: 20, duration: 600 });
        }
      }),
    [],
  );

  const [mapLoaded, setMapLoaded] = useState(false);
  useEffect(() => {
    if (mapLoaded && province && properties) {
      tellHost({ type: 'ready', province: province.id, clusterCount: properties.length });
    }
  }, [mapLoaded, province, properties]);

  const sources = detail.state === 'ready' ? detail.data.sources : [];
  const fullAppUrl = `/${plannerLink({ province: provinceId, cluster: selectedId, language, layer: layerId })}`;

  return (
    <div className="embed">
      <div className="embed-map">
        {/* Once the province's record is in (asked for before the first render, so at once or
            nearly): the map then starts at the province's view, not at Viet Nam's to jump after,
            which costs a whole set of tiles at the wrong zoom before the first cluster
            (bench/first-map.ts). A view or bbox in the URL needs no wait. */}
        {(options.view || options.bbox || detail.state !== 'loading') && (
          <AtlasMap
            province={province}
            clusters={features}
            layer={layer}
            selectedClusterId={selectedId}
            initialView={options.view}
            initialBounds={options.bbox}
            controls={options.controls}
            onSelectCluster={select}
            onMapLoad={(map) => {
              mapRef.current = map;
              setMapLoaded(true);
            }}
          />
        )}
        {options.legend && (
          <Legend
            layer={layer}
            clusters={properties}
            illustrative={properties?.some((cluster) => cluster.geometrySource === 'illustrative') ?? false}
            showRemoved={false}
          />
        )}
        {selected && (
          <div className="embed-card" role="status" data-cluster-id={selected.id}>
            <strong>{text(selected.name)}</strong> · {stages.label(selected.stage, language)}
            {selected.geometrySource === 'illustrative' && (
              <span className="muted"> · {t.embedIllustrative}</span>
            )}{' '}
            <a href={fullAppUrl} target="_blank" rel="noopener">
              {t.embedOpenFull}
            </a>
            <button type="button" className="close" aria-label={t.close} onClick={() => select(null)}>
              ×
            </button>
          </div>
        )}
      </div>
      <footer className="embed-footer">
        {t.sources}: {sources.map((source) => sourceShortName(source, language)).join('; ') || '…'} ·{' '}
        {t.embedIllustrativeFooter} ·{' '}
        <a href={fullAppUrl} target="_blank" rel="noopener">
          CCN Atlas
        </a>
      </footer>
    </div>
  );
}

export function EmbedApp({ options }: { options: EmbedOptions }) {
  useEffect(() => {
    document.documentElement.lang = options.language;
  }, [options.language]);
  return (
    <I18nProvider language={options.language}>
      <EmbeddedMap options={options} />
    </I18nProvider>
  );
}
