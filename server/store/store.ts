import type { ClusterFeatureCollection, ClusterProperties, Stage } from '../../domain/cluster.ts';
import type { PlotFeature, PlotGeometry, PlotOrigin, PlotProperties } from '../../domain/plot.ts';
import type { PlotQuery } from '../../domain/plot-api.ts';
import type { Province } from '../../domain/province.ts';
import type { Source } from '../../domain/source.ts';
import type { TileSource } from '../tiles/tile-source.ts';

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

/** A cluster's plots of one origin, which a new layout or import replaces as a whole. */
export type PlotReplacement = { clusterId: string; origin: PlotOrigin };

/** What a plot write did, or would do in a dry run. */
export type PlotWriteResult = { inserted: number; updated: number; removed: number };

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
  tiles: TileSource;
  close(): Promise<void>;
}
