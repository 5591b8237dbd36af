import type { LocalizedText } from '../../domain/text.ts';
import {
  geometrySources,
  infrastructureInvestorKinds,
  plotOrigins,
  plotStatuses,
  stages,
  wastewaterPlantStates,
} from '../../domain/vocabulary.ts';

/** JSON types of flat feature properties, as OGC queryables and GIS field types know them. */
export type OgcPropertyType = 'string' | 'number' | 'integer' | 'boolean';

/** Pattern of the ids a queryable id property accepts: lower-case letters, digits, hyphens. */
export const ID_PATTERN = '^[a-z0-9-]{1,80}$';

/** How a queryable property's value is checked before it reaches the store. */
export type QueryableValues = { kind: 'enum'; values: readonly string[] } | { kind: 'id'; pattern: string };

/** One flat property of a collection's features. A null value means unknown, never 0. */
export type OgcProperty = {
  name: string;
  type: OgcPropertyType;
  /** JSON Schema `format`, e.g. `date`, so GIS clients type the field as a date. */
  format?: 'date';
  title_vi: string;
  title_en: string;
  description: string;
  /** Present when the property may be filtered on by equality (`?stage=operating`). */
  queryable?: QueryableValues;
};

const oneOf = (codes: readonly string[]): QueryableValues => ({ kind: 'enum', values: codes });
const anId: QueryableValues = { kind: 'id', pattern: ID_PATTERN };

/** Keeps the property names as literal types, so feature mapping must fill each one. */
const properties = <const T extends readonly OgcProperty[]>(list: T) => list;

export const clusterProperties = properties([
  { name: 'id', type: 'string', title_vi: 'Mã cụm', title_en: 'Cluster id', description: 'Stable id.' },
  {
    name: 'name_vi',
    type: 'string',
    title_vi: 'Tên cụm',
    title_en: 'Name (Vietnamese)',
    description: 'Name in Vietnamese.',
  },
  {
    name: 'name_en',
    type: 'string',
    title_vi: 'Tên tiếng Anh',
    title_en: 'Name (English)',
    description: 'Name in English.',
  },
  {
    name: 'province_id',
    type: 'string',
    title_vi: 'Mã tỉnh',
    title_en: 'Province id',
    description: 'Province, e.g. khanh-hoa.',
    queryable: anId,
  },
  {
    name: 'stage',
    type: 'string',
    title_vi: 'Giai đoạn',
    title_en: 'Stage',
    description: `Lifecycle stage: ${stages.codes.join(', ')}. Removed clusters are included.`,
    queryable: oneOf(stages.codes),
  },
  {
    name: 'stage_vi',
    type: 'string',
    title_vi: 'Giai đoạn (diễn giải)',
    title_en: 'Stage (Vietnamese label)',
    description: 'The stage in words, in Vietnamese.',
  },
  {
    name: 'locality_vi',
    type: 'string',
    title_vi: 'Địa bàn',
    title_en: 'Locality (Vietnamese)',
    description: 'Administrative unit as the source names it; null when the source names none.',
  },
  {
    name: 'infrastructure_investor',
    type: 'string',
    title_vi: 'Chủ đầu tư hạ tầng',
    title_en: 'Infrastructure investor',
    description: `Kind of infrastructure investor: ${infrastructureInvestorKinds.codes.join(', ')}; null when unknown.`,
    queryable: oneOf(infrastructureInvestorKinds.codes),
  },
  {
    name: 'infrastructure_percent',
    type: 'integer',
    title_vi: 'Mức hoàn thiện hạ tầng (%)',
    title_en: 'Infrastructure completeness (%)',
    description: 'Share of the ten technical infrastructure components done; null when any is unknown.',
  },
  {
    name: 'infrastructure_minimum_percent',
    type: 'integer',
    title_vi: 'Mức hoàn thiện hạ tầng tối thiểu (%)',
    title_en: 'Infrastructure completeness, at least (%)',
    description: 'Share of the ten components a source reports done (unknown ones counted as not done).',
  },
  {
    name: 'wastewater_state',
    type: 'string',
    title_vi: 'Trạm xử lý nước thải',
    title_en: 'Wastewater plant',
    description: `State of the central wastewater plant: ${wastewaterPlantStates.codes.join(', ')}; null when unknown.`,
    queryable: oneOf(wastewaterPlantStates.codes),
  },
  {
    name: 'wastewater_capacity_m3_per_day',
    type: 'number',
    title_vi: 'Công suất xử lý nước thải (m³/ngày)',
    title_en: 'Wastewater plant capacity (m³/day)',
    description: 'Null when unknown.',
  },
  {
    name: 'planned_area_ha',
    type: 'number',
    title_vi: 'Diện tích quy hoạch (ha)',
    title_en: 'Planned area (ha)',
    description: 'As reported; null when unknown.',
  },
  {
    name: 'established_area_ha',
    type: 'number',
    title_vi: 'Diện tích thành lập (ha)',
    title_en: 'Established area (ha)',
    description: 'As reported; null when unknown.',
  },
  {
    name: 'leasable_area_ha',
    type: 'number',
    title_vi: 'Đất công nghiệp cho thuê (ha)',
    title_en: 'Industrial land for lease (ha)',
    description: 'As reported; null when unknown.',
  },
  {
    name: 'leased_area_ha',
    type: 'number',
    title_vi: 'Đã cho thuê (ha)',
    title_en: 'Leased (ha)',
    description: 'As reported; null when unknown.',
  },
  {
    name: 'occupancy_percent',
    type: 'number',
    title_vi: 'Tỷ lệ lấp đầy (%)',
    title_en: 'Occupancy (%)',
    description: 'Leased ÷ leasable industrial land; null when either is unknown.',
  },
  {
    name: 'cleared_share_percent',
    type: 'number',
    title_vi: 'Tỷ lệ giải phóng mặt bằng (%)',
    title_en: 'Land cleared (%)',
    description: 'As reported; null when unknown.',
  },
  {
    name: 'geometry_source',
    type: 'string',
    title_vi: 'Nguồn hình học',
    title_en: 'Geometry source',
    description: `${geometrySources.codes.join(', ')}. "illustrative" is not a boundary: placed after the name only.`,
    queryable: oneOf(geometrySources.codes),
  },
  {
    name: 'source_ids',
    type: 'string',
    title_vi: 'Nguồn',
    title_en: 'Sources',
    description: 'Ids of the source documents, comma-separated.',
  },
]);

export const plotProperties = properties([
  { name: 'id', type: 'string', title_vi: 'Mã lô', title_en: 'Plot id', description: 'Stable id.' },
  {
    name: 'label',
    type: 'string',
    title_vi: 'Số hiệu lô',
    title_en: 'Plot label',
    description: 'Number on the layout drawing, e.g. A-12.',
  },
  {
    name: 'cluster_id',
    type: 'string',
    title_vi: 'Mã cụm',
    title_en: 'Cluster id',
    description: 'The cluster the plot lies in.',
    queryable: anId,
  },
  {
    name: 'province_id',
    type: 'string',
    title_vi: 'Mã tỉnh',
    title_en: 'Province id',
    description: 'Province, e.g. khanh-hoa.',
    queryable: anId,
  },
  {
    name: 'status',
    type: 'string',
    title_vi: 'Tình trạng',
    title_en: 'Status',
    description: `${plotStatuses.codes.join(', ')}.`,
    queryable: oneOf(plotStatuses.codes),
  },
  {
    name: 'origin',
    type: 'string',
    title_vi: 'Nguồn gốc',
    title_en: 'Origin',
    description: `${plotOrigins.codes.join(', ')}. "generated" is a demonstration layout, not a real plot.`,
    queryable: oneOf(plotOrigins.codes),
  },
  {
    name: 'area_ha',
    type: 'number',
    title_vi: 'Diện tích (ha)',
    title_en: 'Area (ha)',
    description: 'Measured from the geometry by the server (see area_measure).',
  },
  {
    name: 'area_m2',
    type: 'number',
    title_vi: 'Diện tích (m²)',
    title_en: 'Area (m²)',
    description: 'Measured from the geometry by the server (see area_measure).',
  },
  {
    name: 'area_measure',
    type: 'string',
    title_vi: 'Cách đo diện tích',
    title_en: 'Area measure',
    description: 'vn2000-plane (official VN-2000 plane of the province) or ellipsoid (WGS84).',
  },
  {
    name: 'permitted_industries',
    type: 'string',
    title_vi: 'Ngành nghề được phép',
    title_en: 'Permitted industries',
    description: 'As the source words them, separated by ";"; null when none is known.',
  },
  {
    name: 'tenant',
    type: 'string',
    title_vi: 'Nhà đầu tư thuê',
    title_en: 'Tenant',
    description: 'Secondary investor leasing the plot; null when not leased or not known.',
  },
  {
    name: 'source_id',
    type: 'string',
    title_vi: 'Nguồn',
    title_en: 'Source',
    description: 'Source document of an imported plot; null for a generated layout.',
  },
  {
    name: 'as_of',
    type: 'string',
    format: 'date',
    title_vi: 'Số liệu tính đến ngày',
    title_en: 'As of',
    description: 'Date the status holds at (YYYY-MM-DD); null when not known.',
  },
]);

export const wastewaterPlantProperties = properties([
  {
    name: 'id',
    type: 'string',
    title_vi: 'Mã trạm',
    title_en: 'Plant id',
    description: 'The cluster id followed by "-wwtp".',
  },
  {
    name: 'cluster_id',
    type: 'string',
    title_vi: 'Mã cụm',
    title_en: 'Cluster id',
    description: 'The cluster the plant serves.',
    queryable: anId,
  },
  {
    name: 'cluster_name_vi',
    type: 'string',
    title_vi: 'Tên cụm',
    title_en: 'Cluster name (Vietnamese)',
    description: 'Name of the cluster in Vietnamese.',
  },
  {
    name: 'province_id',
    type: 'string',
    title_vi: 'Mã tỉnh',
    title_en: 'Province id',
    description: 'Province, e.g. khanh-hoa.',
    queryable: anId,
  },
  {
    name: 'state',
    type: 'string',
    title_vi: 'Tình trạng',
    title_en: 'State',
    description: `${wastewaterPlantStates.codes.join(', ')}; compliant meets the national technical standard.`,
    queryable: oneOf(wastewaterPlantStates.codes),
  },
  {
    name: 'capacity_m3_per_day',
    type: 'number',
    title_vi: 'Công suất (m³/ngày)',
    title_en: 'Capacity (m³/day)',
    description: 'Null when unknown.',
  },
  {
    name: 'source_id',
    type: 'string',
    title_vi: 'Nguồn',
    title_en: 'Source',
    description: 'Source document that reports the plant.',
  },
  {
    name: 'geometry_source',
    type: 'string',
    title_vi: 'Nguồn vị trí',
    title_en: 'Location source',
    description:
      'A point inside the cluster, not the plant\'s surveyed site: "illustrative" when the cluster\'s shape is.',
  },
]);

/** Ids of the collections, in the order they are listed. */
export const ogcCollectionIds = ['clusters', 'plots', 'wastewater-plants'] as const;
export type OgcCollectionId = (typeof ogcCollectionIds)[number];

/** A collection as the landing page, the OpenAPI document and the routes all describe it. */
export type OgcCollection = {
  id: OgcCollectionId;
  title: LocalizedText;
  description: LocalizedText;
  /** GeoJSON geometry type of every feature. */
  geometryType: 'MultiPolygon' | 'Polygon' | 'Point';
  properties: readonly OgcProperty[];
  /** The vector tiles of the same layer, when there are any: `/tiles/{layer}.json`. */
  tileLayer: 'clusters' | 'plots' | null;
};

/**
 * The one catalog of OGC API – Features collections: the routes serve it, the OpenAPI document and
 * the queryables are generated from it, and the README's attribute table is copied from it.
 */
export const ogcCollections: Record<OgcCollectionId, OgcCollection> = {
  clusters: {
    id: 'clusters',
    title: { vi: 'Cụm công nghiệp', en: 'Industrial clusters' },
    description: {
      vi: 'Mọi cụm công nghiệp trong dữ liệu, kể cả cụm đã rút khỏi quy hoạch (stage = removed). Hình dạng "illustrative" chỉ là minh họa, không phải ranh giới.',
      en: 'Every industrial cluster in the data, including those removed from the plan (stage = removed). An "illustrative" geometry is a sketch, not a boundary.',
    },
    geometryType: 'MultiPolygon',
    properties: clusterProperties,
    tileLayer: 'clusters',
  },
  plots: {
    id: 'plots',
    title: { vi: 'Lô đất', en: 'Plots' },
    description: {
      vi: 'Lô đất trong các cụm. Lô có origin = generated là phân lô minh họa do công cụ tạo, không phải lô đất thực tế.',
      en: 'Plots inside the clusters. Plots with origin = generated are a demonstration layout made by the tool, not real plots.',
    },
    geometryType: 'Polygon',
    properties: plotProperties,
    tileLayer: 'plots',
  },
  'wastewater-plants': {
    id: 'wastewater-plants',
    title: { vi: 'Trạm xử lý nước thải tập trung', en: 'Central wastewater treatment plants' },
    description: {
      vi: 'Một điểm cho mỗi cụm có thông tin trạm xử lý nước thải, đặt bên trong cụm (không phải vị trí đo đạc của trạm). Trống khi nguồn chưa nêu trạm nào.',
      en: "One point per cluster whose record has a wastewater plant, placed inside the cluster (not the plant's surveyed site). Empty when no source reports a plant.",
    },
    geometryType: 'Point',
    properties: wastewaterPlantProperties,
    tileLayer: null,
  },
};

/** The collection with this id, or undefined: the id comes from a URL and is checked here. */
export function findCollection(id: string): OgcCollection | undefined {
  return (ogcCollectionIds as readonly string[]).includes(id)
    ? ogcCollections[id as OgcCollectionId]
    : undefined;
}

/** Names of a property list, as a union type. */
export type PropertyName<List extends readonly OgcProperty[]> = List[number]['name'];
