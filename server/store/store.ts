import type { ClusterFeatureCollection, ClusterProperties, Stage } from '../../domain/cluster.ts';
import type { Province } from '../../domain/province.ts';
import type { Source } from '../../domain/source.ts';

export type ProvinceWithCount = { province: Province; clusterCount: number };
export type ClusterFilter = { provinceId?: string; stages?: readonly Stage[] };

/** What the routes read. One implementation over SQL (PGlite or PostgreSQL). */
export interface AtlasStore {
  readonly kind: 'pglite' | 'postgresql';
  /** Changes whenever the data does, so answers cached in memory know when to go. */
  dataVersion(): number;
  listProvinces(): Promise<ProvinceWithCount[]>;
  getProvince(id: string): Promise<Province | null>;
  getSources(ids: readonly string[]): Promise<Source[]>;
  listClusters(filter: ClusterFilter): Promise<ClusterFeatureCollection>;
  listClusterProperties(provinceId: string): Promise<ClusterProperties[]>;
  close(): Promise<void>;
}
