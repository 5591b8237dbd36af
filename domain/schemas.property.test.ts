import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { BoundaryChange } from './boundary-change.ts';
import { ClusterFeature, ClusterGeometry, ClusterProperties } from './cluster.ts';
import { ClusterChange } from './cluster-change.ts';
import { ReportedFigure } from './figure.ts';
import { ClusterHistoryEntry, ClusterRecord } from './history.ts';
import { PlotFeature, PlotLayoutParameters, PlotProperties } from './plot.ts';
import { PlotLayoutRequest } from './plot-layout-api.ts';
import {
  anyText,
  clusterProperties,
  finiteNumber,
  isoDate,
  localizedText,
  province,
  reportedFigure,
  slug,
  source,
  target,
  withoutNegativeZero,
} from './property-arbitraries.ts';
import { Province } from './province.ts';
import { ReportingPeriod, reportingPeriod } from './reporting-period.ts';
import { Source } from './source.ts';
import { Target } from './target.ts';
import { infrastructureComponents, infrastructureStates, obstacleKinds, stages } from './vocabulary.ts';

/**
 * The wire round trip: a record as the server holds it (the schema's output for a valid input),
 * sent as JSON and parsed again by the client, is the same record. The one normal form is JSON's:
 * it has no negative zero, so -0 arrives as 0.
 */
function roundTrips<S extends z.ZodType>(schema: S, input: fc.Arbitrary<z.input<S>>, numRuns = 100) {
  fc.assert(
    fc.property(input, (raw) => {
      // The generators only make valid input: a failure here is the generator's, or the schema's.
      const value = schema.parse(raw);
      const again = schema.parse(JSON.parse(JSON.stringify(value)));
      expect(again).toEqual(withoutNegativeZero(value));
      // Parsing is idempotent: what the server stores, parsed again, is unchanged.
      expect(schema.parse(value)).toEqual(value);
    }),
    { numRuns },
  );
}

const position = fc.tuple(finiteNumber, finiteNumber);
const ring = fc
  .array(position, { minLength: 3, maxLength: 6 })
  .map((points) => [...points, points[0] ?? [0, 0]]);
const polygonRings = fc.array(ring, { minLength: 1, maxLength: 2 });
const geometry = fc.oneof(
  polygonRings.map((coordinates) => ({ type: 'Polygon' as const, coordinates })),
  fc
    .array(polygonRings, { minLength: 1, maxLength: 2 })
    .map((coordinates) => ({ type: 'MultiPolygon' as const, coordinates })),
);
const polygon = polygonRings.map((coordinates) => ({ type: 'Polygon' as const, coordinates }));

/** Free text a schema trims: may carry spaces around it, never blank. */
const trimmed = (maxLength: number) =>
  fc.string({ unit: 'binary', minLength: 1, maxLength }).filter((text) => text.trim().length > 0);

const layout = fc.record(
  {
    plotWidthM: fc.double({ min: 10, max: 500, noNaN: true }),
    plotDepthM: fc.double({ min: 10, max: 500, noNaN: true }),
    roadWidthM: fc.double({ min: 4, max: 60, noNaN: true }),
    minPlotShare: fc.double({ min: 0, max: 1, noNaN: true }),
  },
  { requiredKeys: ['plotWidthM', 'plotDepthM', 'roadWidthM'] },
);

// Built once: making an arbitrary (a regular expression's above all) costs far more than drawing from it.
const plotId = fc.stringMatching(/^[a-z0-9-]{1,80}$/);
const label = trimmed(40);
const industries = fc.array(trimmed(160), { maxLength: 3 });
const tenant = fc.option(trimmed(200), { nil: null });
const contact = fc.option(
  fc.record(
    {
      name: trimmed(200),
      phone: fc.string({ maxLength: 40 }),
      email: fc.stringMatching(/^[a-z0-9]{1,12}@[a-z]{1,12}\.[a-z]{2,6}$/),
      address: fc.string({ unit: 'binary', maxLength: 300 }),
    },
    { requiredKeys: ['name'] },
  ),
  { nil: null },
);
const plotProperties = fc
  .record(
    {
      id: plotId,
      clusterId: slug,
      provinceId: slug,
      label,
      status: fc.constantFrom('available', 'reserved', 'leased' as const),
      permittedIndustries: industries,
      tenant,
      contact,
      origin: fc.constantFrom('import', 'generated' as const),
      layout,
      sourceId: fc.option(anyText, { nil: null }),
      asOf: fc.option(isoDate, { nil: null }),
      geometrySourceId: anyText,
      geometryAsOf: isoDate,
    },
    { requiredKeys: ['id', 'clusterId', 'provinceId', 'label', 'status', 'origin', 'layout', 'tenant'] },
  )
  // The schema's two rules: a tenant only on a leased plot, layout parameters exactly on a generated one.
  .map(({ layout: parameters, tenant: leasedBy, ...plot }) => ({
    ...plot,
    ...(plot.status === 'leased' ? { tenant: leasedBy } : {}),
    ...(plot.origin === 'generated' ? { layout: parameters } : {}),
  })) as fc.Arbitrary<z.input<typeof PlotProperties>>;

const clusterChange = fc
  .record(
    {
      stage: fc.constantFrom(...stages.codes),
      figures: fc.record(
        Object.fromEntries(
          ['plannedAreaHa', 'leasedIndustrialLandHa', 'workerCount'].map((key) => [
            key,
            fc.option(
              fc.record(
                {
                  value: fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
                  approximate: fc.boolean(),
                },
                { requiredKeys: ['value'] },
              ),
              { nil: null },
            ),
          ]),
        ),
        { requiredKeys: [] },
      ),
      infrastructure: fc.record(
        Object.fromEntries(
          infrastructureComponents.codes.map((code) => [
            code,
            fc.option(fc.constantFrom(...infrastructureStates.codes), { nil: null }),
          ]),
        ),
        { requiredKeys: [] },
      ),
      wastewaterPlant: fc.option(
        fc.record(
          {
            state: fc.constantFrom('none', 'planned', 'building', 'operating', 'compliant' as const),
            capacityM3PerDay: fc.double({ min: Number.MIN_VALUE, noNaN: true, noDefaultInfinity: true }),
          },
          { requiredKeys: ['state'] },
        ),
        { nil: null },
      ),
      obstacles: fc.array(fc.constantFrom(...obstacleKinds.codes), { maxLength: 3 }),
      targets: fc.array(
        target.map(({ sourceId: _, ...rest }) => rest),
        { maxLength: 2 },
      ),
    },
    { requiredKeys: [] },
  )
  .filter((change) => Object.keys(change).length > 0);
const citedSource = fc.record({ sourceId: fc.stringMatching(/^[a-z0-9-]{1,64}$/), asOf: isoDate });
const clusterChangeRequest = fc
  .tuple(clusterChange, citedSource)
  .map(([change, cited]) => ({ ...change, source: cited })) as fc.Arbitrary<z.input<typeof ClusterChange>>;

describe('wire round trip: Schema.parse(JSON.parse(JSON.stringify(v))) equals v', () => {
  test('ReportedFigure', () => roundTrips(ReportedFigure, reportedFigure()));
  test('Target', () => roundTrips(Target, target));
  test('Source', () => roundTrips(Source, source));
  test('ClusterProperties, unknown facts and defaults included', () =>
    roundTrips(ClusterProperties, clusterProperties()));
  test('ClusterGeometry', () => roundTrips(ClusterGeometry, geometry));
  test('ClusterFeature and ClusterRecord', () => {
    const feature = fc.record(
      { type: fc.constant('Feature' as const), id: anyText, geometry, properties: clusterProperties() },
      { requiredKeys: ['type', 'geometry', 'properties'] },
    );
    roundTrips(ClusterFeature, feature, 50);
    roundTrips(ClusterRecord, fc.record({ feature, version: fc.integer({ min: 1 }) }), 50);
  });
  test('ClusterHistoryEntry', () =>
    roundTrips(
      ClusterHistoryEntry,
      fc.record({
        at: anyText,
        accountName: fc.option(anyText, { nil: null }),
        action: fc.constantFrom('load', 'update', 'import', 'layout', 'delete' as const),
        sourceId: fc.option(anyText, { nil: null }),
        version: fc.integer({ min: 1 }),
        differences: fc.array(fc.record({ path: anyText, before: fc.jsonValue(), after: fc.jsonValue() }), {
          maxLength: 3,
        }),
      }),
    ));
  test('PlotProperties (trimmed text, defaults, a tenant only when leased, layout only when generated)', () =>
    roundTrips(PlotProperties, plotProperties));
  test('PlotFeature', () =>
    roundTrips(
      PlotFeature,
      fc.record({ type: fc.constant('Feature' as const), geometry: polygon, properties: plotProperties }),
      50,
    ));
  test('PlotLayoutParameters and PlotLayoutRequest', () => {
    roundTrips(PlotLayoutParameters, layout);
    roundTrips(
      PlotLayoutRequest,
      fc.tuple(layout, fc.boolean()).map(([{ minPlotShare, ...sizes }, dryRun]) => ({
        ...sizes,
        ...(minPlotShare === undefined ? {} : { minShare: minPlotShare }),
        dryRun,
      })),
    );
  });
  test('ClusterChange (a change request)', () => roundTrips(ClusterChange, clusterChangeRequest));
  test('BoundaryChange', () => roundTrips(BoundaryChange, fc.record({ geometry, source: citedSource })));
  test('Province', () => roundTrips(Province, province(), 50));
  test('ReportingPeriod', () =>
    roundTrips(
      ReportingPeriod,
      fc
        .tuple(fc.integer({ min: 1000, max: 9999 }), fc.constantFrom('h1', 'year' as const))
        .map(([year, kind]) => reportingPeriod(year, kind)),
    ));
});

describe('schemas refuse what the wire must not carry', () => {
  test('a figure value that is not a finite number is refused, never read as 0', () => {
    fc.assert(
      fc.property(
        reportedFigure(),
        fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
        (figure, value) => {
          expect(ReportedFigure.safeParse({ ...figure, value }).success).toBe(false);
        },
      ),
    );
  });

  test('an unclosed ring is refused', () => {
    fc.assert(
      fc.property(fc.array(position, { minLength: 4, maxLength: 6 }), (points) => {
        const [first, last] = [points[0], points.at(-1)];
        fc.pre(first?.[0] !== last?.[0] || first?.[1] !== last?.[1]);
        expect(ClusterGeometry.safeParse({ type: 'Polygon', coordinates: [points] }).success).toBe(false);
      }),
    );
  });

  test('a tenant on a plot that is not leased is refused', () => {
    fc.assert(
      fc.property(plotProperties, trimmed(200), (plot, tenant) => {
        fc.pre(plot.status !== 'leased');
        expect(PlotProperties.safeParse({ ...plot, tenant }).success).toBe(false);
      }),
    );
  });

  test('the localized text of a record needs both languages', () => {
    fc.assert(
      fc.property(localizedText, fc.constantFrom('vi', 'en' as const), (text, language) => {
        expect(Source.shape.title.safeParse({ ...text, [language]: '' }).success).toBe(false);
      }),
    );
  });
});
