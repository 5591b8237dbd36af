import { Router } from 'express';
import type { PlotDetail, PlotPage, PlotSummary } from '../../domain/plot-api.ts';
import { plotClusterContext, resolvePlotContact } from '../../domain/plot-context.ts';
import { HttpError, notFound } from '../errors.ts';
import type { AtlasStore, PlotRecord } from '../store/store.ts';
import { parsePlotQuery } from './plot-query.ts';
import { rejectUnknownParameters } from './query-params.ts';
import { ResponseCache } from './response-cache.ts';

const PLOT_ID = /^[a-z0-9-]{1,80}$/;

async function clusterContexts(store: AtlasStore, clusterIds: readonly string[]) {
  const clusters = await store.getClusters([...new Set(clusterIds)]);
  return new Map(
    clusters.features.map((feature) => [feature.properties.id, plotClusterContext(feature.properties)]),
  );
}

function summary(record: PlotRecord, contexts: Map<string, PlotSummary['cluster']>): PlotSummary {
  const cluster = contexts.get(record.properties.clusterId);
  // The foreign key makes this impossible; say so plainly rather than send half a record.
  if (!cluster)
    throw new Error(`plot ${record.properties.id}: cluster ${record.properties.clusterId} missing`);
  return {
    properties: record.properties,
    areaHa: record.areaM2 / 10_000,
    areaM2: record.areaM2,
    areaMeasure: record.areaMeasure,
    centroid: record.centroid,
    bbox: record.bbox,
    cluster,
  };
}

/** `/api/plots`: the plots investors scout, filtered, sorted and paged; one plot with its geometry. */
export function plotRoutes(getStore: () => Promise<AtlasStore>): Router {
  const router = Router();
  const cache = new ResponseCache();

  router.get('/plots', async (request, response) => {
    const query = parsePlotQuery(request);
    const store = await getStore();
    const body = await cache.get(`plots:${JSON.stringify(query)}`, store.dataVersion(), async () => {
      const { plots, numberMatched } = await store.listPlots(query);
      const contexts = await clusterContexts(
        store,
        plots.map((plot) => plot.properties.clusterId),
      );
      const page: PlotPage = {
        plots: plots.map((plot) => summary(plot, contexts)),
        numberMatched,
        numberReturned: plots.length,
        limit: query.limit,
        offset: query.offset,
      };
      return page;
    });
    response.type('application/json').send(body);
  });

  router.get('/plots/:id', async (request, response) => {
    rejectUnknownParameters(request, []);
    const id = String(request.params.id);
    if (!PLOT_ID.test(id)) {
      throw new HttpError(
        400,
        'invalid_parameter',
        `Mã lô không hợp lệ: "${id.slice(0, 80)}".`,
        `Invalid plot id: "${id.slice(0, 80)}".`,
      );
    }
    const store = await getStore();
    const body = await cache.get(`plot:${id}`, store.dataVersion(), async () => {
      const plot = await store.getPlot(id);
      if (!plot) throw notFound({ vi: `lô đất "${id}"`, en: `Plot "${id}"` });
      const contexts = await clusterContexts(store, [plot.properties.clusterId]);
      const base = summary(plot, contexts);
      const contact = resolvePlotContact(
        plot.properties,
        await store.getProvince(plot.properties.provinceId),
      );
      const cited = [
        plot.properties.sourceId,
        base.cluster.wastewaterPlant?.sourceId,
        base.cluster.occupancy?.sourceId,
        contact.sourceId,
      ].filter((id): id is string => typeof id === 'string');
      const detail: PlotDetail = {
        ...base,
        geometry: plot.geometry,
        version: plot.version,
        contact,
        sources: await store.getSources([...new Set(cited)]),
      };
      return detail;
    });
    response.type('application/json').send(body);
  });

  return router;
}
