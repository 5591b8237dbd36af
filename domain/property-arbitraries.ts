/**
 * fast-check arbitraries for the domain's records, shared by the property tests
 * (`*.property.test.ts`). Every arbitrary here yields a value its zod schema admits, in the schema's
 * input form; the tests parse it to get the record as the store and the API hold it. Test code
 * only: nothing in the app imports this module.
 */
import fc from 'fast-check';
import type { ClusterPropertiesInput } from './cluster.ts';
import type { ReportedFigureInput } from './figure.ts';
import type { ProvinceFigureKey, ProvinceInput } from './province.ts';
import type { Source } from './source.ts';
import type { Target } from './target.ts';
import {
  geometrySources,
  infrastructureComponents,
  infrastructureInvestorKinds,
  infrastructureStates,
  obstacleKinds,
  stages,
  wastewaterPlantStates,
} from './vocabulary.ts';

/** Any string, lone surrogates included: JSON carries them as escapes. */
export const anyText = fc.string({ unit: 'binary', maxLength: 12 });
export const localizedText = fc.record({
  vi: fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
  en: fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
});
/** An id as the schemas' `/^[a-z0-9-]+$/` allows. */
export const slug = fc.stringMatching(/^[a-z0-9-]{1,16}$/);

/** Any ISO calendar date `z.iso.date()` admits: years 0000–9999, 29 February in leap years only. */
export const isoDate = fc
  .date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
/** A date a source or a plan could give: 1990–2100. */
export const plausibleDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

/** Any finite number, -0, the extremes and subnormals included. */
export const finiteNumber = fc.double({ noNaN: true, noDefaultInfinity: true });
/** A non-negative area or count as a source gives it, with up to two decimals. */
export const reportedValue = fc.integer({ min: 0, max: 10_000_000 }).map((hundredths) => hundredths / 100);

export const unit = fc.constantFrom('ha', 'percent', 'count', 'people', 'm3/day' as const);

/** A reported figure as the schema admits it: any finite value, dated or not, optional fields absent or set. */
export const reportedFigure = (
  value: fc.Arbitrary<number> = finiteNumber,
  asOf: fc.Arbitrary<string | null> = fc.option(isoDate, { nil: null }),
): fc.Arbitrary<ReportedFigureInput> =>
  fc.record(
    {
      value,
      unit,
      approximate: fc.boolean(),
      sourceId: anyText,
      asOf,
      asOfNote: localizedText,
      note: localizedText,
    },
    { requiredKeys: ['value', 'unit', 'sourceId', 'asOf'] },
  );

const sourced = <T>(value: fc.Arbitrary<T>) => fc.record({ value, sourceId: anyText });

export const target: fc.Arbitrary<Target> = fc.record(
  {
    kind: fc.constantFrom('occupancy', 'clearance-and-construction', 'wastewater-plant-compliance' as const),
    description: localizedText,
    value: finiteNumber,
    unit,
    deadline: fc.option(isoDate, { nil: null }),
    sourceId: anyText,
  },
  { requiredKeys: ['kind', 'description', 'deadline', 'sourceId'] },
);

const figureKeys = [
  'plannedAreaHa',
  'establishedAreaHa',
  'leasableIndustrialLandHa',
  'leasedIndustrialLandHa',
  'clearedSharePercent',
  'productionFacilityCount',
  'workerCount',
] as const;

/** Each figure absent (unknown) or present. */
export const clusterFigures = (figure: fc.Arbitrary<ReportedFigureInput> = reportedFigure()) =>
  fc.record(
    Object.fromEntries(figureKeys.map((key) => [key, figure])) as Record<
      (typeof figureKeys)[number],
      typeof figure
    >,
    {
      requiredKeys: [],
    },
  );

/** Each of the ten components absent (unknown) or in one of its states. */
export const infrastructure = fc.record(
  Object.fromEntries(
    infrastructureComponents.codes.map((code) => [
      code,
      sourced(fc.constantFrom(...infrastructureStates.codes)),
    ]),
  ) as Record<
    (typeof infrastructureComponents.codes)[number],
    fc.Arbitrary<{ value: (typeof infrastructureStates.codes)[number]; sourceId: string }>
  >,
  { requiredKeys: [] },
);

export const wastewaterPlant = sourced(
  fc.record(
    {
      state: fc.constantFrom(...wastewaterPlantStates.codes),
      capacityM3PerDay: fc.double({ min: Number.MIN_VALUE, noNaN: true, noDefaultInfinity: true }),
    },
    { requiredKeys: ['state'] },
  ),
);

/** A cluster's properties in the schema's input form: defaults may be left out, every fact may be unknown. */
export const clusterProperties = (
  options: {
    figures?: fc.Arbitrary<ClusterPropertiesInput['figures']>;
    provinceId?: fc.Arbitrary<string>;
  } = {},
): fc.Arbitrary<ClusterPropertiesInput> =>
  fc.record(
    {
      id: slug,
      provinceId: options.provinceId ?? anyText,
      name: localizedText,
      aliases: fc.array(anyText, { maxLength: 3 }),
      stage: fc.constantFrom(...stages.codes),
      stageSourceId: anyText,
      stageNote: localizedText,
      locality: fc.option(sourced(localizedText), { nil: null }),
      infrastructureInvestor: fc.option(
        sourced(fc.record({ kind: fc.constantFrom(...infrastructureInvestorKinds.codes) })),
        { nil: null },
      ),
      wastewaterPlant: fc.option(wastewaterPlant, { nil: null }),
      infrastructure,
      clearance: fc.option(
        sourced(
          fc.record({
            compensationNeeded: fc.option(fc.boolean(), { nil: null }),
            resettlementNeeded: fc.option(fc.boolean(), { nil: null }),
          }),
        ),
        { nil: null },
      ),
      obstacles: fc.array(fc.record({ kind: fc.constantFrom(...obstacleKinds.codes), sourceId: anyText }), {
        maxLength: 3,
      }),
      targets: fc.array(target, { maxLength: 3 }),
      figures: options.figures ?? clusterFigures(),
      geometrySource: fc.constantFrom(...geometrySources.codes),
      geometryNote: localizedText,
      geometrySourceId: anyText,
      geometryAsOf: fc.option(isoDate, { nil: null }),
      sourceIds: fc.array(anyText, { minLength: 1, maxLength: 3 }),
    },
    {
      requiredKeys: [
        'id',
        'provinceId',
        'name',
        'stage',
        'stageSourceId',
        'locality',
        'infrastructureInvestor',
        'wastewaterPlant',
        'geometrySource',
        'sourceIds',
        // A figures arbitrary given is always used; the default one may be left out (every figure unknown).
        ...(options.figures ? (['figures'] as const) : []),
      ],
    },
  );

const provinceFigureKey = fc.constantFrom(
  'plannedClusterCount',
  'plannedAreaHa',
  'establishedClusterCount',
  'establishedAreaHa',
  'enterpriseInvestorClusterCount',
  'enterpriseInvestorAreaHa',
  'stateBudgetClusterCount',
  'stateBudgetAreaHa',
  'operatingClusterCount',
  'leasableIndustrialLandHa',
  'leasedIndustrialLandHa',
  'occupancyPercent',
  'productionFacilityCount',
  'workerCount',
  'establishedWithoutInfrastructureCount',
  'notEstablishedClusterCount',
  'notEstablishedAreaHa',
  'previousPlanClusterCount',
  'previousPlanAreaHa',
  'expandedClusterCount',
  'removedClusterCount',
  'addedClusterCount',
  'clearedSharePercent',
) satisfies fc.Arbitrary<ProvinceFigureKey>;

export const provinceFigure = (value: fc.Arbitrary<number> = finiteNumber) =>
  fc.tuple(provinceFigureKey, reportedFigure(value)).map(([key, figure]) => ({ ...figure, key }));

export const province = (
  figures = fc.array(provinceFigure(), { maxLength: 8 }),
): fc.Arbitrary<ProvinceInput> =>
  fc.record(
    {
      id: slug,
      name: localizedText,
      plan: fc.option(localizedText, { nil: null }),
      view: fc.record({ center: fc.tuple(finiteNumber, finiteNumber), zoom: finiteNumber }),
      figures,
      targets: fc.array(target, { maxLength: 2 }),
      obstacles: fc.array(fc.record({ description: localizedText, sourceId: anyText }), { maxLength: 2 }),
      documents: fc.array(
        fc.record({ title: localizedText, issuedOn: fc.option(isoDate, { nil: null }), sourceId: anyText }),
        { maxLength: 2 },
      ),
      leadAgency: fc.option(fc.record({ description: localizedText, sourceId: anyText }), { nil: null }),
      notes: fc.array(localizedText, { maxLength: 2 }),
    },
    { requiredKeys: ['id', 'name', 'plan', 'view', 'figures'] },
  );

export const source: fc.Arbitrary<Source> = fc.record(
  {
    id: slug,
    title: localizedText,
    number: fc.option(anyText, { nil: null }),
    issuer: localizedText,
    issuedOn: fc.option(isoDate, { nil: null }),
    file: anyText,
    note: localizedText,
  },
  { requiredKeys: ['id', 'title', 'number', 'issuer', 'issuedOn', 'file'] },
);

/** A copy with every -0 made 0: JSON has no negative zero, so that is the round trip's normal form. */
export function withoutNegativeZero<T>(value: T): T {
  if (Object.is(value, -0)) return 0 as T;
  if (Array.isArray(value)) return value.map(withoutNegativeZero) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, withoutNegativeZero(item)]),
    ) as T;
  }
  return value;
}
