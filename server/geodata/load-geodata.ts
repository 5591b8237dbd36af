import { toNfc } from '../../domain/text.ts';
import { sql } from '../sql/queries.ts';
import type { SqlClient } from '../store/sql-client.ts';
import type { GeodataBundle } from './read-geodata.ts';

export type LoadResult = { loaded: boolean; sources: number; provinces: number; clusters: number };

/**
 * Loads the shipped bundle in one transaction. A bundle already loaded is skipped, and a record
 * already in the database is never overwritten: loading again changes nothing, and a planner's
 * later edits survive a restart. Text is stored in NFC, as every write stores it.
 */
export async function loadGeodata(client: SqlClient, bundle: GeodataBundle): Promise<LoadResult> {
  return client.transaction(async (tx) => {
    const done = await tx.query(sql.geodataLoaded, [bundle.contentHash]);
    if (done.length > 0) return { loaded: false, sources: 0, provinces: 0, clusters: 0 };
    for (const source of bundle.sources)
      await tx.query(sql.insertSource, [source.id, JSON.stringify(toNfc(source))]);
    for (const province of bundle.provinces)
      await tx.query(sql.insertProvince, [province.id, JSON.stringify(toNfc(province))]);
    for (const feature of bundle.clusters.features) {
      const geometry = JSON.stringify(feature.geometry);
      const [problem] = await tx.query<{ reason: string | null }>(sql.geometryProblem, [geometry]);
      if (problem?.reason) throw new Error(`geodata: cluster "${feature.properties.id}": ${problem.reason}`);
      const inserted = await tx.query(sql.insertCluster, [
        feature.properties.id,
        JSON.stringify(toNfc(feature.properties)),
        geometry,
      ]);
      // A cluster's history starts with the record as loaded (one already held is left alone).
      if (inserted.length > 0) await tx.query(sql.auditClusterLoad, [feature.properties.id]);
    }
    await tx.query(sql.recordGeodataLoad, [bundle.contentHash]);
    return {
      loaded: true,
      sources: bundle.sources.length,
      provinces: bundle.provinces.length,
      clusters: bundle.clusters.features.length,
    };
  });
}
