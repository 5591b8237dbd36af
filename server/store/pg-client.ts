import pg from 'pg';
import type { SqlClient } from './sql-client.ts';

type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

function wrap(db: Queryable, pool: pg.Pool): SqlClient {
  const inTransaction = db !== pool;
  return {
    kind: 'postgresql',
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const result = await db.query(text, params as unknown[]);
      return result.rows as Row[];
    },
    async exec(script: string) {
      await db.query(script);
    },
    async transaction<T>(work: (client: SqlClient) => Promise<T>) {
      if (inTransaction) return work(wrap(db, pool));
      const client = await pool.connect();
      // A connection that failed (the server stopped or restarted) goes back to the pool as broken,
      // so the pool closes it instead of lending it to the next request.
      let broken: Error | undefined;
      try {
        await client.query('begin');
        const result = await work(wrap(client, pool));
        await client.query('commit');
        return result;
      } catch (error) {
        try {
          await client.query('rollback');
        } catch (rollbackError) {
          // The original error says what happened; the failed rollback only that the link is gone.
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

export type PgClientOptions = {
  /**
   * Told when an idle pooled connection fails (PostgreSQL stopped or restarted, the network
   * dropped): the pool has already discarded it and opens a new one on the next query. Without a
   * listener, node-postgres's unhandled 'error' event would end the process.
   */
  onConnectionError?: (error: Error) => void;
};

const reportToStderr = (error: Error) => {
  process.stderr.write(
    `${JSON.stringify({ level: 40, time: Date.now(), msg: 'database connection lost; reconnecting on the next query', err: { message: error.message, code: (error as { code?: unknown }).code } })}\n`,
  );
};

/** Connects to a PostgreSQL + PostGIS server (`DATABASE_URL`). */
export async function openPgClient(
  connectionString: string,
  options: PgClientOptions = {},
): Promise<SqlClient> {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    statement_timeout: 15_000,
    // A server that accepts the socket but never answers must not hold a request forever.
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
  });
  pool.on('error', options.onConnectionError ?? reportToStderr);
  // Fail at start, with the server's own message, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  return wrap(pool, pool);
}
