import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import type { Geometry } from 'geojson';
import type { SqlClient } from '../store/sql-client.ts';

/**
 * Checks one geometry (GeoJSON, WGS84) with PostGIS: null when valid, else PostGIS's own reason
 * (`ST_IsValidReason`, e.g. "Self-intersection[108.97 12.28]"), or the parser's message when
 * PostGIS cannot even read it. The store provides it, so PGlite and PostgreSQL give the same words.
 */
export type CheckGeometry = (geometry: Geometry) => Promise<string | null>;

/** Parameterized: the geometry is a parameter, never part of the SQL text. */
export const checkGeometrySql = `
  select ST_IsValid(g) as valid, ST_IsValidReason(g) as reason
  from (select ST_GeomFromGeoJSON($1::text) as g) as parsed`;

/**
 * A `CheckGeometry` over any SQL client with PostGIS. A geometry PostGIS refuses to parse (an
 * unclosed ring, too few points) gives the database's error message as its reason.
 */
export function postgisCheckGeometry(client: Pick<SqlClient, 'query'>): CheckGeometry {
  return async (geometry) => {
    try {
      const [row] = await client.query<{ valid: boolean; reason: string }>(checkGeometrySql, [
        JSON.stringify(geometry),
      ]);
      return row?.valid ? null : (row?.reason ?? 'unreadable geometry');
    } catch (error) {
      return (error as Error).message;
    }
  };
}

/**
 * An in-memory PostGIS (PGlite, no data directory) only for checking geometries, for tools that run
 * beside a store which does not offer `checkGeometry` itself. It takes a few seconds to start.
 */
export async function openScratchGeometryCheck(): Promise<{
  check: CheckGeometry;
  close: () => Promise<void>;
}> {
  const db = await PGlite.create({ extensions: { postgis } });
  await db.exec('create extension if not exists postgis');
  const client = {
    async query<Row>(text: string, params: readonly unknown[] = []) {
      return (await db.query<Row>(text, params as unknown[])).rows;
    },
  };
  return { check: postgisCheckGeometry(client), close: () => db.close() };
}
