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
      try {
        await client.query('begin');
        const result = await work(wrap(client, pool));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback');
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Connects to a PostgreSQL + PostGIS server (`DATABASE_URL`). */
export async function openPgClient(connectionString: string): Promise<SqlClient> {
  const pool = new pg.Pool({ connectionString, max: 10, statement_timeout: 15_000 });
  // Fail at start, with the server's own message, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  return wrap(pool, pool);
}
