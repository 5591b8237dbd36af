import type {
  ClusterFeature,
  ClusterFeatureCollection,
  ClusterProperties,
  GeometrySource,
  Stage,
  WastewaterPlantState,
} from '../../domain/cluster.ts';
import type { PlotFeature, PlotGeometry, PlotOrigin, PlotProperties, PlotStatus } from '../../domain/plot.ts';
import type { PlotQuery } from '../../domain/plot-api.ts';
import type { Province } from '../../domain/province.ts';
import type { Source } from '../../domain/source.ts';
import type { AccountStore } from '../auth/account-store.ts';
import type { ImportTarget } from '../import/apply-import.ts';
import type { CheckGeometry } from '../import/check-geometry.ts';
import type { LonLatBounds, TileSource } from '../tiles/tile-source.ts';

export type ProvinceWithCount = { province: Province; clusterCount: number };
export type ClusterFilter = { provinceId?: string; stages?: readonly Stage[] };

/** A plot as stored: its record, its measured area and where it lies. */
export type PlotRecord = {
  properties: PlotProperties;
  areaM2: number;
  areaMeasure: 'vn2000-plane' | 'ellipsoid';
  centroid: [number, number];
  bbox: [number, number, number, number];
};

/** Who makes a change, as the audit log records it. */
export type Actor = { accountId: string; accountName: string };

/** A cluster with the version its ETag names. */
export type VersionedCluster = { feature: ClusterFeature; version: number };

/** A stored change, as the audit log holds it. */
export type ClusterAuditRow = {
  at: string;
  accountName: string | null;
  action: 'load' | 'update' | 'import' | 'layout';
  sourceId: string | null;
  before: { doc: ClusterProperties; version: number } | null;
  after: { doc: ClusterProperties; version: number };
};

/** A cluster's plots of one origin, which a new layout or import replaces as a whole. */
export type PlotReplacement = { clusterId: string; origin: PlotOrigin };

/** What a plot write did, or would do in a dry run. */
export type PlotWriteResult = { inserted: number; updated: number; removed: number };

/** The layers served as OGC API – Features collections. */
export type FeatureLayerId = 'clusters' | 'plots' | 'wastewater-plants';

/** A page of features: bbox in lon/lat (west, south, east, north), ordered by id. */
export type FeaturePaging = { bbox?: LonLatBounds; limit: number; offset: number };

/** Cluster features to read; removed clusters included. Absent fields do not filter. */
export type ClusterFeatureQuery = FeaturePaging & {
  id?: string;
  provinceId?: string;
  stage?: Stage;
  wastewaterState?: WastewaterPlantState;
  geometrySource?: GeometrySource;
  infrastructureInvestor?: 'enterprise' | 'state-budget';
};

/** Plot features to read. Absent fields do not filter. */
export type PlotFeatureQuery = FeaturePaging & {
  id?: string;
  provinceId?: string;
  clusterId?: string;
  status?: PlotStatus;
  origin?: PlotOrigin;
};

/** Wastewater plants to read, by their cluster. Absent fields do not filter. */
export type WastewaterPlantQuery = FeaturePaging & {
  clusterId?: string;
  provinceId?: string;
  state?: WastewaterPlantState;
};

/** A cluster's wastewater plant, placed at a point inside the cluster (PostGIS ST_PointOnSurface). */
export type WastewaterPlantRecord = { cluster: ClusterProperties; point: [number, number] };

/** What the routes read and the tools write. One implementation over SQL (PGlite or PostgreSQL). */
export interface AtlasStore {
  readonly kind: 'pglite' | 'postgresql';
  /** Changes whenever the data does, so answers cached in memory know when to go. */
  dataVersion(): number;
  /** Reads the version from the database now: another process may have written. */
  refreshDataVersion(): Promise<number>;
  listProvinces(): Promise<ProvinceWithCount[]>;
  getProvince(id: string): Promise<Province | null>;
  getSources(ids: readonly string[]): Promise<Source[]>;
  listClusters(filter: ClusterFilter): Promise<ClusterFeatureCollection>;
  listClusterProperties(provinceId: string): Promise<ClusterProperties[]>;
  /** Clusters by id, with their geometry; unknown ids are left out. */
  getClusters(ids: readonly string[]): Promise<ClusterFeatureCollection>;
  listPlots(query: PlotQuery): Promise<{ plots: PlotRecord[]; numberMatched: number }>;
  getPlot(id: string): Promise<(PlotRecord & { geometry: PlotGeometry }) | null>;
  /** One page of clusters with their geometry, ordered by id, and how many match in all. */
  listClusterFeatures(
    query: ClusterFeatureQuery,
  ): Promise<{ features: ClusterFeature[]; numberMatched: number }>;
  /** One page of plots with their geometry, ordered by id, and how many match in all. */
  listPlotFeatures(
    query: PlotFeatureQuery,
  ): Promise<{ plots: (PlotRecord & { geometry: PlotGeometry })[]; numberMatched: number }>;
  /** One page of the wastewater plants clusters report, ordered by cluster id, and how many match. */
  listWastewaterPlants(
    query: WastewaterPlantQuery,
  ): Promise<{ plants: WastewaterPlantRecord[]; numberMatched: number }>;
  /** A layer's extent in lon/lat; null when it holds nothing. */
  featureLayerExtent(layer: FeatureLayerId): Promise<LonLatBounds | null>;
  /**
   * Writes plots in one transaction: inserted or replaced by id. With `replaceOrigin`, the
   * cluster's existing plots of that origin not in `plots` are removed (a new layout replaces the
   * old one). Each geometry is checked by PostGIS; an invalid one fails the whole write.
   */
  savePlots(
    plots: readonly PlotFeature[],
    options?: { replaceOrigin?: PlotReplacement; dryRun?: boolean },
  ): Promise<PlotWriteResult>;
  /** Records a source document; one already held under that id is kept as it is. */
  saveSource(source: Source): Promise<void>;
  /** A cluster with its version, for ETags; null when there is none. */
  getClusterVersioned(id: string): Promise<VersionedCluster | null>;
  /**
   * Writes a cluster's next record if its stored version is still `expectedVersion`, with one
   * audit row in the same transaction; `stale` when someone wrote first (nothing is written).
   */
  updateCluster(
    id: string,
    change: { expectedVersion: number; next: ClusterProperties; actor: Actor; sourceId: string },
  ): Promise<{ outcome: 'written'; version: number } | { outcome: 'stale' } | { outcome: 'missing' }>;
  /**
   * The clusters as the data recorded them at the end of `date` (UTC): each as last written on or
   * before it, none that were not held yet. The map and dashboard of a past date or reporting period.
   */
  listClustersAsOf(date: string, provinceId?: string): Promise<ClusterFeatureCollection>;
  /** A cluster's recorded changes after `afterVersion` (0: all), newest first. */
  clusterHistory(id: string, afterVersion?: number, limit?: number): Promise<ClusterAuditRow[]>;
  /** PostGIS's verdict on a geometry: null when valid, else its reason. */
  checkGeometry: CheckGeometry;
  /** Writes an import's boundaries and figures: see `ImportTarget`. */
  applyClusterUpdates: ImportTarget['applyClusterUpdates'];
  tiles: TileSource;
  /** Accounts and their sessions (server/auth/account-store.ts). */
  accounts: AccountStore;
  close(): Promise<void>;
}
