import { type Request, Router } from 'express';
import { measureArea } from '../../domain/area.ts';
import type { ClusterGeometry } from '../../domain/cluster.ts';
import type { PlotLayoutRequest, PlotLayoutResult } from '../../domain/plot-layout-api.ts';
import { assertProvinceEditor, csrfGuard } from '../auth/middleware.ts';
import { HttpError, invalidData, notFound } from '../errors.ts';
import { layoutCluster } from '../plots/layout-cluster.ts';
import { parseLayoutRequest } from '../plots/layout-request.ts';
import type { AtlasStore } from '../store/store.ts';
import { jsonBody } from './json-body.ts';
import { rejectUnknownParameters } from './query-params.ts';

const CLUSTER_ID = /^[a-z0-9-]{1,64}$/;

function clusterId(request: Request): string {
  const id = String(request.params.id);
  if (!CLUSTER_ID.test(id)) {
    throw new HttpError(
      400,
      'invalid_parameter',
      `Mã cụm không hợp lệ: "${id.slice(0, 64)}".`,
      `Invalid cluster id: "${id.slice(0, 64)}".`,
    );
  }
  return id;
}

/**
 * Most plots one request may make: a 75 ha cluster (the legal maximum) in the smallest 10 × 10 m
 * plots stays under it; a far larger boundary at that size would hold the server for long.
 */
const MAX_PLOTS = 10_000;

/** Refuses sizes that would make more plots than MAX_PLOTS, before any is computed. */
function checkPlotCount(geometry: ClusterGeometry, body: PlotLayoutRequest) {
  const { geodesicHectares } = measureArea(geometry, { centralMeridianDegrees: null });
  const estimate = Math.floor((geodesicHectares * 10_000) / (body.plotWidthM * body.plotDepthM));
  if (estimate > MAX_PLOTS) {
    throw invalidData(
      `Với lô ${body.plotWidthM} × ${body.plotDepthM} m, cụm sẽ có khoảng ${estimate} lô, quá giới hạn ${MAX_PLOTS} lô mỗi lần phân lô: hãy chọn lô lớn hơn.`,
      `Plots of ${body.plotWidthM} × ${body.plotDepthM} m would make about ${estimate} plots, over the limit of ${MAX_PLOTS} per layout: choose larger plots.`,
    );
  }
}

/**
 * `POST /api/clusters/{id}/plot-layout`: a demonstration subdivision of the cluster, for an editor
 * of its province or an admin. `dryRun: true` answers the counts and writes nothing; `false`
 * replaces the cluster's generated plots (never imported ones), every plot written or removed
 * audited under the signed-in account. Generated plots are flagged `origin: generated`: shown as
 * "Minh họa", never counted as reported figures.
 */
export function plotLayoutRoutes(getStore: () => Promise<AtlasStore>): Router {
  const router = Router();

  router.post('/clusters/:id/plot-layout', csrfGuard, jsonBody, async (request, response) => {
    rejectUnknownParameters(request, []);
    const id = clusterId(request);
    const store = await getStore();
    const [cluster] = (await store.getClusters([id])).features;
    if (!cluster) throw notFound({ vi: `cụm công nghiệp "${id}"`, en: `Cluster "${id}"` });
    // Who may, before what: an account without the right learns nothing from validation.
    const account = assertProvinceEditor(request, cluster.properties.provinceId);
    const body = parseLayoutRequest(request);
    checkPlotCount(cluster.geometry, body);
    const result = await layoutCluster(
      store,
      id,
      {
        plotWidthM: body.plotWidthM,
        plotDepthM: body.plotDepthM,
        roadWidthM: body.roadWidthM,
        ...(body.minShare === undefined ? {} : { minPlotShare: body.minShare }),
      },
      { dryRun: body.dryRun, actor: { accountId: account.id, accountName: account.displayName } },
    );
    const answer: PlotLayoutResult = {
      clusterId: id,
      dryRun: body.dryRun,
      plotCount: result.plotCount,
      inserted: result.inserted,
      replaced: result.updated,
      removed: result.removed,
      plotAreaM2: result.plotAreaM2,
      roadAreaM2: result.roadAreaM2,
      boundaryAreaM2: result.boundaryAreaM2,
      parameters: result.parameters,
      illustrativeGeometry: result.geometrySource === 'illustrative',
    };
    response.set('Cache-Control', 'no-store').json(answer);
  });

  return router;
}
