import type { ExportData } from './rows.ts';

/**
 * The export as a GeoJSON FeatureCollection (RFC 7946, lon/lat): each feature keeps its full record
 * as the API gives it, `geometrySource` included; the cited sources ride along as a foreign member,
 * and so does the illustrative note when some geometry is illustrative.
 *
 * @example JSON.parse(toGeoJson(data)).features[0].properties.geometrySource // 'illustrative'
 */
export function toGeoJson(data: ExportData): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: data.features,
    sources: data.sources,
    ...(data.illustrative ? { note: illustrativeNoteFor(data) } : {}),
  });
}

const illustrativeNoteFor = (data: ExportData) =>
  data.collection === 'plots'
    ? {
        vi: 'Lô có geometrySource = illustrative là phân lô minh họa do công cụ tạo, không phải lô đất thực tế.',
        en: 'Plots with geometrySource = illustrative are a demonstration layout made by the tool, not real plots.',
      }
    : {
        vi: 'Hình dạng có geometrySource = illustrative là vị trí minh họa, không phải ranh giới đo đạc.',
        en: 'Shapes with geometrySource = illustrative are illustrative locations, not surveyed boundaries.',
      };
