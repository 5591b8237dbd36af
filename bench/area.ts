/**
 * `npx tsx bench/area.ts`: area accuracy over the whole synthetic national set. For every synthetic
 * cluster and plot, the product's ellipsoidal area (domain/area.ts `measureArea(…).geodesicHectares`,
 * GeographicLib on WGS84) against PostGIS `ST_Area(geom::geography)` (spheroid) on the same
 * coordinates, computed by the PostGIS the store runs on: PGlite's (a scratch in-memory instance,
 * the same build) and, when DATABASE_URL is set, that PostgreSQL server's. For information, also
 * the VN-2000 TM-3 plane area and Turf's sphere against the ellipsoid.
 * Writes bench/results/area-latest.json.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { measureArea } from '../domain/area.ts';
import { loadNote } from './lib/load-note.ts';
import { openScratchPostgis, type PostgisQuery } from './lib/scratch-postgis.ts';
import { ISSUE_SET, type NationalOptions, nationalClusters, nationalPlots } from './national/dataset.ts';
import { isSmoke, machine, median, quantile, writeResult } from './result.ts';

const smoke = isSmoke();
const options: NationalOptions = smoke ? { seed: 1, clusters: 20, plots: 500, provinces: 2 } : ISSUE_SET;
/** The goal: the ellipsoidal area within 0.01% of PostGIS's geography area, for every feature. */
const GOAL_RELATIVE = 1e-4;

const where = machine();
console.log(
  `Machine: ${where.cores} × ${where.cpu}, ${where.memoryGiB} GiB, Node ${where.node}. ${loadNote()}`,
);

type Stats = { count: number; min: number; max: number; median: number; p99: number; maxId: string };

/** Relative differences (measured − reference) ÷ reference, or their absolute values: spread, and the worst feature. */
function relative(pairs: { id: string; measured: number; reference: number }[], absolute: boolean): Stats {
  const values = pairs.map(({ measured, reference }) => {
    const difference = (measured - reference) / reference;
    return absolute ? Math.abs(difference) : difference;
  });
  let maxIndex = 0;
  for (const [index, value] of values.entries()) if (value > (values[maxIndex] ?? 0)) maxIndex = index;
  return {
    count: values.length,
    min: values.reduce((low, value) => Math.min(low, value), Number.POSITIVE_INFINITY),
    max: values[maxIndex] ?? Number.NaN,
    median: median(values),
    p99: quantile(values, 0.99),
    maxId: pairs[maxIndex]?.id ?? '',
  };
}

/**
 * The synthetic provinces have no official VN-2000 zone: each feature is measured in the TM-3 plane
 * of the quarter degree nearest to it (≤ 0.125°, ~14 km, from the central meridian), as a
 * province's zone meridian runs through or near it. Off the meridian the plane's scale grows
 * (k ≈ 0.9999 · (1 + x²/2R²)): 0.0004% in area at 14 km, 0.02% at 90 km, where k reaches 1.
 */
const nearbyMeridian = (geometry: Polygon | MultiPolygon) => {
  const [lon = 0] = geometry.type === 'Polygon' ? (geometry.coordinates[0]?.[0] ?? []) : [];
  return Math.round(lon * 4) / 4;
};

/** The set's features as the store is given them (GeoJSON, WGS84), generated once for both databases. */
function nationalFeatures() {
  const started = performance.now();
  const clusters = nationalClusters(options);
  const plots = [...nationalPlots(clusters, options)].flat();
  console.log(
    `Generated ${clusters.length} clusters and ${plots.length} plots in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return {
    clusters: clusters.map((feature) => ({ id: feature.properties.id, geometry: feature.geometry })),
    plots: plots.map((feature) => ({ id: feature.properties.id, geometry: feature.geometry })),
  };
}

type Feature = { id: string; geometry: Polygon | MultiPolygon };
const BATCH = 5_000;

/** ST_Area(geography, spheroid) of each geometry, parsed by PostGIS as the store parses it. */
async function postgisAreas(db: PostgisQuery, features: readonly Feature[]): Promise<number[]> {
  const areas: number[] = [];
  for (let start = 0; start < features.length; start += BATCH) {
    const texts = features.slice(start, start + BATCH).map((feature) => JSON.stringify(feature.geometry));
    const rows = await db.query<{ m2: number }>(
      `select ST_Area(ST_SetSRID(ST_GeomFromGeoJSON(g), 4326)::geography, true) as m2
       from unnest($1::text[]) with ordinality as input(g, n) order by n`,
      [texts],
    );
    areas.push(...rows.map((row) => row.m2));
  }
  return areas;
}

async function measureOn(
  database: 'PGlite' | 'PostgreSQL',
  databaseUrl: string | null,
  layers: Record<string, Feature[]>,
) {
  const db = await openScratchPostgis(databaseUrl);
  try {
    const [postgis] = await db.query<{ version: string }>('select postgis_full_version() as version');
    const started = performance.now();
    const result = [];
    for (const [layer, features] of Object.entries(layers)) {
      const reference = await postgisAreas(db, features);
      const ellipsoid: { id: string; measured: number; reference: number }[] = [];
      const plane: typeof ellipsoid = [];
      const sphere: typeof ellipsoid = [];
      for (const [index, { id, geometry }] of features.entries()) {
        const areas = measureArea(geometry, { centralMeridianDegrees: nearbyMeridian(geometry) });
        const geodesicM2 = areas.geodesicHectares * 10_000;
        ellipsoid.push({ id, measured: geodesicM2, reference: reference[index] ?? Number.NaN });
        plane.push({ id, measured: (areas.vn2000PlaneHectares ?? 0) * 10_000, reference: geodesicM2 });
        sphere.push({ id, measured: areas.sphericalHectares * 10_000, reference: geodesicM2 });
      }
      result.push({
        layer,
        ellipsoidVsPostgis: relative(ellipsoid, true),
        planeVsEllipsoid: relative(plane, false),
        sphereVsEllipsoid: relative(sphere, false),
        totalHa: ellipsoid.reduce((sum, pair) => sum + pair.measured, 0) / 10_000,
      });
    }
    console.log(
      `${database}: ${postgis?.version.split(' ').slice(0, 2).join(' ')}; measured in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return { database, postgis: postgis?.version ?? '', layers: result };
  } finally {
    await db.close();
  }
}

const databaseUrl = process.env.DATABASE_URL || null;
const features = nationalFeatures();
const runs = [await measureOn('PGlite', null, features)];
if (databaseUrl) runs.push(await measureOn('PostgreSQL', databaseUrl, features));
else console.log('\nNo DATABASE_URL: measured against PGlite’s PostGIS only.');

const percent = (value: number, digits = 2) => `${(value * 100).toFixed(digits)}%`;
/** A tiny relative error, readably: 3.2e-9 rather than 0.00000032%. */
const tiny = (value: number) => (value === 0 ? '0' : value.toExponential(1));
const signedPercent = (value: number, digits = 4) =>
  `${value >= 0 ? '+' : '−'}${Math.abs(value * 100).toFixed(digits)}%`;
const table = [
  '| PostGIS of | layer | features | ellipsoid vs ST_Area(geography), relative error: max / median / p99 | VN-2000 plane − ellipsoid: median (min…max) | Turf sphere − ellipsoid: median |',
  '|---|---|---|---|---|---|',
  ...runs.flatMap((run) =>
    run.layers.map((row) => {
      const e = row.ellipsoidVsPostgis;
      const p = row.planeVsEllipsoid;
      return `| ${run.database} | ${row.layer} | ${e.count.toLocaleString('en')} | ${tiny(e.max)} / ${tiny(e.median)} / ${tiny(e.p99)} | ${signedPercent(p.median)} (${signedPercent(p.min)}…${signedPercent(p.max)}) | ${signedPercent(row.sphereVsEllipsoid.median, 3)} |`;
    }),
  ),
].join('\n');
console.log(`\n${table}`);

const goals = runs.map((run) => {
  const worst = Math.max(...run.layers.map((row) => row.ellipsoidVsPostgis.max));
  const count = run.layers.reduce((sum, row) => sum + row.ellipsoidVsPostgis.count, 0);
  return {
    goal: `ellipsoidal area within ${percent(GOAL_RELATIVE)} of PostGIS ST_Area(geography) on ${run.database}, every feature`,
    measured: `max relative error ${tiny(worst)} (${percent(worst, 7)}) over ${count.toLocaleString('en')} features`,
    met: worst <= GOAL_RELATIVE,
  };
});
for (const goal of goals) console.log(`${goal.met ? 'met   ' : 'MISSED'} ${goal.goal}: ${goal.measured}`);

writeResult({
  bench: 'area',
  title: 'Area accuracy over the national set: ellipsoid against PostGIS geography',
  section: [
    `Every synthetic cluster and plot of the national set (${options.clusters.toLocaleString('en')} clusters, ${options.plots.toLocaleString('en')} plots, the GeoJSON the store is loaded with): the product's ellipsoidal area (\`measureArea(…).geodesicHectares\`, GeographicLib on WGS84, the measure compared to a GIS's geography area) against \`ST_Area(ST_GeomFromGeoJSON(…)::geography)\` on the spheroid, by the PostGIS the store runs on: ${runs.map((run) => `${run.database} (${run.postgis.split(' ').slice(0, 1).join(' ')})`).join(' and ')} — on PGlite a scratch in-memory instance of the same build, since the store offers no raw SQL. Relative error = |product − PostGIS| ÷ PostGIS.`,
    '',
    table,
    '',
    'Read the ellipsoid column: the two implementations of the same measure differ by that fraction (1e-8 means they agree to 8 digits; the goal is ≤ 1e-4, 0.01%, for every feature). The VN-2000 column is **not an error**: it is the area in the official plane, the provincial TM-3 projection, whose scale on the central meridian is k = 0.9999, so areas there are k² ≈ 0.9998 of the ellipsoid’s (−0.02%), growing back towards +0 away from the meridian (k ≈ 0.9999·(1 + x²/2R²)). The synthetic provinces have no official zone, so each feature is measured in the zone of the quarter degree nearest to it (≤ ~14 km off the meridian). Official Vietnamese areas are given in that plane, which is why a plot is listed with it where the province’s meridian is known. Turf’s sphere, for comparison, reads about 0.3% high in Viet Nam.',
  ].join('\n'),
  goals,
  data: { options, runs },
});
