import type { Map as MapLibreMap } from 'maplibre-gl';
import { useState } from 'react';
import type { LocalizedText } from '../../../domain/text.ts';
import { stages } from '../../../domain/vocabulary.ts';
import { type ExportCollection, type ExportFormat, exportFormats, exportUrl } from '../api/export-url.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { exportMapPng, mapImageFileName } from '../map/exportPng.ts';

const formatLabels: Record<ExportFormat, string> = {
  xlsx: 'Excel (XLSX)',
  csv: 'CSV',
  geojson: 'GeoJSON',
  kml: 'KML (Google Earth)',
};

type Props = {
  province: { id: string; name: LocalizedText } | null;
  /** The planner's map, when it shows: its view can be saved as a PNG. */
  map: MapLibreMap | null;
  layer: { id: string; title: LocalizedText };
  /** Plots are offered too (the investor's mode). */
  withPlots: boolean;
  /** Removed clusters are shown, so they are exported too. */
  includeRemoved: boolean;
  /** Some shape on the map is illustrative: the image says so. */
  illustrative: boolean;
  today: string;
};

function FormatLinks({
  collection,
  urls,
}: {
  collection: ExportCollection;
  urls: Record<ExportFormat, string>;
}) {
  return (
    <ul className={`export-links export-${collection}`}>
      {exportFormats.map((format) => (
        <li key={format}>
          <a href={urls[format]} download data-format={format}>
            {formatLabels[format]}
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * "Xuất dữ liệu": the province's clusters (and plots, for investors) as Excel, CSV, GeoJSON or KML
 * from `/api/export`, and the current map view as a titled PNG.
 */
export function ExportMenu({ province, map, layer, withPlots, includeRemoved, illustrative, today }: Props) {
  const { t, text, date } = useI18n();
  const [failed, setFailed] = useState(false);
  if (!province) return null;
  const urls = (collection: ExportCollection) =>
    Object.fromEntries(
      exportFormats.map((format) => [
        format,
        exportUrl(collection, format, province.id, includeRemoved ? stages.codes : []),
      ]),
    ) as Record<ExportFormat, string>;

  const saveImage = async () => {
    if (!map) return;
    setFailed(false);
    try {
      await exportMapPng(
        map,
        {
          title: `${text(province.name)} — ${text(layer.title)}`,
          date: t.exportMapDate.replace('{date}', date(today)),
          note: illustrative ? t.exportIllustrativeNote : null,
          attribution: t.basemapAttribution,
        },
        mapImageFileName(province.id, layer.id, today),
      );
    } catch {
      setFailed(true);
    }
  };

  return (
    <details className="control export-menu">
      <summary>{t.exportMenu}</summary>
      <div className="export-menu-body">
        <h2>{t.exportClusters.replace('{province}', text(province.name))}</h2>
        <FormatLinks collection="clusters" urls={urls('clusters')} />
        {withPlots && (
          <>
            <h2>{t.exportPlots.replace('{province}', text(province.name))}</h2>
            <FormatLinks collection="plots" urls={urls('plots')} />
          </>
        )}
        {map && (
          <button type="button" className="export-png" onClick={saveImage}>
            {t.exportMapPng}
          </button>
        )}
        {failed && (
          <p className="notice error" role="alert">
            {t.exportMapFailed}
          </p>
        )}
        <p className="muted small">{t.exportHelp}</p>
      </div>
    </details>
  );
}
