/** The collections and formats `GET /api/export/{collection}.{format}` serves. */
export const exportFormats = ['xlsx', 'csv', 'geojson', 'kml'] as const;
export type ExportFormat = (typeof exportFormats)[number];
export type ExportCollection = 'clusters' | 'plots';

/**
 * The download link of a province's clusters or plots in one format; `stages` only for clusters
 * (removed ones are left out unless named, as in `/api/clusters`).
 *
 * @example exportUrl('clusters', 'xlsx', 'khanh-hoa') // '/api/export/clusters.xlsx?province=khanh-hoa'
 */
export function exportUrl(
  collection: ExportCollection,
  format: ExportFormat,
  provinceId: string,
  stages: readonly string[] = [],
): string {
  const query = new URLSearchParams({ province: provinceId });
  if (collection === 'clusters' && stages.length > 0) query.set('stage', stages.join(','));
  return `/api/export/${collection}.${format}?${query}`;
}
