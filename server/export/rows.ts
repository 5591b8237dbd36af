import type { ClusterFeature, ClusterProperties } from '../../domain/cluster.ts';
import {
  completenessTriple,
  currentFigureCells,
  currentOccupancyCells,
  type FigureCells,
  type SourceNames,
  sourceNamer,
  unknownFigureText,
  wastewaterPlantCells,
} from '../../domain/national-report.ts';
import type { PlotGeometry } from '../../domain/plot.ts';
import type { Source } from '../../domain/source.ts';
import type { LocalizedText } from '../../domain/text.ts';
import {
  geometrySources,
  infrastructureInvestorKinds,
  plotOrigins,
  plotStatuses,
} from '../../domain/vocabulary.ts';
import { clusterProperties, type OgcProperty, plotProperties } from '../ogc/collections.ts';
import { clusterFeature, type FlatValue, plotFeature } from '../ogc/features.ts';
import type { PlotRecord } from '../store/store.ts';

/** A cell of an exported table. Null is unknown: an empty cell, never 0. */
export type ExportCell = string | number | null;

/** How a column's cells are written: numbers stay numbers, `ha` ones shown with two decimals. */
export type ExportColumnKind = 'text' | 'integer' | 'number' | 'hectares' | 'date';

/** One column of an export: the OGC catalog's property, or a source / as-of / label column beside it. */
export type ExportColumn = { key: string; header: LocalizedText; kind: ExportColumnKind };

export type ExportRow = Record<string, ExportCell>;

/** The collections that can be exported; each has its OGC catalog entry. */
export const exportCollections = ['clusters', 'plots'] as const;
export type ExportCollection = (typeof exportCollections)[number];

/** One collection ready to write in any format: its table, its features with full records, its sources. */
export type ExportData = {
  collection: ExportCollection;
  /** Sheet name and KML document title: "Cụm công nghiệp", "Lô đất". */
  title: LocalizedText;
  columns: ExportColumn[];
  rows: ExportRow[];
  /** GeoJSON features with the records as the API has them, `geometrySource` on each. */
  features: ExportFeature[];
  /** Every source a row cites, in citation order. */
  sources: Source[];
  /** Some geometry is illustrative (an illustrative cluster, a generated plot): every format says so. */
  illustrative: boolean;
};

export type ExportFeature = {
  type: 'Feature';
  id: string;
  geometry: ClusterFeature['geometry'] | PlotGeometry;
  properties: Record<string, unknown> & { geometrySource: string };
};

/** The note every format carries when a geometry is illustrative. */
export const illustrativeNote: LocalizedText = {
  vi: 'Vị trí minh họa — không phải ranh giới đo đạc',
  en: 'Illustrative location — not a surveyed boundary',
};

const kindOf = (property: OgcProperty): ExportColumnKind => {
  if (property.format === 'date') return 'date';
  if (property.type === 'integer') return 'integer';
  if (property.type === 'number') return property.name.endsWith('_ha') ? 'hectares' : 'number';
  return 'text';
};

const catalogColumn = (property: OgcProperty): ExportColumn => ({
  key: property.name,
  header: { vi: property.title_vi, en: property.title_en },
  kind: kindOf(property),
});

const sourceColumn = (key: string, of: LocalizedText): ExportColumn => ({
  key: `${key}_source`,
  header: { vi: `Nguồn — ${of.vi}`, en: `Source — ${of.en}` },
  kind: 'text',
});

const asOfColumn = (key: string, of: LocalizedText): ExportColumn => ({
  key: `${key}_as_of`,
  header: { vi: `Thời điểm số liệu — ${of.vi}`, en: `As of — ${of.en}` },
  kind: 'text',
});

const labelColumn = (key: string, of: LocalizedText): ExportColumn => ({
  key: `${key}_vi`,
  header: { vi: `${of.vi} (diễn giải)`, en: `${of.en} (Vietnamese label)` },
  kind: 'text',
});

/**
 * What follows a catalog column: its label, its source, its as-of. `cites` names what the source
 * columns are about when it is not the column itself (the ten infrastructure components).
 */
type Beside = {
  label?: true;
  source?: true;
  asOf?: true;
  cites?: { key: string; header: LocalizedText };
  /** Columns the catalog does not serve, placed here. */
  followedBy?: ExportColumn[];
};

/**
 * Columns of a collection: the OGC catalog's, in order, each followed by the columns `beside` names,
 * and then `extra` ones at the end.
 */
function columnsOf(
  catalog: readonly OgcProperty[],
  beside: Record<string, Beside>,
  extra: ExportColumn[] = [],
): ExportColumn[] {
  return [
    ...catalog.flatMap((property) => {
      const column = catalogColumn(property);
      const also = beside[property.name] ?? {};
      const cited = also.cites ?? { key: property.name, header: column.header };
      return [
        column,
        ...(also.label ? [labelColumn(property.name, column.header)] : []),
        ...(also.source ? [sourceColumn(cited.key, cited.header)] : []),
        ...(also.asOf ? [asOfColumn(cited.key, cited.header)] : []),
        ...(also.followedBy ?? []),
      ];
    }),
    ...extra,
  ];
}

const figure = { source: true, asOf: true } as const;
const figureExtra = (key: string, header: LocalizedText): ExportColumn[] => [
  { key, header, kind: 'integer' },
  sourceColumn(key, header),
  asOfColumn(key, header),
];

/** The cluster table's columns: the OGC `clusters` properties, each reported figure with source and as-of. */
export const clusterExportColumns: ExportColumn[] = columnsOf(
  clusterProperties,
  {
    stage_vi: { source: true, cites: { key: 'stage', header: { vi: 'Giai đoạn', en: 'Stage' } } },
    locality_vi: { source: true, cites: { key: 'locality', header: { vi: 'Địa bàn', en: 'Locality' } } },
    infrastructure_investor: { label: true, source: true },
    infrastructure_minimum_percent: {
      ...figure,
      cites: { key: 'infrastructure', header: { vi: 'Hạ tầng kỹ thuật', en: 'Technical infrastructure' } },
    },
    wastewater_state: { label: true, source: true },
    wastewater_capacity_m3_per_day: figure,
    planned_area_ha: figure,
    established_area_ha: figure,
    leasable_area_ha: figure,
    leased_area_ha: figure,
    occupancy_percent: figure,
    cleared_share_percent: figure,
    geometry_source: { label: true },
  },
  [
    ...figureExtra('production_facility_count', { vi: 'Số cơ sở sản xuất', en: 'Production facilities' }),
    ...figureExtra('worker_count', { vi: 'Số lao động (người)', en: 'Workers (people)' }),
  ],
);

/** The plot table's columns: the OGC `plots` properties, labels beside codes, the cluster's name and the source. */
export const plotExportColumns: ExportColumn[] = columnsOf(plotProperties, {
  cluster_id: {
    followedBy: [
      { key: 'cluster_name_vi', header: { vi: 'Tên cụm', en: 'Cluster name (Vietnamese)' }, kind: 'text' },
    ],
  },
  status: { label: true },
  origin: { label: true },
  source_id: {
    followedBy: [{ key: 'source', header: { vi: 'Nguồn (số hiệu)', en: 'Source (number)' }, kind: 'text' }],
  },
});

/** Every source a cluster's record cites, stage first. */
export function citedSourceIds(cluster: ClusterProperties): string[] {
  return [
    cluster.stageSourceId,
    ...cluster.sourceIds,
    ...Object.values(cluster.figures).map((reported) => reported.sourceId),
    ...Object.values(cluster.infrastructure).map((component) => component.sourceId),
    ...[cluster.locality, cluster.infrastructureInvestor, cluster.wastewaterPlant].flatMap((fact) =>
      fact ? [fact.sourceId] : [],
    ),
  ];
}

const flat = (value: FlatValue): ExportCell => (typeof value === 'boolean' ? String(value) : value);

const collator = new Intl.Collator('vi');

/** Figure cells under `key`, `key_source`, `key_as_of`. */
const cellsAt = (key: string, [value, source, asOf]: FigureCells): ExportRow => ({
  [key]: value,
  [`${key}_source`]: source,
  [`${key}_as_of`]: asOf,
});

/**
 * One row per cluster, ordered by Vietnamese name: the OGC feature's flat properties (so the numbers
 * read the same as `/ogc`), each reported figure with its source and as-of as the national report
 * writes them ("chưa có số liệu" for unknown, "không rõ thời điểm" for undated). The input is not
 * changed.
 *
 * @example clusterExportRows(features, sources)[0].planned_area_ha_source // 'chưa có số liệu'
 */
export function clusterExportRows(
  features: readonly ClusterFeature[],
  sources: readonly Source[],
): ExportRow[] {
  const sourceName: SourceNames = sourceNamer(sources);
  return [...features]
    .sort((a, b) => collator.compare(a.properties.name.vi, b.properties.name.vi))
    .map((feature) => {
      const cluster = feature.properties;
      const flatProperties = clusterFeature(feature).properties;
      const plant = wastewaterPlantCells(cluster, sourceName);
      const [, completenessSource, completenessAsOf] = completenessTriple(cluster, sourceName);
      const [, occupancySource, occupancyAsOf] = currentOccupancyCells(cluster.figures, sourceName);
      const row: ExportRow = {
        ...Object.fromEntries(Object.entries(flatProperties).map(([key, value]) => [key, flat(value)])),
        stage_source: sourceName(cluster.stageSourceId),
        locality_source: cluster.locality ? sourceName(cluster.locality.sourceId) : unknownFigureText,
        infrastructure_investor_vi: cluster.infrastructureInvestor
          ? infrastructureInvestorKinds.label(cluster.infrastructureInvestor.value.kind, 'vi')
          : null,
        infrastructure_investor_source: cluster.infrastructureInvestor
          ? sourceName(cluster.infrastructureInvestor.sourceId)
          : unknownFigureText,
        infrastructure_source: completenessSource,
        infrastructure_as_of: completenessAsOf,
        wastewater_state_vi: plant.state,
        wastewater_state_source: plant.stateSource,
        wastewater_capacity_m3_per_day_source: plant.capacity[1],
        wastewater_capacity_m3_per_day_as_of: plant.capacity[2],
        ...sourceAndAsOf('planned_area_ha', currentFigureCells(cluster.figures.plannedAreaHa, sourceName)),
        ...sourceAndAsOf(
          'established_area_ha',
          currentFigureCells(cluster.figures.establishedAreaHa, sourceName),
        ),
        ...sourceAndAsOf(
          'leasable_area_ha',
          currentFigureCells(cluster.figures.leasableIndustrialLandHa, sourceName),
        ),
        ...sourceAndAsOf(
          'leased_area_ha',
          currentFigureCells(cluster.figures.leasedIndustrialLandHa, sourceName),
        ),
        occupancy_percent_source: occupancySource,
        occupancy_percent_as_of: occupancyAsOf,
        ...sourceAndAsOf(
          'cleared_share_percent',
          currentFigureCells(cluster.figures.clearedSharePercent, sourceName),
        ),
        geometry_source_vi: geometrySources.label(cluster.geometrySource, 'vi'),
        ...cellsAt(
          'production_facility_count',
          currentFigureCells(cluster.figures.productionFacilityCount, sourceName),
        ),
        ...cellsAt('worker_count', currentFigureCells(cluster.figures.workerCount, sourceName)),
      };
      return row;
    });
}

/** Only the source and as-of of a figure whose value the OGC properties already give. */
const sourceAndAsOf = (key: string, [, source, asOf]: FigureCells): ExportRow => ({
  [`${key}_source`]: source,
  [`${key}_as_of`]: asOf,
});

/** A plot as stored, with its geometry. */
export type PlotWithGeometry = PlotRecord & { geometry: PlotGeometry };

/**
 * One row per plot, in the order given: the OGC feature's flat properties, the status and origin
 * in words (a generated plot says it is a demonstration layout), its cluster's name and its source.
 */
export function plotExportRows(
  plots: readonly PlotWithGeometry[],
  clusterNames: ReadonlyMap<string, string>,
  sources: readonly Source[],
): ExportRow[] {
  const sourceName = sourceNamer(sources);
  return plots.map((plot) => {
    const record = plot.properties;
    const flatProperties = plotFeature(plot).properties;
    return {
      ...Object.fromEntries(Object.entries(flatProperties).map(([key, value]) => [key, flat(value)])),
      status_vi: plotStatuses.label(record.status, 'vi'),
      origin_vi: plotOrigins.label(record.origin, 'vi'),
      cluster_name_vi: clusterNames.get(record.clusterId) ?? null,
      source: record.sourceId === null ? unknownFigureText : sourceName(record.sourceId),
    };
  });
}
