/**
 * A synthetic national dataset for benchmarks: clusters scattered over Viet Nam's land in made-up
 * provinces, and demonstration plots inside them, deterministic from a seed. Everything is flagged:
 * provinces "Tỉnh mô phỏng NN" (ids `mo-phong-NN`), one source that says the data is generated,
 * illustrative cluster shapes, plots with `origin: generated`. It cites no real document and never
 * touches a shipped province; load it into its own database (see bench/national/cli.ts).
 */

import { readFileSync } from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import seedrandom from 'seedrandom';
import { measureArea } from '../../domain/area.ts';
import type { ClusterFeature } from '../../domain/cluster.ts';
import { type PlotFeature, PlotGeometry } from '../../domain/plot.ts';
import { generatePlotLayout } from '../../domain/plot-layout.ts';
import { type GeodataBundle, readGeodata } from '../../server/geodata/read-geodata.ts';

export const NATIONAL_SOURCE_ID = 'mo-phong-quoc-gia';
export const NATIONAL_PROVINCE_PREFIX = 'mo-phong-';

export type NationalOptions = {
  seed: number;
  /** Clusters in all (the issue's set: 1,500). */
  clusters: number;
  /** Plots in all (the issue's set: 100,000), spread over the clusters. */
  plots: number;
  /** Made-up provinces, bands of latitude from south to north. */
  provinces?: number;
};

export const ISSUE_SET: NationalOptions = { seed: 2026, clusters: 1500, plots: 100_000, provinces: 20 };

const METRES_PER_DEGREE_LAT = 110_600;
/** No two synthetic clusters closer than this (centre to centre), so none overlap. */
const MIN_SPACING_M = 1_500;

type Random = () => number;

const vietNam = (): MultiPolygon => {
  const collection = JSON.parse(
    readFileSync(new URL('../../geodata/basemap/vietnam.geojson', import.meta.url), 'utf8'),
  ) as { features: { geometry: MultiPolygon }[] };
  const [feature] = collection.features;
  if (!feature) throw new Error('geodata/basemap/vietnam.geojson has no feature');
  return feature.geometry;
};

function bboxOf(geometry: MultiPolygon): [number, number, number, number] {
  const positions = geometry.coordinates.flat(2);
  const xs = positions.map(([x = 0]) => x);
  const ys = positions.map(([, y = 0]) => y);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** A rectangle of `areaHa` with sides in ratio `aspect`, rotated by `angle`, around a centre. */
function rectangle(
  centre: Position,
  areaHa: number,
  aspect: number,
  angle: number,
): { type: 'Polygon'; coordinates: [number, number][][] } {
  const [lon = 0, lat = 0] = centre;
  const width = Math.sqrt((areaHa * 10_000) / aspect);
  const depth = width * aspect;
  const perLon = METRES_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180);
  const corners = [
    [-width / 2, -depth / 2],
    [width / 2, -depth / 2],
    [width / 2, depth / 2],
    [-width / 2, depth / 2],
  ].map(([x = 0, y = 0]): [number, number] => {
    const [rx, ry] = [x * Math.cos(angle) - y * Math.sin(angle), x * Math.sin(angle) + y * Math.cos(angle)];
    return [round(lon + rx / perLon), round(lat + ry / METRES_PER_DEGREE_LAT)];
  });
  return { type: 'Polygon', coordinates: [[...corners, corners[0] as [number, number]]] };
}

const round = (value: number) => Math.round(value * 1e7) / 1e7;

/** Weighted like a real plan: most clusters planned or established, some building or operating. */
function pickStage(random: Random): ClusterFeature['properties']['stage'] {
  const roll = random();
  return roll < 0.35 ? 'planned' : roll < 0.6 ? 'established' : roll < 0.75 ? 'building' : 'operating';
}

/** The synthetic clusters, each inside Viet Nam's land, none closer than 1.5 km to another. */
export function nationalClusters(options: NationalOptions): ClusterFeature[] {
  const random = seedrandom(String(options.seed));
  const land = vietNam();
  const [west, south, east, north] = bboxOf(land);
  const provinces = options.provinces ?? ISSUE_SET.provinces ?? 20;
  const taken = new Map<string, Position[]>();
  const cellOf = ([x = 0, y = 0]: Position) => `${Math.floor(x / 0.02)}:${Math.floor(y / 0.02)}`;
  const tooClose = (centre: Position) => {
    const [cx = 0, cy = 0] = centre;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const key = `${Math.floor(cx / 0.02) + dx}:${Math.floor(cy / 0.02) + dy}`;
        for (const [x = 0, y = 0] of taken.get(key) ?? []) {
          const metres = Math.hypot(
            (x - cx) * METRES_PER_DEGREE_LAT * Math.cos((cy * Math.PI) / 180),
            (y - cy) * METRES_PER_DEGREE_LAT,
          );
          if (metres < MIN_SPACING_M) return true;
        }
      }
    }
    return false;
  };

  const clusters: ClusterFeature[] = [];
  for (let attempt = 0; clusters.length < options.clusters; attempt++) {
    if (attempt > options.clusters * 200) throw new Error('could not place the clusters on land');
    const centre: Position = [west + random() * (east - west), south + random() * (north - south)];
    // Sizes as the Nghị định caps them (≤ 75 ha, most 20–50 ha).
    const areaHa = 10 + random() * 65;
    const shape = rectangle(centre, areaHa, 1 + random(), random() * Math.PI);
    const ring = shape.coordinates[0] ?? [];
    if (!ring.every((corner) => booleanPointInPolygon(corner, land)) || tooClose(centre)) continue;
    const cell = cellOf(centre);
    taken.set(cell, [...(taken.get(cell) ?? []), centre]);
    const number = String(clusters.length + 1).padStart(4, '0');
    const band = Math.min(
      provinces - 1,
      Math.floor(((centre[1] ?? 0) - south) / ((north - south) / provinces)),
    );
    clusters.push({
      type: 'Feature',
      geometry: shape,
      properties: {
        id: `${NATIONAL_PROVINCE_PREFIX}ccn-${number}`,
        provinceId: provinceId(band),
        name: { vi: `CCN mô phỏng ${number}`, en: `Synthetic cluster ${number}` },
        aliases: [],
        stage: pickStage(random),
        stageSourceId: NATIONAL_SOURCE_ID,
        locality: null,
        infrastructureInvestor: null,
        wastewaterPlant: null,
        infrastructure: {},
        clearance: null,
        obstacles: [],
        targets: [],
        figures: {},
        geometrySource: 'illustrative',
        geometryNote: {
          vi: 'Hình mô phỏng, sinh tự động cho đo hiệu năng: không phải cụm thật.',
          en: 'Synthetic shape generated for benchmarks: not a real cluster.',
        },
        sourceIds: [NATIONAL_SOURCE_ID],
      },
    });
  }
  return clusters;
}

const provinceId = (band: number) => `${NATIONAL_PROVINCE_PREFIX}${String(band + 1).padStart(2, '0')}`;

/** The shipped bundle plus the synthetic provinces, clusters and the one source that says so. */
export function nationalBundle(options: NationalOptions): GeodataBundle {
  const shipped = readGeodata();
  const clusters = nationalClusters(options);
  const provinces = options.provinces ?? ISSUE_SET.provinces ?? 20;
  const used = [...new Set(clusters.map((cluster) => cluster.properties.provinceId))].sort();
  return {
    ...shipped,
    contentHash: `${shipped.contentHash}+national-${options.seed}-${options.clusters}-${provinces}`,
    sources: [
      ...shipped.sources,
      {
        id: NATIONAL_SOURCE_ID,
        title: {
          vi: 'Dữ liệu mô phỏng toàn quốc — sinh tự động để đo hiệu năng, không phải số liệu thật',
          en: 'Synthetic national data — generated for benchmarks, not real figures',
        },
        issuer: { vi: 'Công cụ đo hiệu năng CCN Atlas', en: 'CCN Atlas benchmark tool' },
        file: 'bench/national/dataset.ts',
        number: null,
        issuedOn: null,
      },
    ],
    provinces: [
      ...shipped.provinces,
      ...used.map((id) => {
        const members = clusters.filter((cluster) => cluster.properties.provinceId === id);
        const centre = members[Math.floor(members.length / 2)]?.geometry.coordinates[0]?.[0] ?? [106, 16];
        return {
          id,
          name: { vi: `Tỉnh mô phỏng ${id.slice(-2)}`, en: `Synthetic province ${id.slice(-2)}` },
          plan: null,
          view: { center: [centre[0] ?? 106, centre[1] ?? 16] as [number, number], zoom: 8 },
          figures: [],
          targets: [],
          obstacles: [],
          documents: [],
          leadAgency: null,
          notes: [],
        };
      }),
    ],
    clusters: { type: 'FeatureCollection', features: [...shipped.clusters.features, ...clusters] },
  };
}

/**
 * Demonstration plots for the synthetic clusters, `options.plots` in all: each cluster gets its
 * share (its area's share of the total), laid out by the plot-layout tool with a plot size chosen
 * for that share, cut to it; a shortfall passes to the next cluster. Yields cluster by cluster.
 */
export function* nationalPlots(
  clusters: readonly ClusterFeature[],
  options: NationalOptions,
): Generator<PlotFeature[]> {
  const areas = clusters.map((cluster) => clusterAreaM2(cluster.geometry as Polygon));
  const totalArea = areas.reduce((sum, area) => sum + area, 0);
  let owed = 0;
  let made = 0;
  for (const [index, cluster] of clusters.entries()) {
    const isLast = index === clusters.length - 1;
    const share = isLast
      ? options.plots - made
      : Math.round(((areas[index] ?? 0) / totalArea) * options.plots) + owed;
    if (share <= 0) continue;
    // Plots and roads share the land about 3 : 1; a plot of side `side` gives about the share.
    const side = Math.max(10, Math.min(500, Math.sqrt(((areas[index] ?? 0) * 0.7) / share)));
    const parameters = { plotWidthM: side, plotDepthM: side * 1.2, roadWidthM: 8, minPlotShare: 0.3 };
    const layout = generatePlotLayout(cluster.geometry, parameters);
    const taken = layout.plots.slice(0, share);
    owed = share - taken.length;
    made += taken.length;
    yield taken.map((plot) => ({
      type: 'Feature',
      geometry: PlotGeometry.parse(plot.geometry),
      properties: {
        id: `${cluster.properties.id}-lo-${plot.label.toLowerCase()}`,
        clusterId: cluster.properties.id,
        provinceId: cluster.properties.provinceId,
        label: plot.label,
        status: 'available',
        permittedIndustries: [],
        tenant: null,
        contact: null,
        origin: 'generated',
        layout: { ...parameters },
        sourceId: null,
        asOf: null,
      },
    }));
  }
}

const clusterAreaM2 = (shape: Polygon) =>
  measureArea(shape, { centralMeridianDegrees: null }).geodesicHectares * 10_000;
