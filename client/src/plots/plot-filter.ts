import type { FilterSpecification } from 'maplibre-gl';
import type { PlotStatus } from '../../../domain/plot.ts';
import { type PlotSort, plotSortKeys } from '../../../domain/plot-api.ts';
import { plotStatuses } from '../../../domain/vocabulary.ts';

/** Thresholds the investor picks for infrastructure completeness ("at least"). */
export const infrastructureThresholds = [0, 25, 50, 75, 100] as const;
export type InfrastructureThreshold = (typeof infrastructureThresholds)[number];

/**
 * What an investor filters plots by. One object drives both the list (the API's query string) and
 * the map (a MapLibre filter expression over the plot tiles), so the two always show the same plots.
 */
export type PlotFilter = {
  /** Empty: every cluster of the province. */
  clusterIds: string[];
  /** Empty: every status. */
  statuses: PlotStatus[];
  minAreaHa: number | null;
  maxAreaHa: number | null;
  /** The cluster's infrastructure is at least this complete for certain; 0 does not filter. */
  minInfrastructurePercent: InfrastructureThreshold;
  wastewaterCompliant: boolean;
  sort: PlotSort;
};

export const defaultPlotFilter: PlotFilter = {
  clusterIds: [],
  statuses: ['available'],
  minAreaHa: null,
  maxAreaHa: null,
  minInfrastructurePercent: 0,
  wastewaterCompliant: false,
  sort: 'area',
};

/**
 * The query string of `GET /api/plots` for a province, a filter and a page.
 *
 * @example plotQueryString('khanh-hoa', defaultPlotFilter, { limit: 50, offset: 0 })
 * // 'province=khanh-hoa&status=available&sort=area&limit=50&offset=0'
 */
export function plotQueryString(
  provinceId: string,
  filter: PlotFilter,
  page: { limit: number; offset: number },
): string {
  const params = new URLSearchParams({ province: provinceId });
  if (filter.clusterIds.length > 0) params.set('cluster', filter.clusterIds.join(','));
  if (filter.statuses.length > 0) params.set('status', filter.statuses.join(','));
  if (filter.minAreaHa !== null) params.set('minAreaHa', String(filter.minAreaHa));
  if (filter.maxAreaHa !== null) params.set('maxAreaHa', String(filter.maxAreaHa));
  if (filter.minInfrastructurePercent > 0)
    params.set('minInfrastructurePercent', String(filter.minInfrastructurePercent));
  if (filter.wastewaterCompliant) params.set('wastewater', 'compliant');
  params.set('sort', filter.sort);
  params.set('limit', String(page.limit));
  params.set('offset', String(page.offset));
  return params.toString().replaceAll('%2C', ',');
}

/**
 * The same filter as a MapLibre expression over the "plots" tile layer's properties
 * (`province_id`, `cluster_id`, `status`, `area_ha`, `infra_min`, `wastewater_compliant`).
 *
 * @example plotFilterExpression('khanh-hoa', defaultPlotFilter)
 * // ['all', ['==', ['get', 'province_id'], 'khanh-hoa'], ['in', ['get', 'status'], ['literal', ['available']]]]
 */
export function plotFilterExpression(provinceId: string, filter: PlotFilter): FilterSpecification {
  const conditions: unknown[] = [['==', ['get', 'province_id'], provinceId]];
  if (filter.clusterIds.length > 0)
    conditions.push(['in', ['get', 'cluster_id'], ['literal', filter.clusterIds]]);
  if (filter.statuses.length > 0) conditions.push(['in', ['get', 'status'], ['literal', filter.statuses]]);
  if (filter.minAreaHa !== null) conditions.push(['>=', ['to-number', ['get', 'area_ha']], filter.minAreaHa]);
  if (filter.maxAreaHa !== null) conditions.push(['<=', ['to-number', ['get', 'area_ha']], filter.maxAreaHa]);
  if (filter.minInfrastructurePercent > 0)
    conditions.push(['>=', ['to-number', ['get', 'infra_min']], filter.minInfrastructurePercent]);
  if (filter.wastewaterCompliant) conditions.push(['==', ['get', 'wastewater_compliant'], true]);
  return ['all', ...conditions] as FilterSpecification;
}

const idPattern = /^[a-z0-9-]{1,80}$/;

/** A non-negative area in hectares from the address bar, or null. */
function readArea(text: string | null): number | null {
  if (text === null || text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 && value <= 100_000 ? value : null;
}

/** Filter fields in the address bar, by name. */
const keys = {
  clusters: 'clusters',
  status: 'status',
  minArea: 'minArea',
  maxArea: 'maxArea',
  infra: 'infra',
  wastewater: 'wastewater',
  sort: 'sort',
} as const;

/** The filter a shared link holds; junk values fall back to the defaults. */
export function readPlotFilter(params: URLSearchParams): PlotFilter {
  const statusText = params.get(keys.status);
  const statuses =
    statusText === null
      ? defaultPlotFilter.statuses
      : statusText === 'all'
        ? []
        : statusText
            .split(',')
            .filter((code): code is PlotStatus => plotStatuses.codes.includes(code as never));
  const infra = Number(params.get(keys.infra));
  const sort = params.get(keys.sort);
  return {
    clusterIds: (params.get(keys.clusters) ?? '').split(',').filter((id) => idPattern.test(id)),
    statuses:
      statuses.length > 0 || statusText === 'all' ? [...new Set(statuses)] : defaultPlotFilter.statuses,
    minAreaHa: readArea(params.get(keys.minArea)),
    maxAreaHa: readArea(params.get(keys.maxArea)),
    minInfrastructurePercent: infrastructureThresholds.find((value) => value === infra) ?? 0,
    wastewaterCompliant: params.get(keys.wastewater) === 'compliant',
    sort: plotSortKeys.find((key) => key === sort) ?? defaultPlotFilter.sort,
  };
}

/** Writes the fields that differ from the defaults, so a plain link stays short. */
export function writePlotFilter(filter: PlotFilter, params: URLSearchParams): void {
  if (filter.clusterIds.length > 0) params.set(keys.clusters, filter.clusterIds.join(','));
  const statuses = filter.statuses.join(',');
  if (statuses !== defaultPlotFilter.statuses.join(',')) params.set(keys.status, statuses || 'all');
  if (filter.minAreaHa !== null) params.set(keys.minArea, String(filter.minAreaHa));
  if (filter.maxAreaHa !== null) params.set(keys.maxArea, String(filter.maxAreaHa));
  if (filter.minInfrastructurePercent > 0) params.set(keys.infra, String(filter.minInfrastructurePercent));
  if (filter.wastewaterCompliant) params.set(keys.wastewater, 'compliant');
  if (filter.sort !== defaultPlotFilter.sort) params.set(keys.sort, filter.sort);
}

/** Whether the filter narrows anything beyond the defaults (the empty state offers a reset then). */
export function isDefaultPlotFilter(filter: PlotFilter): boolean {
  const params = new URLSearchParams();
  writePlotFilter(filter, params);
  return params.toString() === '';
}
