import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { lockDataDir } from './data-dir-lock.ts';
import type { SqlClient } from './sql-client.ts';

type Queryable = Pick<PGlite, 'query' | 'exec'> | Transaction;

function wrap(db: Queryable, root: PGlite, unlock: () => void): SqlClient {
  return {
    kind: 'pglite',
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const result = await db.query<Row>(text, params as unknown[]);
      return result.rows;
    },
    async exec(script: string) {
      await db.exec(script);
    },
    transaction<T>(work: (client: SqlClient) => Promise<T>) {
      // Already inside a transaction: PGlite has one connection, so nest by reusing it.
      if (db !== root) return work(wrap(db, root, unlock));
      return root.transaction((tx) => work(wrap(tx, root, unlock)));
    },
    async close() {
      if (!root.closed) await root.close();
      unlock();
    },
  };
}

/** Opens the embedded PostgreSQL + PostGIS with its data in `dataDir` (created if missing). */
export async function openPgliteClient(dataDir: string): Promise<SqlClient> {
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockDataDir(dataDir);
  try {
    const db = await PGlite.create({ dataDir, extensions: { postgis } });
    // PGlite is one connection: a runaway query would stall every request.
    await db.exec("set statement_timeout = '15s'");
    return wrap(db, db, unlock);
  } catch (error) {
    unlock();
    throw error;
  }
}
