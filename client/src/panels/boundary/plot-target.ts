import { checkPlotBoundary, type NeighbourPlot } from '../../../../domain/boundary-check.ts';
import type { ClusterGeometry } from '../../../../domain/cluster.ts';
import { PlotDetail } from '../../../../domain/plot-api.ts';
import { provinceCentralMeridian } from '../../../../domain/vn2000.ts';
import { getJson, sendJson } from '../../api/client.ts';
import type { BoundaryTarget } from './BoundaryEditor.tsx';

const plotEtag = (id: string, version: number) => `"plot-${id}-v${version}"`;

/**
 * A plot's boundary as the drawing panel edits it: checked against the cluster's other plots and
 * the cluster's boundary, saved over the version the plot was read at.
 */
export function plotBoundaryTarget(
  plot: PlotDetail,
  cluster: { geometry: ClusterGeometry; illustrative: boolean },
  neighbours: readonly NeighbourPlot[],
  title: string,
): BoundaryTarget {
  const id = plot.properties.id;
  const path = `/api/plots/${encodeURIComponent(id)}`;
  return {
    id: `plot-${id}`,
    title,
    check: (geometry) =>
      checkPlotBoundary(geometry, {
        plotId: id,
        cluster,
        centralMeridianDegrees: provinceCentralMeridian(plot.properties.provinceId),
        neighbours,
      }),
    initialSourceId: plot.properties.geometrySourceId ?? plot.properties.sourceId ?? '',
    loadVersion: async (signal) => plotEtag(id, (await getJson(path, PlotDetail, signal)).version),
    save: async (change, options) => {
      // The check refused several parts; what is saved is the one polygon.
      const geometry =
        change.geometry.type === 'MultiPolygon'
          ? { type: 'Polygon' as const, coordinates: change.geometry.coordinates[0] ?? [] }
          : change.geometry;
      const result = await sendJson(
        'PUT',
        `${path}/boundary`,
        { ...change, geometry },
        { csrfToken: options.csrfToken, ifMatch: options.etag },
      );
      return (result.body as { version: number }).version;
    },
  };
}
