import { toKML } from '@placemarkio/tokml';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { unknownFigureText } from '../../domain/national-report.ts';
import { formatNumber } from '../../domain/number-format.ts';
import { type ExportCell, type ExportData, type ExportRow, illustrativeNote } from './rows.ts';

const number = (value: ExportCell | undefined, unit: string) =>
  typeof value === 'number' ? `${formatNumber(value, 'vi', 2)} ${unit}` : unknownFigureText;
const text = (value: ExportCell | undefined) =>
  value === null || value === undefined || value === '' ? unknownFigureText : String(value);

/** A few key facts in Vietnamese, one per line, with the illustrative note when it applies. */
function clusterDescription(row: ExportRow): string {
  return [
    `Giai đoạn: ${text(row.stage_vi)} (nguồn: ${text(row.stage_source)})`,
    `Địa bàn: ${text(row.locality_vi)}`,
    `Diện tích quy hoạch: ${number(row.planned_area_ha, 'ha')}`,
    `Diện tích thành lập: ${number(row.established_area_ha, 'ha')}`,
    `Tỷ lệ lấp đầy: ${number(row.occupancy_percent, '%')}`,
    `Trạm xử lý nước thải: ${text(row.wastewater_state_vi)}`,
    ...(row.geometry_source === 'illustrative' ? [illustrativeNote.vi] : []),
  ].join('\n');
}

function plotDescription(row: ExportRow): string {
  return [
    `Cụm: ${text(row.cluster_name_vi)}`,
    `Tình trạng: ${text(row.status_vi)}`,
    `Diện tích: ${number(row.area_ha, 'ha')}`,
    `Nguồn gốc: ${text(row.origin_vi)}`,
    `Nguồn: ${text(row.source)}${row.as_of ? ` (${row.as_of})` : ''}`,
  ].join('\n');
}

/**
 * The export as KML (via @placemarkio/tokml, which XML-escapes every text): one Placemark per row,
 * named by its Vietnamese name, a description with a few key facts and the illustrative note, and the
 * row's known cells as ExtendedData (unknown ones left out, never written as 0).
 */
export function toKml(data: ExportData): string {
  const geometries = new Map(data.features.map((feature) => [feature.id, feature.geometry]));
  const features: Feature<Geometry>[] = data.rows.flatMap((row) => {
    const geometry = geometries.get(String(row.id));
    if (!geometry) return [];
    const known = Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null));
    const name =
      data.collection === 'clusters'
        ? text(row.name_vi)
        : `Lô ${text(row.label)} — ${text(row.cluster_name_vi)}`;
    const description = data.collection === 'clusters' ? clusterDescription(row) : plotDescription(row);
    return [{ type: 'Feature', id: String(row.id), geometry, properties: { name, description, ...known } }];
  });
  const collection: FeatureCollection<Geometry> = { type: 'FeatureCollection', features };
  return toKML(collection);
}
