import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ClusterProperties } from './cluster.ts';
import { completenessClass, completenessClasses, infrastructureCompleteness } from './infrastructure.ts';
import {
  NationalReport,
  nationalReport,
  nationalReportColumns,
  unknownFigureText,
} from './national-report.ts';
import { occupancyPercent } from './occupancy.ts';
import { PlotClusterContext } from './plot-api.ts';
import { plotClusterContext } from './plot-context.ts';
import {
  type clusterFigures,
  clusterProperties,
  finiteNumber,
  infrastructure,
  isoDate,
  plausibleDate,
  province,
  provinceFigure,
  reportedFigure,
  reportedValue,
  source,
  target,
  withoutNegativeZero,
} from './property-arbitraries.ts';
import { Province } from './province.ts';
import { ReconciliationRow, reconcileProvince } from './reconciliation.ts';
import { ReportingPeriod, reportingPeriod } from './reporting-period.ts';
import { clusterTargetProgress, compliantPlantShare } from './target-progress.ts';
import { isPastDeadline, targetStatus } from './target-status.ts';
import { infrastructureComponents, infrastructureStates } from './vocabulary.ts';

const cluster = (options?: Parameters<typeof clusterProperties>[0]) =>
  clusterProperties(options).map((input) => ClusterProperties.parse(input));
const anyNumber = fc.oneof(fc.double(), fc.constantFrom(null, undefined));

describe('occupancyPercent', () => {
  test('is null or a finite, non-negative percentage, whatever it is given', () => {
    fc.assert(
      fc.property(anyNumber, anyNumber, (leased, leasable) => {
        const percent = occupancyPercent(leased, leasable);
        expect(percent === null || (Number.isFinite(percent) && percent >= 0)).toBe(true);
      }),
    );
  });

  test('an unknown area in gives unknown out, never 0', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(null, undefined),
        anyNumber,
        fc.boolean(),
        (unknown, known, leasedUnknown) => {
          const percent = leasedUnknown ? occupancyPercent(unknown, known) : occupancyPercent(known, unknown);
          expect(percent).toBeNull();
        },
      ),
    );
  });

  test('lies in [0, 100] when leased ≤ leasable, and is the quotient', () => {
    fc.assert(
      fc.property(
        fc.double({ min: Number.MIN_VALUE, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (leasable, share) => {
          const leased = leasable * share;
          const percent = occupancyPercent(leased, leasable);
          expect(percent).not.toBeNull();
          expect(percent).toBeGreaterThanOrEqual(0);
          expect(percent).toBeLessThanOrEqual(100);
          expect(percent).toBe((leased / leasable) * 100);
        },
      ),
    );
  });

  test('grows with the leased area', () => {
    fc.assert(
      fc.property(
        reportedValue,
        reportedValue,
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        (a, b, leasable) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(occupancyPercent(low, leasable)).toBeLessThanOrEqual(
            occupancyPercent(high, leasable) as number,
          );
        },
      ),
    );
  });
});

describe('infrastructureCompleteness', () => {
  test('counts every component once, unknown when no source reports it; percent only when all are known', () => {
    fc.assert(
      fc.property(infrastructure, (components) => {
        const result = infrastructureCompleteness(components);
        const reported = infrastructureComponents.codes.filter((code) => components[code] !== undefined);
        const done = reported.filter((code) => components[code]?.value === 'done').length;
        expect(Object.values(result.counts).reduce((sum, count) => sum + count, 0)).toBe(10);
        expect(result.counts.unknown).toBe(10 - reported.length);
        expect(result.counts.done).toBe(done);
        expect(result.minimumPercent).toBeCloseTo(done * 10, 9);
        expect(result.maximumPercent).toBeCloseTo((done + 10 - reported.length) * 10, 9);
        expect(0 <= result.minimumPercent && result.minimumPercent <= result.maximumPercent).toBe(true);
        expect(result.maximumPercent).toBeLessThanOrEqual(100);
        if (reported.length < 10) expect(result.percent).toBeNull();
        else expect(result.percent).toBe(result.minimumPercent);
      }),
    );
  });

  test('learning one more component narrows the range, never moves outside it', () => {
    fc.assert(
      fc.property(
        infrastructure,
        fc.constantFrom(...infrastructureComponents.codes),
        fc.constantFrom(...infrastructureStates.codes),
        (components, code, state) => {
          fc.pre(components[code] === undefined);
          const before = infrastructureCompleteness(components);
          const after = infrastructureCompleteness({
            ...components,
            [code]: { value: state, sourceId: 's' },
          });
          expect(after.minimumPercent).toBeGreaterThanOrEqual(before.minimumPercent);
          expect(after.maximumPercent).toBeLessThanOrEqual(before.maximumPercent);
          expect(after.counts.unknown).toBe(before.counts.unknown - 1);
        },
      ),
    );
  });

  test('completenessClass puts a percentage in the class whose bounds hold it, anything else in unknown', () => {
    const bounds: Record<string, [number, number]> = {
      '0-25': [0, 25],
      '25-50': [25, 50],
      '50-75': [50, 75],
      '75-100': [75, 100],
    };
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.double({ min: 0, max: 100 }), fc.constant(null)), (percent) => {
        const value = completenessClass(percent);
        expect(completenessClasses).toContain(value);
        if (percent === null || !(percent >= 0 && percent <= 100)) return void expect(value).toBe('unknown');
        if (percent === 100) return void expect(value).toBe('100');
        const [low, high] = bounds[value] ?? [Number.NaN, Number.NaN];
        expect(low <= percent && percent < high).toBe(true);
      }),
    );
  });
});

describe('clusterTargetProgress', () => {
  test('never throws; measures each kind by its figure, unknown when the figure is', () => {
    fc.assert(
      fc.property(target, cluster(), (goal, properties) => {
        const progress = clusterTargetProgress(goal, properties);
        if (goal.value !== undefined && goal.unit !== undefined && goal.unit !== 'percent') {
          return void expect(progress).toBeNull();
        }
        const { leasedIndustrialLandHa, leasableIndustrialLandHa, clearedSharePercent } = properties.figures;
        switch (goal.kind) {
          case 'occupancy':
            if (!leasedIndustrialLandHa || !leasableIndustrialLandHa) expect(progress).toBeNull();
            else
              expect(progress).toBe(
                occupancyPercent(leasedIndustrialLandHa.value, leasableIndustrialLandHa.value),
              );
            break;
          case 'clearance-and-construction':
            expect(progress).toBe(clearedSharePercent ? clearedSharePercent.value : null);
            break;
          case 'wastewater-plant-compliance':
            expect(progress).toBe(
              properties.wastewaterPlant === null
                ? null
                : properties.wastewaterPlant.value.state === 'compliant'
                  ? 100
                  : 0,
            );
        }
      }),
    );
  });

  test('compliantPlantShare is unknown while any plant is, else the compliant share in [0, 100]', () => {
    fc.assert(
      fc.property(fc.array(cluster({ figures: fc.constant({}) }), { maxLength: 6 }), (clusters) => {
        const share = compliantPlantShare(clusters);
        if (clusters.length === 0 || clusters.some((item) => item.wastewaterPlant === null)) {
          return void expect(share).toBeNull();
        }
        const compliant = clusters.filter((item) => item.wastewaterPlant?.value.state === 'compliant').length;
        expect(share).toBe((compliant / clusters.length) * 100);
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe('targetStatus', () => {
  const current = fc.oneof(fc.double(), fc.constant(null));
  /** How far along a status is as the figure grows; unknown-without-deadline counts with the shortfalls. */
  const byFigure = { unknown: 0, missed: 0, 'at-risk': 0, 'on-track': 1, met: 2 } as const;
  /** How well a status stands, for a figure short of the target, as time passes. */
  const byTime = { missed: 0, 'at-risk': 1, 'on-track': 2 } as const;

  test('never throws on a schema-valid target and date; unknown figure in, unknown status out', () => {
    fc.assert(
      fc.property(target, current, isoDate, (goal, figure, asOf) => {
        const status = targetStatus(goal, { current: figure, asOf });
        const value = goal.value ?? 100;
        if (figure === null || !Number.isFinite(figure)) expect(status).toBe('unknown');
        else if (figure >= value) expect(status).toBe('met');
        else if (goal.deadline === null) expect(status).toBe('unknown');
        else expect(status === 'missed').toBe(isPastDeadline(goal, asOf));
      }),
    );
  });

  test('a deadline has passed exactly when the date is later, in every year the schema admits', () => {
    // ISO dates order as strings; years 0–99 are where Date.UTC would read 1900–1999 instead.
    const earlyDate = fc
      .date({
        min: new Date('0000-01-01T00:00:00Z'),
        max: new Date('0100-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString().slice(0, 10));
    const date = fc.oneof(
      isoDate,
      earlyDate,
      fc.constantFrom('0000-02-29', '0004-02-29', '0099-12-31', '0100-01-01'),
    );
    fc.assert(
      fc.property(date, date, (deadline, asOf) => {
        expect(isPastDeadline({ deadline }, asOf)).toBe(asOf > deadline);
        expect(isPastDeadline({ deadline: null }, asOf)).toBe(false);
      }),
    );
  });

  test('a higher figure never gives a worse status', () => {
    fc.assert(
      fc.property(target, finiteNumber, finiteNumber, plausibleDate, (goal, a, b, asOf) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const lower = targetStatus(goal, { current: low, asOf });
        const higher = targetStatus(goal, { current: high, asOf });
        expect(byFigure[lower]).toBeLessThanOrEqual(byFigure[higher]);
      }),
    );
  });

  test('as time passes a target short of its value only moves on-track → at-risk → missed', () => {
    fc.assert(
      fc.property(target, finiteNumber, isoDate, isoDate, (goal, figure, a, b) => {
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        const before = targetStatus(goal, { current: figure, asOf: earlier });
        const after = targetStatus(goal, { current: figure, asOf: later });
        if (before === 'met' || before === 'unknown') return void expect(after).toBe(before);
        expect(after === 'met' || after === 'unknown').toBe(false);
        expect(byTime[after as keyof typeof byTime]).toBeLessThanOrEqual(
          byTime[before as keyof typeof byTime],
        );
      }),
    );
  });
});

describe('plotClusterContext', () => {
  test('derives what the API schema admits; occupancy and completeness unknown exactly when their inputs are', () => {
    fc.assert(
      fc.property(cluster(), (properties) => {
        const context = PlotClusterContext.parse(plotClusterContext(properties));
        const { leasedIndustrialLandHa: leased, leasableIndustrialLandHa: leasable } = properties.figures;
        if (!leased || !leasable) expect(context.occupancy).toBeNull();
        expect(context.occupancy?.percent ?? null).toBe(occupancyPercent(leased?.value, leasable?.value));
        expect(context.infrastructure).toEqual({
          percent: infrastructureCompleteness(properties.infrastructure).percent,
          minimumPercent: infrastructureCompleteness(properties.infrastructure).minimumPercent,
          maximumPercent: infrastructureCompleteness(properties.infrastructure).maximumPercent,
        });
        expect(context.wastewaterPlant === null).toBe(properties.wastewaterPlant === null);
      }),
    );
  });
});

describe('reconcileProvince', () => {
  const someProvince = province().map((input) => Province.parse(input));

  test('never throws, changes neither input, and every row is consistent', () => {
    fc.assert(
      fc.property(someProvince, fc.array(cluster(), { maxLength: 8 }), (reportingProvince, clusters) => {
        const before = structuredClone({ reportingProvince, clusters });
        const rows = reconcileProvince(reportingProvince, clusters);
        expect({ reportingProvince, clusters }).toEqual(before);
        for (const row of rows) {
          // What the API sends must be what its schema admits (no Infinity, which JSON turns to null).
          expect(ReconciliationRow.parse(row)).toEqual(row);
          const unknown = row.reported === null || row.computed === null;
          expect(row.status === 'unknown').toBe(unknown);
          expect(row.difference === null).toBe(unknown);
          if (row.difference !== null) expect(Number.isFinite(row.difference)).toBe(true);
          if (row.computed !== null) expect(Number.isFinite(row.computed)).toBe(true);
          expect(row.explanation.vi.length).toBeGreaterThan(0);
        }
        const inPlan = rows.find((row) => row.key === 'clustersInPlan');
        expect(inPlan?.computed).toBe(clusters.filter((item) => item.stage !== 'removed').length);
      }),
    );
  });

  const establishedCluster = (area: fc.Arbitrary<number>) =>
    cluster({
      figures: fc.record({ establishedAreaHa: reportedFigure(area) }, { requiredKeys: [] }) as ReturnType<
        typeof clusterFigures
      >,
    }).map((properties) => ({ ...properties, stage: 'operating' as const }));

  test('the per-cluster established area is unknown, never 0 or a partial sum, when any cluster lacks it', () => {
    fc.assert(
      fc.property(
        fc.array(establishedCluster(reportedValue), { minLength: 1, maxLength: 8 }),
        provinceFigure(reportedValue),
        (clusters, figure) => {
          fc.pre(clusters.some((item) => item.figures.establishedAreaHa === undefined));
          const reporting = Province.parse({
            id: 'p',
            name: { vi: 'P', en: 'P' },
            plan: null,
            view: { center: [0, 0], zoom: 1 },
            figures: [{ ...figure, key: 'establishedAreaHa' }],
          });
          const row = reconcileProvince(reporting, clusters).find(
            (item) => item.key === 'establishedAreaFromClusters',
          );
          expect(row?.computed).toBeNull();
          expect(row?.status).toBe('unknown');
        },
      ),
    );
  });

  test('per-cluster areas that add up to the reported total agree with it', () => {
    fc.assert(
      fc.property(
        fc.array(reportedValue, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        (areas, approximate) => {
          const clusters = areas.map((value, index) =>
            ClusterProperties.parse({
              id: `c-${index}`,
              provinceId: 'p',
              name: { vi: `C${index}`, en: `C${index}` },
              stage: 'operating',
              stageSourceId: 's',
              locality: null,
              infrastructureInvestor: null,
              wastewaterPlant: null,
              geometrySource: 'illustrative',
              sourceIds: ['s'],
              figures: { establishedAreaHa: { value, unit: 'ha', sourceId: 's', asOf: null } },
            }),
          );
          const total = Math.round(areas.reduce((sum, value) => sum + value, 0) * 100) / 100;
          const reporting = Province.parse({
            id: 'p',
            name: { vi: 'P', en: 'P' },
            plan: null,
            view: { center: [0, 0], zoom: 1 },
            figures: [
              { key: 'establishedAreaHa', value: total, unit: 'ha', approximate, sourceId: 's', asOf: null },
            ],
          });
          const row = reconcileProvince(reporting, clusters).find(
            (item) => item.key === 'establishedAreaFromClusters',
          );
          expect(row?.computed).toBeCloseTo(total, 6);
          expect(row?.status).toBe('agrees');
          // One hectare more in the report is a discrepancy of one hectare.
          const off = reconcileProvince(
            { ...reporting, figures: reporting.figures.map((item) => ({ ...item, value: total + 1 })) },
            clusters,
          ).find((item) => item.key === 'establishedAreaFromClusters');
          expect(off?.status).toBe('differs');
          expect(off?.difference).toBeCloseTo(-1, 6);
        },
      ),
    );
  });

  test('a reported total is checked against its reported parts: unknown while a part is missing, agrees when they add up', () => {
    fc.assert(
      fc.property(
        fc.option(reportedValue, { nil: undefined }),
        fc.option(reportedValue, { nil: undefined }),
        (established, notEstablished) => {
          fc.pre(established !== undefined || notEstablished !== undefined);
          const parts = [
            ['establishedAreaHa', established],
            ['notEstablishedAreaHa', notEstablished],
          ] as const;
          const total = Math.round(((established ?? 0) + (notEstablished ?? 0)) * 100) / 100;
          const figures = [
            { key: 'plannedAreaHa' as const, value: total },
            ...parts.flatMap(([key, value]) => (value === undefined ? [] : [{ key, value }])),
          ].map((item) => ({ ...item, unit: 'ha' as const, sourceId: 's', asOf: null }));
          const reporting = Province.parse({
            id: 'p',
            name: { vi: 'P', en: 'P' },
            plan: null,
            view: { center: [0, 0], zoom: 1 },
            figures,
          });
          const row = reconcileProvince(reporting, []).find(
            (item) => item.key === 'plannedAreaHaFromReportedParts',
          );
          if (established === undefined || notEstablished === undefined) {
            expect(row?.computed).toBeNull();
            expect(row?.status).toBe('unknown');
          } else {
            expect(row?.status).toBe('agrees');
          }
        },
      ),
    );
  });

  test('occupancy from the clusters is unknown while any operating cluster lacks an area, else within [0, 100] when leased ≤ leasable', () => {
    const operating = fc
      .tuple(
        fc.option(reportedValue, { nil: undefined }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
      )
      .map(([leasable, share, leasedKnown]) => ({
        leasable,
        leased: leasedKnown && leasable !== undefined ? Math.round(leasable * share * 100) / 100 : undefined,
      }));
    fc.assert(
      fc.property(fc.array(operating, { minLength: 1, maxLength: 8 }), (areas) => {
        const figure = (value: number | undefined) =>
          value === undefined ? undefined : { value, unit: 'ha' as const, sourceId: 's', asOf: null };
        const clusters = areas.map(({ leasable, leased }, index) =>
          ClusterProperties.parse({
            id: `c-${index}`,
            provinceId: 'p',
            name: { vi: `C${index}`, en: `C${index}` },
            stage: 'operating',
            stageSourceId: 's',
            locality: null,
            infrastructureInvestor: null,
            wastewaterPlant: null,
            geometrySource: 'illustrative',
            sourceIds: ['s'],
            figures: { leasableIndustrialLandHa: figure(leasable), leasedIndustrialLandHa: figure(leased) },
          }),
        );
        const reporting = Province.parse({
          id: 'p',
          name: { vi: 'P', en: 'P' },
          plan: null,
          view: { center: [0, 0], zoom: 1 },
          figures: [{ key: 'occupancyPercent', value: 50, unit: 'percent', sourceId: 's', asOf: null }],
        });
        const row = reconcileProvince(reporting, clusters).find(
          (item) => item.key === 'occupancyFromClusters',
        );
        const anyMissing = areas.some((item) => item.leasable === undefined || item.leased === undefined);
        const leasableTotal = areas.reduce((sum, item) => sum + (item.leasable ?? 0), 0);
        if (anyMissing || leasableTotal === 0) return void expect(row?.computed).toBeNull();
        expect(row?.computed).toBeGreaterThanOrEqual(0);
        expect(row?.computed).toBeLessThanOrEqual(100 + 1e-9);
      }),
    );
  });
});

describe('nationalReport', () => {
  const period = fc
    .tuple(fc.integer({ min: 1000, max: 9999 }), fc.constantFrom('h1', 'year' as const))
    .map(([year, kind]) => reportingPeriod(year, kind));
  const names = fc.array(source, { maxLength: 3 });
  const figureKeys = [
    'plannedAreaHa',
    'establishedAreaHa',
    'leasableIndustrialLandHa',
    'leasedIndustrialLandHa',
    'clearedSharePercent',
    'productionFacilityCount',
    'workerCount',
  ] as const;

  test('one row per cluster, every column filled; unknown or later-than-period figures are empty, never 0', () => {
    fc.assert(
      fc.property(fc.array(cluster(), { maxLength: 5 }), names, period, (clusters, sources, reportPeriod) => {
        expect(ReportingPeriod.parse(reportPeriod)).toEqual(reportPeriod);
        const report = NationalReport.parse(nationalReport('p', clusters, sources, reportPeriod));
        expect(report.rows).toHaveLength(clusters.length);
        const columnKeys = nationalReportColumns.map((column) => column.key).sort();
        for (const row of report.rows) {
          expect(Object.keys(row).sort()).toEqual(columnKeys);
          const properties = clusters.find((item) => item.id === row.clusterId && item.name.vi === row.name);
          expect(properties).toBeDefined();
          if (!properties) continue;
          for (const key of figureKeys) {
            const figure = properties.figures[key];
            const cell = row[key];
            if (!figure) {
              expect([cell, row[`${key}Source`], row[`${key}AsOf`]]).toEqual([null, unknownFigureText, null]);
            } else if (figure.asOf !== null && figure.asOf > reportPeriod.endDate) {
              expect(cell).toBeNull();
              expect(row[`${key}AsOf`]).toBe(figure.asOf);
            } else {
              expect(cell).toBe(figure.value);
            }
          }
          const occupancy = row.occupancyPercent;
          const { leasedIndustrialLandHa: leased, leasableIndustrialLandHa: leasable } = properties.figures;
          if (!leased || !leasable) expect(occupancy).toBeNull();
          if (occupancy !== null) {
            expect(typeof occupancy).toBe('number');
            expect(Number.isFinite(occupancy)).toBe(true);
            expect(occupancy).toBeGreaterThanOrEqual(0);
          }
          const reported = infrastructureComponents.codes.filter(
            (code) => properties.infrastructure[code],
          ).length;
          const completeness = row.infrastructureCompletenessPercent;
          if (reported === 0) expect(completeness).toBeNull();
          else if (reported === 10) expect(typeof completeness).toBe('number');
          else expect(completeness).toMatch(/^\d+(\.\d+)?–\d+(\.\d+)?$/);
        }
        // JSON round trip of the export, as the route sends it.
        expect(NationalReport.parse(JSON.parse(JSON.stringify(report)))).toEqual(withoutNegativeZero(report));
      }),
      { numRuns: 60 },
    );
  });

  test('an occupancy cell lies in [0, 100] when leased ≤ leasable', () => {
    const figures = fc
      .tuple(reportedValue, fc.double({ min: 0, max: 1, noNaN: true }))
      .filter(([leasable]) => leasable > 0)
      .map(([leasable, share]) => ({
        leasableIndustrialLandHa: { value: leasable, unit: 'ha' as const, sourceId: 's', asOf: null },
        leasedIndustrialLandHa: { value: leasable * share, unit: 'ha' as const, sourceId: 's', asOf: null },
      }));
    fc.assert(
      fc.property(cluster({ figures }), period, (properties, reportPeriod) => {
        const [row] = nationalReport('p', [properties], [], reportPeriod).rows;
        expect(row?.occupancyPercent).toBeGreaterThanOrEqual(0);
        expect(row?.occupancyPercent).toBeLessThanOrEqual(100);
      }),
    );
  });
});
