import {
  type ClusterFeatureCollection,
  type ClusterFigures,
  ClusterGeometry,
  ClusterProperties,
} from '../../domain/cluster.ts';
import type { PlotFeature } from '../../domain/plot.ts';
import type { PlotQuery } from '../../domain/plot-api.ts';
import { Province } from '../../domain/province.ts';
import { Source } from '../../domain/source.ts';
import { toNfc } from '../../domain/text.ts';
import { createAccountStore } from '../auth/account-store.ts';
import { HttpError, invalidData } from '../errors.ts';
import { postgisCheckGeometry } from '../import/check-geometry.ts';
import { ogcSql } from '../sql/ogc-queries.ts';
import { plotSql } from '../sql/plot-queries.ts';
import { sql } from '../sql/queries.ts';
import { createTileSource } from '../tiles/tile-source.ts';
import { polygonEwkbHex } from './ewkb.ts';
import {
  officialPlotArea,
  type PlotAuditSqlRow,
  type PlotRow,
  plotAuditRowFromSql,
  plotGeometryFromText,
  plotRecordFromRow,
} from './plot-records.ts';
import type { SqlClient } from './sql-client.ts';
import type {
  AtlasStore,
  ClusterAuditRow,
  ClusterFilter,
  FeaturePaging,
  PlotAudit,
  PlotReplacement,
  PlotWriteResult,
} from './store.ts';

/** node-postgres returns jsonb parsed; PGlite too. Both are re-validated: the store is an edge. */
type DocRow = { doc: unknown };
type ClusterRow = DocRow & { geometry: string };

/** Plots written per statement: large imports go in batches, all inside one transaction. */
const PLOT_BATCH_SIZE = 5000;
/** How often a server-backed store looks for writes made by another app process. */
const VERSION_POLL_MS = 1000;

/** A dry run rolls its transaction back by throwing this, carrying what the write would have done. */
class DryRunRollback<T> extends Error {
  constructor(readonly result: T) {
    super('dry run');
  }
}

/** Runs `work` in a transaction that a dry run rolls back, answering what it would have written. */
async function writeOrRollBack<T>(client: SqlClient, dryRun: boolean, work: (tx: SqlClient) => Promise<T>) {
  try {
    return await client.transaction(async (tx) => {
      const result = await work(tx);
      if (dryRun) throw new DryRunRollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result as T;
    throw error;
  }
}

type ClusterImportUpdate = {
  geometry?: ClusterGeometry;
  geometryAsOf?: string | null;
  figures?: Partial<ClusterFigures>;
};

/** An import's boundaries and figures grouped by cluster, so each cluster changes (and is audited) once. */
function updatesByCluster(updates: Parameters<AtlasStore['applyClusterUpdates']>[0]) {
  const byCluster = new Map<string, ClusterImportUpdate>();
  for (const { clusterId, geometry, asOf } of updates.boundaries) {
    byCluster.set(clusterId, { ...byCluster.get(clusterId), geometry, geometryAsOf: asOf });
  }
  for (const { clusterId, figures } of updates.figures) {
    const known = byCluster.get(clusterId);
    byCluster.set(clusterId, { ...known, figures: { ...known?.figures, ...figures } });
  }
  return byCluster;
}

/** A geometry an audit row holds; absent in rows written before boundaries were recorded. */
const auditGeometry = (value: unknown) => {
  const parsed = ClusterGeometry.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

function clusterCollection(rows: ClusterRow[]): ClusterFeatureCollection {
  return {
    type: 'FeatureCollection',
    features: rows.map((row) => {
      const properties = ClusterProperties.parse(row.doc);
      return {
        type: 'Feature',
        id: properties.id,
        geometry: ClusterGeometry.parse(JSON.parse(row.geometry)),
        properties,
      };
    }),
  };
}

function plotFilterParameters(query: PlotQuery): unknown[] {
  const [west, south, east, north] = query.bbox ?? [null, null, null, null];
  return [
    query.provinceId ?? null,
    query.clusterIds?.length ? query.clusterIds : null,
    query.statuses?.length ? query.statuses : null,
    query.minAreaHa === undefined ? null : query.minAreaHa * 10_000,
    query.maxAreaHa === undefined ? null : query.maxAreaHa * 10_000,
    query.minInfrastructurePercent ?? null,
    query.wastewaterCompliant ?? null,
    west,
    south,
    east,
    north,
  ];
}

/** `$west, $south, $east, $north` of a page's bbox, or four nulls. */
function bboxParameters(query: FeaturePaging): unknown[] {
  return query.bbox ? [...query.bbox] : [null, null, null, null];
}

type ExtentRow = { west: number | null; south: number | null; east: number | null; north: number | null };

/** Checks plots against the database before writing: their clusters exist, in the provinces they name. */
async function checkPlotClusters(client: SqlClient, plots: readonly PlotFeature[]) {
  const clusterIds = [...new Set(plots.map((plot) => plot.properties.clusterId))];
  const rows = await client.query<{ id: string; province_id: string }>(plotSql.clusterProvinces, [
    clusterIds,
  ]);
  const provinceOf = new Map(rows.map((row) => [row.id, row.province_id]));
  for (const { properties } of plots) {
    const province = provinceOf.get(properties.clusterId);
    if (province === undefined) {
      throw invalidData(
        `Lô "${properties.label}": không có cụm công nghiệp "${properties.clusterId}".`,
        `Plot "${properties.label}": there is no cluster "${properties.clusterId}".`,
      );
    }
    if (province !== properties.provinceId) {
      throw invalidData(
        `Lô "${properties.label}": cụm "${properties.clusterId}" thuộc tỉnh "${province}", không phải "${properties.provinceId}".`,
        `Plot "${properties.label}": cluster "${properties.clusterId}" is in "${province}", not "${properties.provinceId}".`,
      );
    }
  }
}

/** A plot as the write reads it: its geometry as hex EWKB, its official area measured here. */
type PlotItem = {
  id: string;
  doc: PlotFeature['properties'];
  wkb: string;
  areaM2: number;
  areaMeasure: string;
};

/** A text as an element of an array literal: quoted, its quotes and backslashes escaped. */
const arrayElement = (text: string) => `"${text.replace(/["\\]/g, '\\$&')}"`;

/**
 * The arrays `plotBatchInput` (plot-queries.ts) zips back into rows, $1–$5 of a batch write, as
 * array literals written here in one pass (hex and numbers need no quoting) rather than element
 * by element by the driver.
 */
function plotBatchParameters(items: readonly PlotItem[]): unknown[] {
  return [
    `{${items.map((item) => arrayElement(item.id)).join(',')}}`,
    JSON.stringify(items.map((item) => item.doc)),
    `{${items.map((item) => item.areaM2).join(',')}}`,
    `{${items.map((item) => item.areaMeasure).join(',')}}`,
    `{${items.map((item) => item.wkb).join(',')}}`,
  ];
}

/** SQLSTATE of a row a CHECK constraint refuses. */
const CHECK_VIOLATION = '23514';
/** SQLSTATE of a duplicate key: a plot another writer added after `lockPlots` looked. */
const UNIQUE_VIOLATION = '23505';

/**
 * A batch a CHECK constraint of the plots table refused: an invalid geometry (`plots_geom_check`,
 * the one validity test of a write, so each geometry is tested once) or what an invalid geometry
 * makes of another column (a bowtie's area of 0 fails `plots_area_m2_check` first). The transaction
 * rolls back, then `refusedBatchProblem` finds which plot.
 */
class RefusedPlotBatch extends Error {
  constructor(
    readonly batch: readonly PlotFeature[],
    readonly items: readonly PlotItem[],
    readonly refusal: unknown,
  ) {
    super('a CHECK constraint refused a plot');
  }
}

/** The refused batch's first invalid geometry, named by its label with PostGIS's reason; else the refusal. */
async function refusedBatchProblem(client: SqlClient, refused: RefusedPlotBatch) {
  const [invalid] = await client.query<{ index: number; reason: string }>(plotSql.firstInvalidGeometry, [
    refused.items.map((item) => item.wkb),
  ]);
  if (!invalid) return refused.refusal;
  const label = refused.batch[invalid.index - 1]?.properties.label ?? '?';
  return invalidData(
    `Lô "${label}": hình học không hợp lệ (${invalid.reason}).`,
    `Plot "${label}": invalid geometry (${invalid.reason}).`,
  );
}

/** Plots measured between two yields to the event loop while a batch is being prepared. */
const PREPARE_SLICE = 250;

/**
 * A batch's items, measured and encoded in slices with a yield to the event loop between them, so
 * the previous batch's statements keep going to the database (and its answers come back) meanwhile:
 * the database writes one batch while Node prepares the next.
 */
async function prepareBatch(batch: readonly PlotFeature[]): Promise<PlotItem[]> {
  const items: PlotItem[] = [];
  for (let start = 0; start < batch.length; start += PREPARE_SLICE) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const plot of batch.slice(start, start + PREPARE_SLICE)) {
      items.push({
        id: plot.properties.id,
        // Text in NFC, whatever form the file or the editor's keyboard gave it.
        doc: toNfc(plot.properties),
        wkb: polygonEwkbHex(plot.geometry),
        ...officialPlotArea(plot.geometry, plot.properties.provinceId),
      });
    }
  }
  return items;
}

/** The store over PostGIS, the same SQL on PGlite and on a PostgreSQL server. */
export function createPostgisStore(client: SqlClient, initialVersion: number): AtlasStore {
  let version = initialVersion;
  const refreshDataVersion = async () => {
    const [row] = await client.query<{ version: string }>(plotSql.dataVersion);
    version = Number(row?.version ?? version);
    return version;
  };
  // Another app process on the same server may write: notice within a second. PGlite has one process.
  const poll =
    client.kind === 'postgresql'
      ? setInterval(() => void refreshDataVersion().catch(() => undefined), VERSION_POLL_MS)
      : null;
  poll?.unref();
  const tiles = createTileSource(client, { dataVersion: () => version });

  const listClusterRows = (filter: ClusterFilter) => {
    const stages = filter.stages && filter.stages.length > 0 ? [...filter.stages] : null;
    return client.query<ClusterRow>(sql.listClusters, [filter.provinceId ?? null, stages]);
  };

  /**
   * One batch, written and audited; a refused row (an invalid geometry: the table's checks) stops
   * the write. The plots it replaces are locked first; the new ones (all of them in a first import)
   * go in by a plain insert, the others by the upsert that keeps each one's record before.
   */
  async function writeBatch(
    tx: SqlClient,
    batch: readonly PlotFeature[],
    items: readonly PlotItem[],
    audit: PlotAudit,
    result: PlotWriteResult,
  ) {
    const locked = await tx.query<{ id: string }>(plotSql.lockPlots, [items.map((item) => item.id)]);
    const existing = new Set(locked.map((row) => row.id));
    const added = existing.size === 0 ? items : items.filter((item) => !existing.has(item.id));
    const replacing = existing.size === 0 ? [] : items.filter((item) => existing.has(item.id));
    const auditParameters = [
      audit.actor?.accountId ?? null,
      audit.actor?.accountName ?? null,
      audit.action,
      audit.sourceId,
    ];
    try {
      if (added.length > 0) {
        const [written] = await tx.query<{ inserted: number }>(plotSql.insertPlotsAudited, [
          ...plotBatchParameters(added),
          ...auditParameters,
        ]);
        result.inserted += written?.inserted ?? 0;
      }
      if (replacing.length > 0) {
        const [written] = await tx.query<{ inserted: number; updated: number }>(plotSql.upsertPlotsAudited, [
          ...plotBatchParameters(replacing),
          ...auditParameters,
        ]);
        result.inserted += written?.inserted ?? 0;
        result.updated += written?.updated ?? 0;
      }
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === CHECK_VIOLATION) throw new RefusedPlotBatch(batch, items, error);
      if (code === UNIQUE_VIOLATION) {
        throw new HttpError(
          409,
          'conflict',
          'Một thao tác khác vừa thêm cùng lô đất; không có gì thay đổi. Hãy thử lại.',
          'Another write added the same plots meanwhile; nothing changed. Please try again.',
        );
      }
      throw error;
    }
  }

  async function writePlots(
    tx: SqlClient,
    plots: readonly PlotFeature[],
    replaceOrigin: PlotReplacement | undefined,
    audit: PlotAudit,
  ): Promise<PlotWriteResult> {
    await checkPlotClusters(tx, plots);
    const result: PlotWriteResult = { inserted: 0, updated: 0, removed: 0 };
    // Batches in order, each prepared while the one before is being written; the first problem
    // (an invalid geometry, a refused row) stops the loop and the transaction rolls back whole.
    let writing: Promise<void> = Promise.resolve();
    for (let start = 0; start < plots.length; start += PLOT_BATCH_SIZE) {
      const batch = plots.slice(start, start + PLOT_BATCH_SIZE);
      const items = await Promise.all([prepareBatch(batch), writing]).then(([prepared]) => prepared);
      writing = writeBatch(tx, batch, items, audit, result);
    }
    await writing;
    if (replaceOrigin) {
      const kept = plots.map((plot) => plot.properties.id);
      const removed = await tx.query(plotSql.removeOtherPlotsAudited, [
        replaceOrigin.clusterId,
        replaceOrigin.origin,
        kept,
        audit.actor?.accountId ?? null,
        audit.actor?.accountName ?? null,
        audit.sourceId,
      ]);
      result.removed = removed.length;
    }
    return result;
  }

  return {
    kind: client.kind,
    dataVersion: () => version,
    refreshDataVersion,
    async listProvinces() {
      const rows = await client.query<DocRow & { cluster_count: number }>(sql.listProvinces);
      return rows.map((row) => ({ province: Province.parse(row.doc), clusterCount: row.cluster_count }));
    },
    async getProvince(id) {
      const [row] = await client.query<DocRow>(sql.getProvince, [id]);
      return row ? Province.parse(row.doc) : null;
    },
    async getSources(ids) {
      const rows = await client.query<DocRow>(sql.sourcesByIds, [[...ids]]);
      return rows.map((row) => Source.parse(row.doc));
    },
    async listClusters(filter) {
      return clusterCollection(await listClusterRows(filter));
    },
    async listClusterProperties(provinceId) {
      const rows = await listClusterRows({ provinceId });
      return rows.map((row) => ClusterProperties.parse(row.doc));
    },
    async getClusters(ids) {
      return clusterCollection(await client.query<ClusterRow>(sql.clustersByIds, [[...ids]]));
    },
    async listPlots(query) {
      const parameters = plotFilterParameters(query);
      const [count] = await client.query<{ matched: number }>(plotSql.countPlots, parameters);
      const numberMatched = count?.matched ?? 0;
      if (numberMatched === 0 || query.offset >= numberMatched) return { plots: [], numberMatched };
      const rows = await client.query<PlotRow>(plotSql.listPlots(query.sort), [
        ...parameters,
        query.limit,
        query.offset,
      ]);
      return { plots: rows.map(plotRecordFromRow), numberMatched };
    },
    async listClusterFeatures(query) {
      const parameters = [
        query.id ?? null,
        query.provinceId ?? null,
        query.stage ?? null,
        query.wastewaterState ?? null,
        query.geometrySource ?? null,
        query.infrastructureInvestor ?? null,
        ...bboxParameters(query),
      ];
      const [count] = await client.query<{ matched: number }>(ogcSql.countClusters, parameters);
      const numberMatched = count?.matched ?? 0;
      if (numberMatched === 0 || query.offset >= numberMatched) return { features: [], numberMatched };
      const rows = await client.query<ClusterRow>(ogcSql.listClusters, [
        ...parameters,
        query.limit,
        query.offset,
      ]);
      return { features: clusterCollection(rows).features, numberMatched };
    },
    async listPlotFeatures(query) {
      const parameters = [
        ...plotFilterParameters({
          sort: 'label',
          limit: query.limit,
          offset: query.offset,
          ...(query.provinceId === undefined ? {} : { provinceId: query.provinceId }),
          ...(query.clusterId === undefined ? {} : { clusterIds: [query.clusterId] }),
          ...(query.status === undefined ? {} : { statuses: [query.status] }),
          ...(query.bbox === undefined ? {} : { bbox: query.bbox }),
        }),
        query.origin ?? null,
        query.id ?? null,
      ];
      const [count] = await client.query<{ matched: number }>(ogcSql.countPlots, parameters);
      const numberMatched = count?.matched ?? 0;
      if (numberMatched === 0 || query.offset >= numberMatched) return { plots: [], numberMatched };
      const rows = await client.query<PlotRow & { geometry: string }>(ogcSql.listPlots, [
        ...parameters,
        query.limit,
        query.offset,
      ]);
      const plots = rows.map((row) => ({
        ...plotRecordFromRow(row),
        geometry: plotGeometryFromText(row.geometry),
      }));
      return { plots, numberMatched };
    },
    async listWastewaterPlants(query) {
      const parameters = [
        query.clusterId ?? null,
        query.provinceId ?? null,
        query.state ?? null,
        ...bboxParameters(query),
      ];
      const [count] = await client.query<{ matched: number }>(ogcSql.countWastewaterPlants, parameters);
      const numberMatched = count?.matched ?? 0;
      if (numberMatched === 0 || query.offset >= numberMatched) return { plants: [], numberMatched };
      const rows = await client.query<DocRow & { x: number; y: number }>(ogcSql.listWastewaterPlants, [
        ...parameters,
        query.limit,
        query.offset,
      ]);
      const plants = rows.map((row) => ({
        cluster: ClusterProperties.parse(row.doc),
        point: [row.x, row.y] as [number, number],
      }));
      return { plants, numberMatched };
    },
    async featureLayerExtent(layer) {
      const [row] = await client.query<ExtentRow>(ogcSql.extents[layer]);
      if (!row || row.west === null || row.south === null || row.east === null || row.north === null) {
        return null;
      }
      return [row.west, row.south, row.east, row.north];
    },
    async getPlot(id) {
      const [row] = await client.query<PlotRow & { geometry: string; version: number }>(plotSql.getPlot, [
        id,
      ]);
      return row
        ? { ...plotRecordFromRow(row), geometry: plotGeometryFromText(row.geometry), version: row.version }
        : null;
    },
    async updatePlotBoundary(id, { expectedVersion, geometry, next, actor, sourceId }) {
      const outcome = await client.transaction(async (tx) => {
        const [current] = await tx.query<{ version: number; record: unknown }>(plotSql.lockPlotRecord, [id]);
        if (!current) return { outcome: 'missing' as const };
        if (current.version !== expectedVersion) return { outcome: 'stale' as const };
        const { areaM2, areaMeasure } = officialPlotArea(geometry, next.provinceId);
        const [written] = await tx.query<{ version: number }>(plotSql.updatePlotBoundary, [
          id,
          JSON.stringify(toNfc(next)),
          areaM2,
          areaMeasure,
          JSON.stringify(geometry),
        ]);
        await tx.query(plotSql.auditPlotBoundary, [
          actor.accountId,
          actor.accountName,
          id,
          JSON.stringify(current.record),
          sourceId,
        ]);
        return { outcome: 'written' as const, version: written?.version ?? expectedVersion + 1 };
      });
      if (outcome.outcome === 'written') await refreshDataVersion();
      return outcome;
    },
    async plotOutlines(clusterId, near) {
      const rows = await client.query<{ id: string; label: string; origin: string; geometry: string }>(
        plotSql.plotOutlines,
        [clusterId, near ? JSON.stringify(near) : null],
      );
      return rows.map((row) => ({
        id: row.id,
        label: row.label,
        origin: row.origin === 'generated' ? ('generated' as const) : ('import' as const),
        geometry: plotGeometryFromText(row.geometry),
      }));
    },
    async savePlots(plots, options) {
      const result = await writeOrRollBack(client, options.dryRun ?? false, (tx) =>
        writePlots(tx, plots, options.replaceOrigin, options.audit),
      ).catch(async (error: unknown) => {
        // Rolled back; now name the geometry PostGIS refused, and why, as a planner can act on.
        if (error instanceof RefusedPlotBatch) throw await refusedBatchProblem(client, error);
        throw error;
      });
      if (!options.dryRun) await refreshDataVersion();
      return result;
    },
    async plotHistory(id, limit = 200) {
      const rows = await client.query<PlotAuditSqlRow>(plotSql.plotHistory, [id, limit]);
      return rows.map(plotAuditRowFromSql);
    },
    checkGeometry: postgisCheckGeometry(client),
    async applyClusterUpdates(updates, { dryRun, source, actor, onProgress }) {
      const byCluster = updatesByCluster(updates);
      const result = await writeOrRollBack(client, dryRun, async (tx) => {
        let done = 0;
        for (const [clusterId, update] of byCluster) {
          const [current] = await tx.query<DocRow & { version: number }>(sql.getClusterVersioned, [
            clusterId,
          ]);
          if (!current) {
            throw invalidData(`Không có cụm "${clusterId}".`, `There is no cluster "${clusterId}".`);
          }
          const before = ClusterProperties.parse(current.doc);
          const next = ClusterProperties.parse({
            ...before,
            figures: { ...before.figures, ...update.figures },
            ...(update.geometry
              ? {
                  geometrySource: 'import',
                  geometryNote: undefined,
                  geometrySourceId: source,
                  geometryAsOf: update.geometryAsOf ?? null,
                }
              : {}),
            sourceIds: before.sourceIds.includes(source) ? before.sourceIds : [...before.sourceIds, source],
          });
          const geometry = update.geometry ? JSON.stringify(update.geometry) : null;
          if (geometry) {
            const [problem] = await tx.query<{ reason: string | null }>(sql.geometryProblem, [geometry]);
            if (problem?.reason) {
              throw invalidData(
                `Ranh giới cụm "${clusterId}" không hợp lệ (${problem.reason}).`,
                `The boundary of cluster "${clusterId}" is invalid (${problem.reason}).`,
              );
            }
          }
          await tx.query(sql.importClusterUpdate, [clusterId, JSON.stringify(toNfc(next)), geometry]);
          await tx.query(sql.auditClusterImport, [
            actor?.accountId ?? null,
            actor?.accountName ?? null,
            clusterId,
            JSON.stringify(before),
            current.version,
            source,
          ]);
          done += 1;
          onProgress?.({ phase: 'write', done, total: byCluster.size });
        }
        return {
          boundariesUpdated: [...byCluster.values()].filter((update) => update.geometry).length,
          figuresUpdated: [...byCluster.values()].filter((update) => update.figures).length,
        };
      });
      if (!dryRun) await refreshDataVersion();
      return result;
    },
    async saveSource(source) {
      await client.query(sql.insertSource, [source.id, JSON.stringify(toNfc(Source.parse(source)))]);
      await refreshDataVersion();
    },
    async getClusterVersioned(id) {
      const [row] = await client.query<ClusterRow & { version: number }>(sql.getClusterVersioned, [id]);
      if (!row) return null;
      const [feature] = clusterCollection([row]).features;
      return feature ? { feature, version: row.version } : null;
    },
    async updateCluster(id, { expectedVersion, next, actor, sourceId }) {
      const outcome = await client.transaction(async (tx) => {
        const [current] = await tx.query<DocRow & { version: number }>(sql.getClusterVersioned, [id]);
        if (!current) return { outcome: 'missing' as const };
        const [written] = await tx.query<{ version: number }>(sql.updateClusterIfVersion, [
          id,
          JSON.stringify(toNfc(next)),
          expectedVersion,
        ]);
        if (!written) return { outcome: 'stale' as const };
        await tx.query(sql.auditClusterUpdate, [
          actor.accountId,
          actor.accountName,
          id,
          JSON.stringify(current.doc),
          current.version,
          sourceId,
        ]);
        return { outcome: 'written' as const, version: written.version };
      });
      if (outcome.outcome === 'written') await refreshDataVersion();
      return outcome;
    },
    async updateClusterBoundary(id, { expectedVersion, geometry, next, actor, sourceId }) {
      const outcome = await client.transaction(async (tx) => {
        const [current] = await tx.query<ClusterRow & { version: number }>(sql.getClusterVersioned, [id]);
        if (!current) return { outcome: 'missing' as const };
        const [written] = await tx.query<{ version: number }>(sql.updateClusterBoundaryIfVersion, [
          id,
          JSON.stringify(toNfc(next)),
          expectedVersion,
          JSON.stringify(geometry),
        ]);
        if (!written) return { outcome: 'stale' as const };
        await tx.query(sql.auditClusterBoundary, [
          actor.accountId,
          actor.accountName,
          id,
          JSON.stringify(current.doc),
          current.version,
          current.geometry,
          sourceId,
        ]);
        return { outcome: 'written' as const, version: written.version };
      });
      if (outcome.outcome === 'written') await refreshDataVersion();
      return outcome;
    },
    async clustersNear(geometry, excludeId) {
      const rows = await client.query<ClusterRow>(sql.clustersNear, [excludeId, JSON.stringify(geometry)]);
      return clusterCollection(rows).features;
    },
    async listClustersAsOf(date, provinceId) {
      return clusterCollection(await client.query<ClusterRow>(sql.clustersAsOf, [date, provinceId ?? null]));
    },
    async clusterHistory(id, afterVersion = 0, limit = 200) {
      const rows = await client.query<{
        at: Date | string;
        account_name: string | null;
        action: ClusterAuditRow['action'];
        source_id: string | null;
        before: { doc: unknown; version: number; geometry?: unknown } | null;
        after: { doc: unknown; version: number; geometry?: unknown };
      }>(sql.clusterHistory, [id, afterVersion, limit]);
      return rows.map((row) => ({
        at: new Date(row.at).toISOString(),
        accountName: row.account_name,
        action: row.action,
        sourceId: row.source_id,
        before: row.before
          ? {
              doc: ClusterProperties.parse(row.before.doc),
              version: row.before.version,
              geometry: auditGeometry(row.before.geometry),
            }
          : null,
        after: {
          doc: ClusterProperties.parse(row.after.doc),
          version: row.after.version,
          geometry: auditGeometry(row.after.geometry),
        },
      }));
    },
    tiles,
    accounts: createAccountStore(client),
    close: async () => {
      if (poll) clearInterval(poll);
      await client.close();
    },
  };
}
