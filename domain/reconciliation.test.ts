import { describe, expect, test } from 'vitest';
import type { ClusterProperties } from './cluster.ts';
import { type Province, ProvinceFigure, type ProvinceFigureKey } from './province.ts';
import { reconcileProvince } from './reconciliation.ts';

const figure = (key: ProvinceFigureKey, value: number, unit: ProvinceFigure['unit'] = 'count') =>
  ProvinceFigure.parse({ key, value, unit, sourceId: 'doc', asOf: '2024-06-14' });

const province = (figures: ProvinceFigure[]): Province => ({
  id: 'test',
  name: { vi: 'Thử', en: 'Test' },
  plan: null,
  view: { center: [108, 12], zoom: 8 },
  figures,
  targets: [],
  obstacles: [],
  documents: [],
  leadAgency: null,
  notes: [],
});

const cluster = (id: string, stage: ClusterProperties['stage'], areaHa?: number): ClusterProperties => ({
  id,
  provinceId: 'test',
  name: { vi: id, en: id },
  aliases: [],
  stage,
  stageSourceId: 'doc',
  locality: null,
  infrastructureInvestor: null,
  wastewaterPlant: null,
  infrastructure: {},
  clearance: null,
  obstacles: [],
  targets: [],
  figures:
    areaHa === undefined
      ? {}
      : { establishedAreaHa: { value: areaHa, unit: 'ha', approximate: false, sourceId: 'doc', asOf: null } },
  geometrySource: 'illustrative',
  sourceIds: ['doc'],
});

const row = (rows: ReturnType<typeof reconcileProvince>, key: string) => {
  const found = rows.find((item) => item.key === key);
  if (!found) throw new Error(`no row ${key}`);
  return found;
};

describe('reconcileProvince', () => {
  test('shows the gap between a reported count and the clusters held in the data', () => {
    const rows = reconcileProvince(province([figure('plannedClusterCount', 14)]), [
      cluster('a', 'planned'),
      cluster('b', 'operating'),
    ]);
    expect(row(rows, 'clustersInPlan')).toMatchObject({ computed: 2, difference: -12, status: 'differs' });
  });

  test('does not count removed clusters as in the plan', () => {
    const rows = reconcileProvince(province([figure('plannedClusterCount', 1)]), [
      cluster('a', 'planned'),
      cluster('b', 'removed'),
    ]);
    expect(row(rows, 'clustersInPlan')).toMatchObject({ computed: 1, status: 'agrees' });
  });

  test('leaves an area sum unknown when one cluster lacks its area', () => {
    const rows = reconcileProvince(province([figure('establishedAreaHa', 30, 'ha')]), [
      cluster('a', 'operating', 30),
      cluster('b', 'established'),
    ]);
    expect(row(rows, 'establishedAreaFromClusters')).toMatchObject({ computed: null, status: 'unknown' });
  });

  test('sums cluster areas when every one is known', () => {
    const rows = reconcileProvince(province([figure('establishedAreaHa', 50.5, 'ha')]), [
      cluster('a', 'operating', 30.25),
      cluster('b', 'established', 20.25),
    ]);
    expect(row(rows, 'establishedAreaFromClusters')).toMatchObject({ computed: 50.5, status: 'agrees' });
  });

  test('surfaces a planned area that its reported parts do not add up to', () => {
    // Khánh Hòa: 362.64 established + 196.81 not established = 559.45, against "about 669" planned.
    const rows = reconcileProvince(
      province([
        figure('plannedAreaHa', 669, 'ha'),
        figure('establishedAreaHa', 362.64, 'ha'),
        figure('notEstablishedAreaHa', 196.81, 'ha'),
      ]),
      [],
    );
    expect(row(rows, 'plannedAreaHaFromReportedParts')).toMatchObject({
      computed: 559.45,
      difference: -109.55,
      status: 'differs',
    });
  });

  test('treats a difference within the reported rounding as agreement', () => {
    const rows = reconcileProvince(
      province([
        figure('occupancyPercent', 78, 'percent'),
        figure('leasedIndustrialLandHa', 117.11, 'ha'),
        figure('leasableIndustrialLandHa', 149.96, 'ha'),
      ]),
      [],
    );
    expect(row(rows, 'occupancyFromReportedAreas').status).toBe('agrees');
  });

  test('is unknown, not zero, when the reported figure is missing', () => {
    const rows = reconcileProvince(province([]), [cluster('a', 'planned')]);
    expect(row(rows, 'clustersInPlan')).toMatchObject({
      reported: null,
      difference: null,
      status: 'unknown',
    });
  });

  test('does not mutate its inputs', () => {
    const input = province([figure('plannedClusterCount', 3)]);
    const clusters = [cluster('a', 'planned')];
    const before = JSON.stringify([input, clusters]);
    reconcileProvince(input, clusters);
    expect(JSON.stringify([input, clusters])).toBe(before);
  });
});

describe('occupancy from cluster data', () => {
  const leasedCluster = (id: string, leased?: number, leasable?: number) => {
    const base = cluster(id, 'operating');
    const figures = { ...base.figures };
    if (leased !== undefined)
      figures.leasedIndustrialLandHa = {
        value: leased,
        unit: 'ha',
        approximate: false,
        sourceId: 'doc',
        asOf: null,
      };
    if (leasable !== undefined)
      figures.leasableIndustrialLandHa = {
        value: leasable,
        unit: 'ha',
        approximate: false,
        sourceId: 'doc',
        asOf: null,
      };
    return { ...base, figures };
  };

  test('divides total leased by total leasable land of operating clusters', () => {
    const rows = reconcileProvince(province([figure('occupancyPercent', 75, 'percent')]), [
      leasedCluster('a', 30, 40),
      leasedCluster('b', 15, 20),
    ]);
    expect(row(rows, 'occupancyFromClusters')).toMatchObject({ computed: 75, status: 'agrees' });
  });

  test('is unknown when one operating cluster lacks its land figures', () => {
    const rows = reconcileProvince(province([figure('occupancyPercent', 78, 'percent')]), [
      leasedCluster('a', 30, 40),
      leasedCluster('b'),
    ]);
    const occupancy = row(rows, 'occupancyFromClusters');
    expect(occupancy).toMatchObject({ computed: null, status: 'unknown' });
    expect(occupancy.explanation.vi).toContain('1 cụm chưa có số liệu');
  });
});

describe('reconciliation explanations', () => {
  const explained = (rows: ReturnType<typeof reconcileProvince>, key: string) => row(rows, key).explanation;

  test('spell out an unexplained gap between reported parts and the total', () => {
    const rows = reconcileProvince(
      province([
        ProvinceFigure.parse({
          key: 'plannedAreaHa',
          value: 669,
          unit: 'ha',
          approximate: true,
          sourceId: 'doc',
          asOf: null,
        }),
        figure('establishedAreaHa', 362.64, 'ha'),
        figure('notEstablishedAreaHa', 196.81, 'ha'),
      ]),
      [],
    );
    const text = explained(rows, 'plannedAreaHaFromReportedParts');
    expect(text.vi).toBe(
      '362,64 ha + 196,81 ha = 559,45 ha, so với khoảng 669 ha báo cáo: chênh 109,55 ha, nguồn không giải thích phần chênh này.',
    );
    expect(text.en).toContain('a gap of 109.55 ha');
  });

  test('say how many counted clusters the data does not name', () => {
    const rows = reconcileProvince(province([figure('plannedClusterCount', 14)]), [cluster('a', 'planned')]);
    expect(explained(rows, 'clustersInPlan').vi).toContain(
      '13 cụm báo cáo có tính nhưng nguồn không nêu tên',
    );
  });

  test('say which clusters lack an area when a sum is unknown', () => {
    const rows = reconcileProvince(province([figure('establishedAreaHa', 30, 'ha')]), [
      cluster('a', 'operating'),
      cluster('b', 'established'),
    ]);
    expect(explained(rows, 'establishedAreaFromClusters').en).toContain('2 clusters have no area figure');
  });
});
