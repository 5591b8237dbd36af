import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, test } from 'vitest';
import {
  defaultPlotFilter,
  isDefaultPlotFilter,
  type PlotFilter,
  plotFilterExpression,
  plotQueryString,
  readPlotFilter,
  writePlotFilter,
} from './plot-filter.ts';

/** Plot tile properties, as the "plots" source layer carries them. */
type TilePlot = {
  id: string;
  province_id: string;
  cluster_id: string;
  status: string;
  area_ha: number;
  infra_min: number;
  wastewater_compliant: boolean;
};

const plots: TilePlot[] = [
  {
    id: 'a',
    province_id: 'khanh-hoa',
    cluster_id: 'song-cau',
    status: 'available',
    area_ha: 0.4,
    infra_min: 0,
    wastewater_compliant: false,
  },
  {
    id: 'b',
    province_id: 'khanh-hoa',
    cluster_id: 'song-cau',
    status: 'leased',
    area_ha: 1.2,
    infra_min: 50,
    wastewater_compliant: true,
  },
  {
    id: 'c',
    province_id: 'khanh-hoa',
    cluster_id: 'khatoco-ninh-ich',
    status: 'available',
    area_ha: 2.5,
    infra_min: 80,
    wastewater_compliant: true,
  },
  {
    id: 'd',
    province_id: 'khanh-hoa',
    cluster_id: 'khatoco-ninh-ich',
    status: 'reserved',
    area_ha: 0.9,
    infra_min: 100,
    wastewater_compliant: false,
  },
  {
    id: 'e',
    province_id: 'hoa-binh',
    cluster_id: 'x',
    status: 'available',
    area_ha: 3,
    infra_min: 100,
    wastewater_compliant: true,
  },
];

/** What the server does with the query string (domain/plot-api.ts), read back from the parameters. */
function serverMatches(query: string, plot: TilePlot): boolean {
  const params = new URLSearchParams(query);
  const list = (name: string) => params.get(name)?.split(',');
  const number = (name: string) => (params.has(name) ? Number(params.get(name)) : null);
  const minArea = number('minAreaHa');
  const maxArea = number('maxAreaHa');
  const infra = number('minInfrastructurePercent');
  return (
    params.get('province') === plot.province_id &&
    (list('cluster')?.includes(plot.cluster_id) ?? true) &&
    (list('status')?.includes(plot.status) ?? true) &&
    (minArea === null || plot.area_ha >= minArea) &&
    (maxArea === null || plot.area_ha <= maxArea) &&
    (infra === null || plot.infra_min >= infra) &&
    (params.get('wastewater') !== 'compliant' || plot.wastewater_compliant)
  );
}

function mapMatches(filter: PlotFilter, plot: TilePlot): boolean {
  const compiled = featureFilter(plotFilterExpression('khanh-hoa', filter), 'layers[0].filter');
  return compiled.filter({ zoom: 14 }, { type: 3, properties: plot, geometry: [] } as never);
}

const filters: Record<string, PlotFilter> = {
  defaults: defaultPlotFilter,
  'every status': { ...defaultPlotFilter, statuses: [] },
  'area between 0.5 and 2 ha': { ...defaultPlotFilter, statuses: [], minAreaHa: 0.5, maxAreaHa: 2 },
  'one cluster, leased or reserved': {
    ...defaultPlotFilter,
    clusterIds: ['khatoco-ninh-ich'],
    statuses: ['leased', 'reserved'],
  },
  'infrastructure at least 75%': { ...defaultPlotFilter, statuses: [], minInfrastructurePercent: 75 },
  'compliant wastewater plant': { ...defaultPlotFilter, wastewaterCompliant: true },
};

describe('plot filter', () => {
  test('writes the API query string of the defaults', () => {
    expect(plotQueryString('khanh-hoa', defaultPlotFilter, { limit: 50, offset: 0 })).toBe(
      'province=khanh-hoa&status=available&sort=area&limit=50&offset=0',
    );
  });

  test('writes every filter field under the names the API takes', () => {
    const query = plotQueryString(
      'khanh-hoa',
      {
        clusterIds: ['song-cau', 'dien-tho'],
        statuses: ['available', 'reserved'],
        minAreaHa: 0.5,
        maxAreaHa: 2,
        minInfrastructurePercent: 50,
        wastewaterCompliant: true,
        sort: '-area',
      },
      { limit: 20, offset: 40 },
    );
    expect(query).toBe(
      'province=khanh-hoa&cluster=song-cau,dien-tho&status=available,reserved&minAreaHa=0.5&maxAreaHa=2&minInfrastructurePercent=50&wastewater=compliant&sort=-area&limit=20&offset=40',
    );
  });

  test('builds a MapLibre filter of the province and statuses by default', () => {
    expect(plotFilterExpression('khanh-hoa', defaultPlotFilter)).toEqual([
      'all',
      ['==', ['get', 'province_id'], 'khanh-hoa'],
      ['in', ['get', 'status'], ['literal', ['available']]],
    ]);
  });

  for (const [name, filter] of Object.entries(filters)) {
    test(`the map and the list pick the same plots: ${name}`, () => {
      const query = plotQueryString('khanh-hoa', filter, { limit: 50, offset: 0 });
      const fromList = plots.filter((plot) => serverMatches(query, plot)).map((plot) => plot.id);
      const fromMap = plots.filter((plot) => mapMatches(filter, plot)).map((plot) => plot.id);
      expect(fromMap).toEqual(fromList);
    });
  }

  test('the agreement is not vacuous: filters pick different plots', () => {
    const picked = Object.values(filters).map((filter) =>
      plots
        .filter((plot) => mapMatches(filter, plot))
        .map((plot) => plot.id)
        .join(),
    );
    expect(new Set(picked).size).toBeGreaterThan(4);
  });

  test('round-trips through the address bar', () => {
    for (const filter of Object.values(filters)) {
      const params = new URLSearchParams();
      writePlotFilter(filter, params);
      expect(readPlotFilter(new URLSearchParams(params.toString()))).toEqual(filter);
    }
  });

  test('ignores junk in the address bar', () => {
    const filter = readPlotFilter(
      new URLSearchParams(
        'status=sold,,&minArea=-3&maxArea=abc&infra=33&sort=price&clusters=Bad Id,song-cau&wastewater=yes',
      ),
    );
    expect(filter).toEqual({ ...defaultPlotFilter, clusterIds: ['song-cau'] });
  });

  test('knows when nothing is narrowed beyond the defaults', () => {
    expect(isDefaultPlotFilter(defaultPlotFilter)).toBe(true);
    expect(isDefaultPlotFilter({ ...defaultPlotFilter, minAreaHa: 1 })).toBe(false);
  });

  test('does not mutate the filter it reads', () => {
    const filter = structuredClone(filters['one cluster, leased or reserved']) as PlotFilter;
    const copy = structuredClone(filter);
    plotFilterExpression('khanh-hoa', filter);
    plotQueryString('khanh-hoa', filter, { limit: 1, offset: 0 });
    expect(filter).toEqual(copy);
  });
});
