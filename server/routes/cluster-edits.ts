import { type Request, type RequestHandler, Router } from 'express';
import { measureArea } from '../../domain/area.ts';
import { BoundaryChange } from '../../domain/boundary-change.ts';
import { checkBoundary } from '../../domain/boundary-check.ts';
import { ClusterProperties } from '../../domain/cluster.ts';
import { applyClusterChange, ClusterChange, diffCluster } from '../../domain/cluster-change.ts';
import type { ClusterHistory, ClusterHistoryEntry, ClusterRecord, StaleWrite } from '../../domain/history.ts';
import { provinceCentralMeridian } from '../../domain/vn2000.ts';
import { HttpError, notFound } from '../errors.ts';
import type { Actor, AtlasStore, ClusterAuditRow, VersionedCluster } from '../store/store.ts';
import { boundaryRefusal, citedSource } from './boundary-writes.ts';
import { jsonBody, parseBody } from './json-body.ts';
import { rejectUnknownParameters } from './query-params.ts';

const CLUSTER_ID = /^[a-z0-9-]{1,64}$/;

/** The strong ETag of a cluster's version: what If-Match must name to write over it. */
export const clusterEtag = (id: string, version: number) => `"cluster-${id}-v${version}"`;

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

/** The version an If-Match header names for this cluster, or a 428 that says what to send. */
function expectedVersion(request: Request, id: string): number {
  const header = request.get('If-Match');
  const match = header?.trim().match(new RegExp(`^"cluster-${id}-v(\\d{1,9})"$`));
  if (!match?.[1]) {
    throw new HttpError(
      428,
      'precondition_required',
      'Thiếu tiêu đề If-Match: hãy gửi ETag của phiên bản cụm bạn đã đọc, để không ghi đè thay đổi của người khác.',
      'If-Match is missing: send the ETag of the cluster version you read, so no one else’s change is overwritten.',
    );
  }
  return Number(match[1]);
}

/** A redrawn boundary in the timeline: its area before and after, in the province's plane. */
function boundaryDifference(row: ClusterAuditRow) {
  const before = row.before?.geometry;
  const after = row.after.geometry;
  if (!before || !after || JSON.stringify(before) === JSON.stringify(after)) return [];
  const meridian = provinceCentralMeridian(row.after.doc.provinceId);
  const hectares = (geometry: typeof after) => {
    const measured = measureArea(geometry, { centralMeridianDegrees: meridian });
    return Math.round((measured.vn2000PlaneHectares ?? measured.geodesicHectares) * 100) / 100;
  };
  return [{ path: 'boundary', before: { areaHa: hectares(before) }, after: { areaHa: hectares(after) } }];
}

function historyEntry(row: ClusterAuditRow): ClusterHistoryEntry {
  return {
    at: row.at,
    accountName: row.accountName,
    action: row.action,
    sourceId: row.sourceId,
    version: row.after.version,
    differences: row.before
      ? [...diffCluster(row.before.doc, row.after.doc), ...boundaryDifference(row)]
      : [],
  };
}

const record = ({ feature, version }: VersionedCluster): ClusterRecord => ({ feature, version });

async function staleWrite(store: AtlasStore, id: string, since: number): Promise<StaleWrite> {
  const current = await store.getClusterVersioned(id);
  if (!current) throw notFound({ vi: `cụm công nghiệp "${id}"`, en: `Cluster "${id}"` });
  return {
    error: {
      code: 'stale',
      message_vi: `Cụm đã được người khác sửa sau khi bạn mở (phiên bản ${since} → ${current.version}). Xem các thay đổi, rồi sửa lại trên bản mới nhất.`,
      message_en: `Someone changed this cluster after you opened it (version ${since} → ${current.version}). Review their changes, then edit the latest version.`,
    },
    current: record(current),
    changesSince: (await store.clusterHistory(id, since)).map(historyEntry),
  };
}

export type ClusterEditGuards = {
  /** Who may edit this cluster: answers 401/403 itself, and gives the actor when allowed. */
  editorOf: (request: Request, provinceId: string) => Promise<Actor>;
  /** Checks the CSRF token and origin of a write. */
  csrf: RequestHandler;
};

/**
 * `/api/clusters/{id}` (with the version as a strong ETag), its history, and `PATCH` for editors:
 * If-Match is required (428 without), a stale one gets 412 with what changed meanwhile, and an
 * accepted change writes the cluster and exactly one audit row in one transaction.
 */
export function clusterEditRoutes(getStore: () => Promise<AtlasStore>, guards: ClusterEditGuards): Router {
  const router = Router();

  router.get('/clusters/:id', async (request, response) => {
    rejectUnknownParameters(request, []);
    const id = clusterId(request);
    const found = await (await getStore()).getClusterVersioned(id);
    if (!found) throw notFound({ vi: `cụm công nghiệp "${id}"`, en: `Cluster "${id}"` });
    response.set('ETag', clusterEtag(id, found.version)).json(record(found));
  });

  router.get('/clusters/:id/history', async (request, response) => {
    rejectUnknownParameters(request, []);
    const id = clusterId(request);
    const store = await getStore();
    if (!(await store.getClusterVersioned(id))) {
      throw notFound({ vi: `cụm công nghiệp "${id}"`, en: `Cluster "${id}"` });
    }
    const history: ClusterHistory = { entries: (await store.clusterHistory(id)).map(historyEntry) };
    response.json(history);
  });

  router.patch('/clusters/:id', guards.csrf, jsonBody, async (request, response) => {
    rejectUnknownParameters(request, []);
    const id = clusterId(request);
    const store = await getStore();
    const found = await store.getClusterVersioned(id);
    if (!found) throw notFound({ vi: `cụm công nghiệp "${id}"`, en: `Cluster "${id}"` });
    const actor = await guards.editorOf(request, found.feature.properties.provinceId);
    const version = expectedVersion(request, id);
    const change = parseBody(request, ClusterChange);
    const source = await citedSource(store, change.source.sourceId);
    if (version !== found.version) {
      response.status(412).json(await staleWrite(store, id, version));
      return;
    }
    const next = ClusterProperties.parse(applyClusterChange(found.feature.properties, change));
    const written = await store.updateCluster(id, {
      expectedVersion: version,
      next,
      actor,
      sourceId: source.id,
    });
    if (written.outcome === 'missing')
      throw notFound({ vi: `cụm công nghiệp "${id}"`, en: `Cluster "${id}"` });
    if (written.outcome === 'stale') {
      response.status(412).json(await staleWrite(store, id, version));
      return;
    }
    const body: ClusterRecord = {
      feature: { ...found.feature, properties: next },
      version: written.version,
    };
    response.set('ETag', clusterEtag(id, written.version)).json(body);
  });

  /**
   * A boundary drawn on the map: checked as the editor's panel checked it live (crossings, overlaps
   * with other clusters, area against the declared one), then by PostGIS; refused with every reason
   * (422), else written with one audit row holding the old and the new shape.
   */
  router.put('/clusters/:id/boundary', guards.csrf, jsonBody, async (request, response) => {
    rejectUnknownParameters(request, []);
    const id = clusterId(request);
    const store = await getStore();
    const found = await store.getClusterVersioned(id);
    if (!found) throw notFound({ vi: `cụm công nghiệp "${id}"`, en: `Cluster "${id}"` });
    const cluster = found.feature.properties;
    const actor = await guards.editorOf(request, cluster.provinceId);
    const version = expectedVersion(request, id);
    const change = parseBody(request, BoundaryChange);
    const source = await citedSource(store, change.source.sourceId);
    if (version !== found.version) {
      response.status(412).json(await staleWrite(store, id, version));
      return;
    }
    const check = checkBoundary(change.geometry, {
      cluster,
      centralMeridianDegrees: provinceCentralMeridian(cluster.provinceId),
      neighbours: await store.clustersNear(change.geometry, id),
    });
    // PostGIS has the last word (a hole outside its shell, overlapping parts of a multipolygon).
    const postgisReason = check.acceptable ? await store.checkGeometry(change.geometry) : null;
    if (!check.acceptable || postgisReason) {
      response.status(422).json(boundaryRefusal(check, postgisReason));
      return;
    }
    const next = ClusterProperties.parse({
      ...cluster,
      geometrySource: 'drawn',
      geometryNote: undefined,
      geometrySourceId: source.id,
      geometryAsOf: change.source.asOf,
      sourceIds: cluster.sourceIds.includes(source.id)
        ? cluster.sourceIds
        : [...cluster.sourceIds, source.id],
    });
    const written = await store.updateClusterBoundary(id, {
      expectedVersion: version,
      geometry: change.geometry,
      next,
      actor,
      sourceId: source.id,
    });
    if (written.outcome === 'missing')
      throw notFound({ vi: `cụm công nghiệp "${id}"`, en: `Cluster "${id}"` });
    if (written.outcome === 'stale') {
      response.status(412).json(await staleWrite(store, id, version));
      return;
    }
    const saved = await store.getClusterVersioned(id);
    if (!saved) throw notFound({ vi: `cụm công nghiệp "${id}"`, en: `Cluster "${id}"` });
    response.set('ETag', clusterEtag(id, saved.version)).json(record(saved));
  });

  return router;
}
