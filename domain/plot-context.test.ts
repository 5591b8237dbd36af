import { describe, expect, test } from 'vitest';
import { ClusterProperties, type ClusterPropertiesInput } from './cluster.ts';
import { PlotProperties } from './plot.ts';
import { plotClusterContext, resolvePlotContact } from './plot-context.ts';
import { Province } from './province.ts';

const cluster = (overrides: Partial<ClusterPropertiesInput> = {}) =>
  ClusterProperties.parse({
    id: 'cum-thu',
    provinceId: 'khanh-hoa',
    name: { vi: 'CCN Thử', en: 'Test cluster' },
    stage: 'operating',
    stageSourceId: 'src',
    locality: null,
    infrastructureInvestor: null,
    wastewaterPlant: null,
    geometrySource: 'illustrative',
    sourceIds: ['src'],
    ...overrides,
  });

const plot = (overrides: Record<string, unknown> = {}) =>
  PlotProperties.parse({
    id: 'lo-a-01',
    clusterId: 'cum-thu',
    provinceId: 'khanh-hoa',
    label: 'A-01',
    status: 'available',
    origin: 'import',
    sourceId: 'src',
    ...overrides,
  });

const province = (leadAgency: unknown) =>
  Province.parse({
    id: 'khanh-hoa',
    name: { vi: 'Khánh Hòa', en: 'Khánh Hòa' },
    plan: null,
    view: { center: [109, 12.3], zoom: 9 },
    figures: [],
    leadAgency,
  });

describe('plotClusterContext', () => {
  test('leaves occupancy and the wastewater plant unknown when the cluster reports neither', () => {
    const context = plotClusterContext(cluster());
    expect(context.occupancy).toBeNull();
    expect(context.wastewaterPlant).toBeNull();
    expect(context.infrastructure).toEqual({ percent: null, minimumPercent: 0, maximumPercent: 100 });
  });

  test('derives occupancy from the reported areas, citing the leased figure’s source', () => {
    const figure = (value: number, sourceId: string) => ({
      value,
      unit: 'ha' as const,
      sourceId,
      asOf: null,
    });
    const context = plotClusterContext(
      cluster({
        figures: {
          leasedIndustrialLandHa: figure(30, 'report'),
          leasableIndustrialLandHa: figure(40, 'plan'),
        },
      }),
    );
    expect(context.occupancy).toEqual({ percent: 75, sourceId: 'report' });
  });

  test('carries the wastewater plant’s state, capacity and source', () => {
    const context = plotClusterContext(
      cluster({ wastewaterPlant: { value: { state: 'compliant', capacityM3PerDay: 500 }, sourceId: 's' } }),
    );
    expect(context.wastewaterPlant).toEqual({ state: 'compliant', capacityM3PerDay: 500, sourceId: 's' });
  });

  test('does not change the cluster it reads', () => {
    const input = cluster();
    const before = structuredClone(input);
    plotClusterContext(input);
    expect(input).toEqual(before);
  });
});

describe('resolvePlotContact', () => {
  const agency = {
    description: { vi: 'Sở Công Thương', en: 'Department of Industry and Trade' },
    sourceId: 'kh',
  };

  test('prefers the plot’s own contact', () => {
    const contact = { name: 'Ban quản lý', phone: '0258 000' };
    expect(resolvePlotContact(plot({ contact }), province(agency))).toEqual({
      from: 'plot',
      contact,
      description: null,
      sourceId: 'src',
    });
  });

  test('falls back to the province’s lead agency with its source', () => {
    expect(resolvePlotContact(plot(), province(agency))).toEqual({
      from: 'province-lead-agency',
      contact: null,
      description: agency.description,
      sourceId: 'kh',
    });
  });

  test('says nobody is known when the province names no lead agency', () => {
    const resolved = resolvePlotContact(plot(), province(null));
    expect(resolved.description).toBeNull();
    expect(resolved.sourceId).toBeNull();
  });
});

describe('PlotProperties', () => {
  test('refuses a tenant on a plot that is not leased', () => {
    expect(() => plot({ tenant: 'Công ty A' })).toThrow(/only a leased plot has a tenant/);
    expect(plot({ status: 'leased', tenant: 'Công ty A' }).tenant).toBe('Công ty A');
  });

  test('asks a generated plot for its layout parameters, and only a generated one', () => {
    expect(() => plot({ origin: 'generated', sourceId: null })).toThrow(/layout parameters/);
    const layout = { plotWidthM: 50, plotDepthM: 80, roadWidthM: 12 };
    expect(() => plot({ layout })).toThrow(/layout parameters/);
    expect(plot({ origin: 'generated', layout, sourceId: null }).layout?.minPlotShare).toBe(0.5);
  });
});
