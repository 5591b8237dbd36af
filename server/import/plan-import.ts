import type { Geometry } from 'geojson';
import { measureArea } from '../../domain/area.ts';
import { ClusterGeometry as ClusterGeometrySchema, type ClusterProperties } from '../../domain/cluster.ts';
import { crsCode, crsLabel } from '../../domain/crs.ts';
import type { AreaComparison, ImportPlan, ImportProgress, PlannedItem } from '../../domain/import-api.ts';
import { provinceCentralMeridian } from '../../domain/vn2000.ts';
import type { CheckGeometry } from './check-geometry.ts';
import { fieldRole, readNumber } from './fields.ts';
import { clusterMatcher } from './match-cluster.ts';
import { type Bilingual, featureProblem, type ImportProblem } from './problems.ts';
import type { ImportReading } from './read-import.ts';
import type { FigureRow } from './readers/csv.ts';
import { kmlStyleProperties } from './readers/kml.ts';

// The plan's types travel to the client, so they live in domain/; re-exported for the server's imports.
export type { AreaComparison, ImportPlan, ImportProgress, PlannedItem };

export type PlanContext = {
  /** Every cluster the file may name. */
  clusters: readonly ClusterProperties[];
  checkGeometry: CheckGeometry;
  onProgress?: (progress: ImportProgress) => void;
};

/** An area difference beyond this share is a warning. */
const AREA_WARNING_PERCENT = 10;

const text = (value: unknown) =>
  typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : typeof value === 'number' && Number.isFinite(value)
      ? String(value)
      : null;

/** A MultiGeometry of polygons (as KML writes them) as one MultiPolygon; other geometries as they are. */
function asPolygonal(geometry: Geometry): Geometry {
  if (geometry.type !== 'GeometryCollection') return geometry;
  const parts = geometry.geometries.map(asPolygonal);
  if (!parts.every((part) => part.type === 'Polygon' || part.type === 'MultiPolygon')) return geometry;
  return {
    type: 'MultiPolygon',
    coordinates: parts.flatMap((part) =>
      part.type === 'Polygon' ? [part.coordinates] : part.type === 'MultiPolygon' ? part.coordinates : [],
    ),
  };
}

const format1 = (value: number) => value.toFixed(2);
const formatVi = (value: number) => format1(value).replace('.', ',');

/** The imported area against the cluster's planned and established areas, where it has them. */
function compareAreas(hectares: number, cluster: ClusterProperties): AreaComparison[] {
  return (['plannedAreaHa', 'establishedAreaHa'] as const).flatMap((key) => {
    const declared = cluster.figures[key];
    if (!declared || declared.value <= 0) return [];
    const differenceHa = hectares - declared.value;
    return [
      {
        key,
        declaredHa: declared.value,
        differenceHa,
        differencePercent: (differenceHa / declared.value) * 100,
      },
    ];
  });
}

type Entry = {
  item: number;
  id: string | null;
  name: string | null;
  geometry: Geometry | null;
  figures: PlannedItem['figures'];
  asOf: string | null;
};

/** Reads a feature's properties by what they mean; unknown ones are collected. */
function entryOfFeature(
  item: number,
  feature: { geometry: Geometry | null; properties: Record<string, unknown> },
  unknown: Set<string>,
  problems: ImportProblem[],
): Entry {
  const entry: Entry = { item, id: null, name: null, geometry: feature.geometry, figures: {}, asOf: null };
  for (const [key, value] of Object.entries(feature.properties)) {
    const role = fieldRole(key);
    if (!role) {
      if (!(kmlStyleProperties as readonly string[]).includes(key) && key !== 'description') unknown.add(key);
      continue;
    }
    if (role.role === 'id') entry.id ??= text(value);
    else if (role.role === 'name') entry.name ??= text(value);
    else if (role.role === 'asOf') entry.asOf = text(value);
    else if (value !== null && value !== undefined && value !== '') {
      const number = typeof value === 'number' ? { value, approximate: false } : readNumber(String(value));
      if (number === 'invalid' || (number && !Number.isFinite(number.value))) {
        problems.push(
          featureProblem(item, {
            vi: `"${key}" không phải là số: "${value}".`,
            en: `"${key}" is not a number: "${value}".`,
          }),
        );
      } else if (number) entry.figures[role.key] = number;
    }
  }
  return entry;
}

const entryOfRow = (row: FigureRow): Entry => ({
  item: row.row,
  id: row.clusterId,
  name: row.clusterName,
  geometry: null,
  figures: row.figures,
  asOf: row.asOf,
});

/**
 * The dry run: what importing a file would change, and what stops it. Each feature or row is
 * matched to a cluster (by an id property, else by name without diacritics, else unmatched with
 * the closest names suggested); each geometry is checked by PostGIS (`checkGeometry`), measured in
 * the province's VN-2000 plane and compared with the cluster's planned and established areas.
 * Unknown fields are listed, replacements of illustrative or imported boundaries are warned of.
 * Nothing is written.
 */
export async function planImport(reading: ImportReading, context: PlanContext): Promise<ImportPlan> {
  const problems: ImportProblem[] = [...reading.problems];
  const warnings: ImportProblem[] = [];
  const unknown = new Set<string>(reading.format === 'csv' ? reading.unknownColumns : []);
  const entries =
    reading.format === 'csv'
      ? reading.rows.map(entryOfRow)
      : reading.features.map((feature, index) => entryOfFeature(index + 1, feature, unknown, problems));
  const label = (item: number) => (reading.format === 'csv' ? `Dòng ${item}` : `Đối tượng ${item}`);
  const labelEn = (item: number) => (reading.format === 'csv' ? `Row ${item}` : `Feature ${item}`);
  const problem = (item: number, message: Bilingual): ImportProblem => ({
    feature: item,
    vi: `${label(item)}: ${message.vi}`,
    en: `${labelEn(item)}: ${message.en}`,
  });

  const match = clusterMatcher(context.clusters);
  const claimed = new Map<string, number>();
  const items: PlannedItem[] = [];
  const total = entries.length;
  for (const [index, entry] of entries.entries()) {
    const planned: PlannedItem = {
      item: entry.item,
      reference: entry.name ?? entry.id,
      match: null,
      suggestions: [],
      geometry: null,
      geometryType: entry.geometry?.type ?? null,
      invalidReason: null,
      area: null,
      replaces: null,
      figures: entry.figures,
      asOf: entry.asOf,
    };
    items.push(planned);
    const found = match({ id: entry.id, name: entry.name });
    if (entry.id === null && entry.name === null) {
      problems.push(
        problem(entry.item, {
          vi: 'không có tên hay mã cụm (cột/thuộc tính "name", "Tên cụm", "Mã cụm", "cluster").',
          en: 'names no cluster (a "name", "Tên cụm", "Mã cụm" or "cluster" field).',
        }),
      );
    } else if (!found.cluster) {
      planned.suggestions = found.suggestions;
      const reference = planned.reference ?? '';
      problems.push(
        problem(
          entry.item,
          found.ambiguous.length > 0
            ? {
                vi: `tên "${reference}" trùng nhiều cụm (${found.ambiguous.join(', ')}); hãy dùng mã cụm.`,
                en: `name "${reference}" matches several clusters (${found.ambiguous.join(', ')}); use the id.`,
              }
            : {
                vi: `không có cụm "${reference}".${found.suggestions.length ? ` Gần nhất: ${found.suggestions.join('; ')}.` : ''}`,
                en: `there is no cluster "${reference}".${found.suggestions.length ? ` Closest: ${found.suggestions.join('; ')}.` : ''}`,
              },
        ),
      );
    } else {
      const cluster = found.cluster;
      planned.match = { clusterId: cluster.id, name: cluster.name.vi, by: found.by };
      const earlier = claimed.get(cluster.id);
      if (earlier !== undefined) {
        problems.push(
          problem(entry.item, {
            vi: `cụm "${cluster.id}" đã có ở ${label(earlier).toLowerCase()}.`,
            en: `cluster "${cluster.id}" already appears in ${labelEn(earlier).toLowerCase()}.`,
          }),
        );
      }
      claimed.set(cluster.id, entry.item);
    }

    if (entry.geometry) {
      const polygonal = asPolygonal(entry.geometry);
      planned.geometryType = polygonal.type;
      const shape = ClusterGeometrySchema.safeParse(polygonal);
      if (polygonal.type !== 'Polygon' && polygonal.type !== 'MultiPolygon') {
        problems.push(
          problem(entry.item, {
            vi: `ranh giới cụm phải là Polygon hoặc MultiPolygon, không phải ${polygonal.type}.`,
            en: `a cluster boundary must be a Polygon or MultiPolygon, not a ${polygonal.type}.`,
          }),
        );
      } else if (!shape.success) {
        const detail = shape.error.issues[0]?.message ?? '';
        planned.invalidReason = detail;
        problems.push(
          problem(entry.item, { vi: `hình không hợp lệ: ${detail}`, en: `invalid geometry: ${detail}` }),
        );
      } else {
        const reason = await context.checkGeometry(shape.data);
        if (reason !== null) {
          planned.invalidReason = reason;
          problems.push(
            problem(entry.item, {
              vi: `hình không hợp lệ (PostGIS): ${reason}`,
              en: `invalid geometry (PostGIS): ${reason}`,
            }),
          );
        } else if (found.cluster) {
          const cluster = found.cluster;
          planned.geometry = shape.data;
          planned.replaces = cluster.geometrySource;
          const centralMeridianDegrees = provinceCentralMeridian(cluster.provinceId);
          const measures = measureArea(shape.data, { centralMeridianDegrees });
          const hectares = measures.vn2000PlaneHectares ?? measures.geodesicHectares;
          const comparisons = compareAreas(hectares, cluster);
          planned.area = {
            hectares,
            measure: measures.vn2000PlaneHectares === null ? 'ellipsoid' : 'vn2000-plane',
            comparisons,
          };
          for (const comparison of comparisons.filter(
            (c) => Math.abs(c.differencePercent) > AREA_WARNING_PERCENT,
          )) {
            const sign = comparison.differenceHa > 0 ? '+' : '';
            warnings.push(
              problem(entry.item, {
                vi: `diện tích ${formatVi(hectares)} ha lệch ${sign}${formatVi(comparison.differencePercent)}% so với ${comparison.key === 'plannedAreaHa' ? 'diện tích quy hoạch' : 'diện tích thành lập'} ${formatVi(comparison.declaredHa)} ha của "${cluster.id}".`,
                en: `area ${format1(hectares)} ha differs by ${sign}${format1(comparison.differencePercent)}% from the ${comparison.key === 'plannedAreaHa' ? 'planned' : 'established'} area ${format1(comparison.declaredHa)} ha of "${cluster.id}".`,
              }),
            );
          }
          warnings.push(
            problem(
              entry.item,
              cluster.geometrySource === 'illustrative'
                ? {
                    vi: `thay hình minh họa của "${cluster.id}" bằng ranh giới nhập từ tệp.`,
                    en: `replaces the illustrative geometry of "${cluster.id}" with an imported boundary.`,
                  }
                : {
                    vi: `thay ranh giới hiện có (${cluster.geometrySource === 'survey' ? 'đo đạc' : 'đã nhập'}) của "${cluster.id}".`,
                    en: `replaces the existing ${cluster.geometrySource === 'survey' ? 'surveyed' : 'imported'} boundary of "${cluster.id}".`,
                  },
            ),
          );
        }
      }
    } else if (
      reading.format !== 'csv' &&
      Object.keys(entry.figures).length === 0 &&
      !reading.problems.some((known) => known.feature === entry.item)
    ) {
      problems.push(
        problem(entry.item, {
          vi: 'không có hình cũng không có số liệu.',
          en: 'has neither a geometry nor figures.',
        }),
      );
    }
    context.onProgress?.({ phase: 'check', done: index + 1, total });
  }

  if (unknown.size > 0) {
    warnings.push({
      feature: null,
      vi: `Trường không nhận ra, sẽ bỏ qua: ${[...unknown].join(', ')}.`,
      en: `Unknown fields, ignored: ${[...unknown].join(', ')}.`,
    });
  }
  return {
    format: reading.format,
    crs:
      reading.format === 'csv'
        ? null
        : { code: crsCode(reading.crs), label: crsLabel(reading.crs), from: reading.crsFrom },
    itemsRead: entries.length,
    items,
    unknownFields: [...unknown],
    problems,
    warnings,
    notes: reading.notes,
  };
}
