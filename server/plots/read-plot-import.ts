import { getIssues } from '@placemarkio/check-geojson';
import type { ClusterProperties } from '../../domain/cluster.ts';
import { type PlotFeature, PlotGeometry, PlotProperties, type PlotStatus } from '../../domain/plot.ts';
import { foldForSearch } from '../../domain/search.ts';
import { plotStatuses } from '../../domain/vocabulary.ts';
import { parseCleanGeoJson } from './clean-geojson.ts';

/** Something in an import file that stops it, in both languages; `feature` is 1-based. */
export type PlotImportProblem = { feature: number | null; vi: string; en: string };

export type PlotImportContext = {
  /** Every cluster a plot may name, by id or by name. */
  clusters: readonly ClusterProperties[];
  sourceId: string;
  asOf: string | null;
};

const slug = (text: string) =>
  foldForSearch(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Status as a code (`leased`) or as the Vietnamese label a planner types ("Đã cho thuê"). */
function readStatus(value: unknown): PlotStatus | null {
  if (typeof value !== 'string') return null;
  const folded = foldForSearch(value);
  return (
    plotStatuses.codes.find(
      (code) => code === folded || foldForSearch(plotStatuses.labels[code].vi) === folded,
    ) ?? null
  );
}

function readIndustries(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value === 'string')
    return value
      .split(';')
      .map((item) => item.trim())
      .filter(Boolean);
  return [];
}

const text = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

function lineOf(source: string, offset: number) {
  return source.slice(0, offset).split('\n').length;
}

const clusterKey = (name: string) => foldForSearch(name).replace(/^(ccn|cum cong nghiep) /, '');

/** Finds clusters by id, or by name or alias without diacritics and without the "CCN" prefix. */
function clusterLookup(clusters: readonly ClusterProperties[]) {
  const byKey = new Map<string, ClusterProperties[]>();
  for (const cluster of clusters) {
    const keys = new Set([
      cluster.id,
      ...[cluster.name.vi, cluster.name.en, ...cluster.aliases].map(clusterKey),
    ]);
    for (const key of keys) byKey.set(key, [...(byKey.get(key) ?? []), cluster]);
  }
  return (value: string) => byKey.get(value) ?? byKey.get(clusterKey(value)) ?? [];
}

type FeatureReading = { plot: PlotFeature } | { vi: string; en: string };

/** A position `PlotGeometry` accepts: exactly two finite numbers. */
const isPosition = (position: unknown): position is [number, number] =>
  Array.isArray(position) &&
  position.length === 2 &&
  Number.isFinite(position[0]) &&
  Number.isFinite(position[1]);

/** A ring `PlotGeometry` accepts: at least four positions, the last repeating the first. */
function isClosedRing(ring: unknown): ring is [number, number][] {
  if (!Array.isArray(ring) || ring.length < 4) return false;
  for (const position of ring) if (!isPosition(position)) return false;
  const [first, last] = [ring[0] as [number, number], ring.at(-1) as [number, number]];
  return first[0] === last[0] && first[1] === last[1];
}

/**
 * The geometry as `PlotGeometry.safeParse` would answer it when that succeeds, without its copy
 * of every position (100,000 plots: two million arrays made and collected); null when it might
 * not succeed, and the schema then gives the answer and its message.
 */
function readPolygonFast(geometry: unknown): PlotGeometry | null {
  if (typeof geometry !== 'object' || geometry === null) return null;
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' || !Array.isArray(coordinates) || coordinates.length < 1) return null;
  for (const ring of coordinates) if (!isClosedRing(ring)) return null;
  return { type: 'Polygon', coordinates: coordinates as [number, number][][] };
}

function readFeature(
  raw: unknown,
  findClusters: (value: string) => ClusterProperties[],
  context: PlotImportContext,
): FeatureReading {
  const { geometry, properties } = raw as { geometry: unknown; properties?: Record<string, unknown> | null };
  const field = (name: string) => text(properties?.[name]);
  const fast = readPolygonFast(geometry);
  const shape = fast ? { success: true as const, data: fast } : PlotGeometry.safeParse(geometry);
  if (!shape.success) return { vi: 'lô đất phải là một Polygon.', en: 'a plot must be a Polygon.' };
  const label = field('label');
  if (!label) return { vi: 'thiếu "label" (số hiệu lô).', en: 'missing "label" (plot number).' };
  const clusterName = field('cluster');
  if (!clusterName)
    return { vi: 'thiếu "cluster" (mã hoặc tên cụm).', en: 'missing "cluster" (id or name).' };
  const matches = findClusters(clusterName);
  const [cluster] = matches;
  if (!cluster) return { vi: `không có cụm "${clusterName}".`, en: `there is no cluster "${clusterName}".` };
  if (matches.length > 1) {
    const ids = matches.map((match) => match.id).join(', ');
    return {
      vi: `tên cụm "${clusterName}" trùng nhiều cụm (${ids}); hãy dùng mã cụm.`,
      en: `cluster name "${clusterName}" matches several (${ids}); use the id.`,
    };
  }
  const status = readStatus(properties?.status);
  if (!status) {
    return {
      vi: '"status" phải là available, reserved, leased (hoặc Còn trống, Đã đặt chỗ, Đã cho thuê).',
      en: '"status" must be available, reserved or leased.',
    };
  }
  const tenant = field('tenant');
  if (tenant && status !== 'leased') {
    return {
      vi: `lô có bên thuê "${tenant}" nhưng trạng thái không phải "Đã cho thuê".`,
      en: `the plot names a tenant "${tenant}" but its status is not leased.`,
    };
  }
  const contactName = field('contactName');
  const result = PlotProperties.safeParse({
    id: field('id') ?? `${cluster.id}-${slug(label)}`,
    clusterId: cluster.id,
    provinceId: cluster.provinceId,
    label,
    status,
    permittedIndustries: readIndustries(properties?.permittedIndustries),
    tenant: tenant ?? null,
    contact: contactName
      ? {
          name: contactName,
          phone: field('contactPhone'),
          email: field('contactEmail'),
          address: field('contactAddress'),
        }
      : null,
    origin: 'import',
    sourceId: context.sourceId,
    asOf: context.asOf,
  });
  if (!result.success) {
    const detail = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    return { vi: `thuộc tính không hợp lệ (${detail}).`, en: `invalid properties (${detail}).` };
  }
  return { plot: { type: 'Feature', geometry: shape.data, properties: result.data } };
}

/**
 * Reads a GeoJSON FeatureCollection of plots. Each feature is a Polygon with properties `cluster`
 * (the cluster's id or its name, diacritics optional), `label` (số hiệu lô), `status` (`available`,
 * `reserved`, `leased`, or the Vietnamese "Còn trống", "Đã đặt chỗ", "Đã cho thuê"), and optionally
 * `id`, `permittedIndustries` (a list, or text separated by ";"), `tenant`, `contactName`,
 * `contactPhone`, `contactEmail`, `contactAddress`. Every problem is reported, not only the first.
 */
export function readPlotImport(
  source: string,
  context: PlotImportContext,
): { plots: PlotFeature[]; problems: PlotImportProblem[] } {
  // Clean files (nearly all) skip check-geojson's slow syntax tree; the others get its problems.
  const clean = parseCleanGeoJson(source);
  const structural = clean === undefined ? getIssues(source) : [];
  if (structural.length > 0) {
    return {
      plots: [],
      problems: structural.slice(0, 20).map((issue) => ({
        feature: null,
        vi: `Tệp GeoJSON không hợp lệ (dòng ${lineOf(source, issue.from)}): ${issue.message}`,
        en: `Invalid GeoJSON (line ${lineOf(source, issue.from)}): ${issue.message}`,
      })),
    };
  }
  const parsed = (clean ?? JSON.parse(source)) as { type: string; features?: unknown[] };
  if (parsed.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) {
    return {
      plots: [],
      problems: [
        {
          feature: null,
          vi: 'Tệp phải là một FeatureCollection các lô đất.',
          en: 'The file must be a FeatureCollection of plots.',
        },
      ],
    };
  }

  const findClusters = clusterLookup(context.clusters);
  const plots: PlotFeature[] = [];
  const problems: PlotImportProblem[] = [];
  const seen = new Set<string>();
  parsed.features.forEach((raw, index) => {
    const feature = index + 1;
    const read = readFeature(raw, findClusters, context);
    if ('plot' in read && seen.has(read.plot.properties.id)) {
      const id = read.plot.properties.id;
      problems.push({
        feature,
        vi: `Đối tượng ${feature}: lô "${id}" xuất hiện hai lần.`,
        en: `Feature ${feature}: plot "${id}" appears twice.`,
      });
    } else if ('plot' in read) {
      seen.add(read.plot.properties.id);
      plots.push(read.plot);
    } else {
      problems.push({
        feature,
        vi: `Đối tượng ${feature}: ${read.vi}`,
        en: `Feature ${feature}: ${read.en}`,
      });
    }
  });
  return { plots, problems };
}
