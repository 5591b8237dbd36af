/**
 * The one thing the store needs from a database: parameterized queries, scripts and transactions.
 * PGlite (embedded) and node-postgres (a PostgreSQL + PostGIS server) both implement it, so the
 * same SQL runs on either.
 */
export interface SqlClient {
  /** One statement with `$1…` parameters. */
  query<Row>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** A script of several statements, no parameters (migrations). */
  exec(script: string): Promise<void>;
  /** Runs `work` in one transaction: all of it is written, or none. */
  transaction<T>(work: (client: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** `pglite` or `postgresql`, for logs and health. */
  readonly kind: 'pglite' | 'postgresql';
}
