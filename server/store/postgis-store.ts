import { ClusterGeometry, ClusterProperties } from '../../domain/cluster.ts';
import { Province } from '../../domain/province.ts';
import { Source } from '../../domain/source.ts';
import { sql } from '../sql/queries.ts';
import type { SqlClient } from './sql-client.ts';
import type { AtlasStore, ClusterFilter } from './store.ts';

/** node-postgres returns jsonb parsed; PGlite too. Both are re-validated: the store is an edge. */
type DocRow = { doc: unknown };

/** The store over PostGIS, the same SQL on PGlite and on a PostgreSQL server. */
export function createPostgisStore(client: SqlClient): AtlasStore {
  async function listClusterRows(filter: ClusterFilter) {
    const stages = filter.stages && filter.stages.length > 0 ? [...filter.stages] : null;
    return client.query<DocRow & { geometry: string }>(sql.listClusters, [filter.provinceId ?? null, stages]);
  }

  // Nothing writes yet besides the geodata load at start; writes will bump this.
  const version = 0;
  return {
    kind: client.kind,
    dataVersion: () => version,
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
      const rows = await listClusterRows(filter);
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
    },
    async listClusterProperties(provinceId) {
      const rows = await listClusterRows({ provinceId });
      return rows.map((row) => ClusterProperties.parse(row.doc));
    },
    close: () => client.close(),
  };
}
