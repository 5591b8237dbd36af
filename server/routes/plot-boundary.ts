import { type Request, type RequestHandler, Router } from 'express';
import { z } from 'zod';
import { checkPlotBoundary } from '../../domain/boundary-check.ts';
import { PlotGeometry, PlotProperties } from '../../domain/plot.ts';
import type { PlotOutlines } from '../../domain/plot-api.ts';
import { IsoDate } from '../../domain/text.ts';
import { provinceCentralMeridian } from '../../domain/vn2000.ts';
import { requireRole } from '../auth/middleware.ts';
import { HttpError, notFound } from '../errors.ts';
import type { Actor, AtlasStore } from '../store/store.ts';
import { boundaryRefusal, citedSource, ifMatchVersion } from './boundary-writes.ts';
import { jsonBody, parseBody } from './json-body.ts';
import { rejectUnknownParameters } from './query-params.ts';

const PLOT_ID = /^[a-z0-9-]{1,80}$/;
const CLUSTER_ID = /^[a-z0-9-]{1,64}$/;

/** A plot redrawn on the map: one polygon (a lot is one piece of land), and the document it follows. */
const PlotBoundaryChange = z
  .object({
    geometry: PlotGeometry,
    source: z.object({ sourceId: z.string().regex(/^[a-z0-9-]{1,64}$/), asOf: IsoDate }),
  })
  .strict();

function pathId(request: Request, pattern: RegExp, what: { vi: string; en: string }): string {
  const id = String(request.params.id);
  if (!pattern.test(id)) {
    throw new HttpError(
      400,
      'invalid_parameter',
      `Mã ${what.vi} không hợp lệ: "${id.slice(0, 80)}".`,
      `Invalid ${what.en} id: "${id.slice(0, 80)}".`,
    );
  }
  return id;
}

export type PlotBoundaryGuards = {
  /** Who may edit in this province: answers 401/403 itself, and gives the actor when allowed. */
  editorOf: (request: Request, provinceId: string) => Promise<Actor>;
  csrf: RequestHandler;
};

/**
 * `GET /api/clusters/{id}/plot-outlines` (what a redrawn plot may overlap, for the live check) and
 * `PUT /api/plots/{id}/boundary` for editors: If-Match on the plot's version, the same check the
 * panel ran (crossings, overlaps with the cluster's other plots, land outside the cluster), then
 * PostGIS; the plot, its measured area and one audit row are written together.
 */
export function plotBoundaryRoutes(getStore: () => Promise<AtlasStore>, guards: PlotBoundaryGuards): Router {
  const router = Router();

  router.get('/clusters/:id/plot-outlines', async (request, response) => {
    rejectUnknownParameters(request, []);
    const id = pathId(request, CLUSTER_ID, { vi: 'cụm', en: 'cluster' });
    const store = await getStore();
    if (!(await store.getClusterVersioned(id))) {
      throw notFound({ vi: `cụm công nghiệp "${id}"`, en: `Cluster "${id}"` });
    }
    const body: PlotOutlines = { plots: await store.plotOutlines(id) };
    response.set('Cache-Control', 'no-store').json(body);
  });

  // The role comes first: a viewer learns nothing about which plots exist.
  router.put(
    '/plots/:id/boundary',
    guards.csrf,
    requireRole('admin', 'editor'),
    jsonBody,
    async (request, response) => {
      rejectUnknownParameters(request, []);
      const id = pathId(request, PLOT_ID, { vi: 'lô', en: 'plot' });
      const store = await getStore();
      const plot = await store.getPlot(id);
      if (!plot) throw notFound({ vi: `lô đất "${id}"`, en: `Plot "${id}"` });
      const actor = await guards.editorOf(request, plot.properties.provinceId);
      const version = ifMatchVersion(request.get('If-Match'), 'plot', id);
      const change = parseBody(request, PlotBoundaryChange);
      const source = await citedSource(store, change.source.sourceId);
      const stale = () =>
        response.status(412).json({
          error: {
            code: 'stale',
            message_vi: `Lô đã được người khác sửa sau khi bạn mở (phiên bản ${version} → ${plot.version}). Hãy mở lại lô rồi vẽ trên bản mới nhất.`,
            message_en: `Someone changed this plot after you opened it (version ${version} → ${plot.version}). Open the plot again and draw on the latest version.`,
          },
        });
      if (version !== plot.version) return void stale();

      const [cluster] = (await store.getClusters([plot.properties.clusterId])).features;
      if (!cluster)
        throw notFound({
          vi: `cụm "${plot.properties.clusterId}"`,
          en: `Cluster "${plot.properties.clusterId}"`,
        });
      const check = checkPlotBoundary(change.geometry, {
        plotId: id,
        cluster: {
          geometry: cluster.geometry,
          illustrative: cluster.properties.geometrySource === 'illustrative',
        },
        centralMeridianDegrees: provinceCentralMeridian(plot.properties.provinceId),
        neighbours: await store.plotOutlines(plot.properties.clusterId, change.geometry),
      });
      const postgisReason = check.acceptable ? await store.checkGeometry(change.geometry) : null;
      if (!check.acceptable || postgisReason) {
        response.status(422).json(boundaryRefusal(check, postgisReason));
        return;
      }
      const next = PlotProperties.parse({
        ...plot.properties,
        geometrySourceId: source.id,
        geometryAsOf: change.source.asOf,
      });
      const written = await store.updatePlotBoundary(id, {
        expectedVersion: version,
        geometry: change.geometry,
        next,
        actor,
        sourceId: source.id,
      });
      if (written.outcome === 'missing') throw notFound({ vi: `lô đất "${id}"`, en: `Plot "${id}"` });
      if (written.outcome === 'stale') return void stale();
      const saved = await store.getPlot(id);
      response.set('Cache-Control', 'no-store').json({
        id,
        version: written.version,
        areaM2: saved?.areaM2 ?? null,
        areaMeasure: saved?.areaMeasure ?? null,
      });
    },
  );

  return router;
}
