import type { Stage } from '../../domain/cluster.ts';
import { HttpError } from '../errors.ts';
import { ogcCollections } from '../ogc/collections.ts';
import type { AtlasStore } from '../store/store.ts';
import {
  citedSourceIds,
  clusterExportColumns,
  clusterExportRows,
  type ExportData,
  type PlotWithGeometry,
  plotExportColumns,
  plotExportRows,
} from './rows.ts';

/** Plots read from the store per query. */
const PLOT_PAGE = 1000;
/** More plots than this in one province is not a download but a job for the OGC API's paging. */
const PLOT_EXPORT_MAX = 50_000;

/**
 * A province's clusters (all provinces when none is given) in the stages asked for, as an export:
 * the table, the records as `/api/clusters` gives them, the sources they cite.
 */
export async function readClusterExport(
  store: AtlasStore,
  filter: { provinceId?: string; stages: readonly Stage[] },
): Promise<ExportData> {
  const collection = await store.listClusters(filter);
  const features = collection.features;
  const cited = [...new Set(features.flatMap((feature) => citedSourceIds(feature.properties)))];
  const sources = await store.getSources(cited);
  const rows = clusterExportRows(features, sources);
  const byId = new Map(features.map((feature) => [feature.properties.id, feature]));
  return {
    collection: 'clusters',
    title: ogcCollections.clusters.title,
    columns: clusterExportColumns,
    rows,
    // In the rows' order, so every format lists the clusters alike.
    features: rows.flatMap((row) => {
      const feature = byId.get(String(row.id));
      return feature
        ? [
            {
              type: 'Feature' as const,
              id: feature.properties.id,
              geometry: feature.geometry,
              properties: feature.properties,
            },
          ]
        : [];
    }),
    sources: orderedLike(cited, sources),
    illustrative: features.some((feature) => feature.properties.geometrySource === 'illustrative'),
  };
}

/** A province's plots, ordered by label, with their clusters' names and the sources they cite. */
export async function readPlotExport(store: AtlasStore, provinceId: string): Promise<ExportData> {
  const plots: PlotWithGeometry[] = [];
  for (let offset = 0; ; offset += PLOT_PAGE) {
    const page = await store.listPlotFeatures({ provinceId, limit: PLOT_PAGE, offset });
    if (page.numberMatched > PLOT_EXPORT_MAX) {
      throw new HttpError(
        413,
        'too_many_plots',
        `Tỉnh có ${page.numberMatched} lô đất, quá ${PLOT_EXPORT_MAX} lô của một lần xuất. Hãy dùng /ogc/collections/plots/items theo từng trang.`,
        `The province has ${page.numberMatched} plots, more than the ${PLOT_EXPORT_MAX} one export gives. Page through /ogc/collections/plots/items instead.`,
      );
    }
    plots.push(...page.plots);
    if (page.plots.length < PLOT_PAGE || plots.length >= page.numberMatched) break;
  }
  const clusters = await store.listClusterProperties(provinceId);
  const clusterNames = new Map(clusters.map((cluster) => [cluster.id, cluster.name.vi]));
  const cited = [
    ...new Set(plots.flatMap((plot) => (plot.properties.sourceId ? [plot.properties.sourceId] : []))),
  ];
  const sources = await store.getSources(cited);
  return {
    collection: 'plots',
    title: ogcCollections.plots.title,
    columns: plotExportColumns,
    rows: plotExportRows(plots, clusterNames, sources),
    features: plots.map((plot) => ({
      type: 'Feature',
      id: plot.properties.id,
      geometry: plot.geometry,
      properties: {
        ...plot.properties,
        areaHa: plot.areaM2 / 10_000,
        areaM2: plot.areaM2,
        areaMeasure: plot.areaMeasure,
        // A generated layout is a demonstration, drawn by the tool: illustrative, not a boundary.
        geometrySource: plot.properties.origin === 'generated' ? 'illustrative' : 'import',
      },
    })),
    sources: orderedLike(cited, sources),
    illustrative: plots.some((plot) => plot.properties.origin === 'generated'),
  };
}

/** Sources in the order they were first cited; ids the store does not hold are left out. */
function orderedLike<T extends { id: string }>(ids: readonly string[], items: readonly T[]): T[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  return ids.flatMap((id) => {
    const item = byId.get(id);
    return item ? [item] : [];
  });
}
