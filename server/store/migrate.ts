import { readdirSync, readFileSync } from 'node:fs';
import { sql } from '../sql/queries.ts';
import type { SqlClient } from './sql-client.ts';

const migrationsDir = new URL('../sql/migrations/', import.meta.url);

/** Applies the SQL migrations not yet applied, in name order, each in its own transaction. */
export async function migrate(client: SqlClient): Promise<string[]> {
  await client.query(sql.createMigrationsTable);
  const applied = new Set(
    (await client.query<{ name: string }>(sql.appliedMigrations)).map((row) => row.name),
  );
  const pending = readdirSync(migrationsDir)
    .filter((name) => name.endsWith('.sql') && !applied.has(name))
    .sort();
  for (const name of pending) {
    const script = readFileSync(new URL(name, migrationsDir), 'utf8');
    await client.transaction(async (tx) => {
      await tx.exec(script);
      await tx.query(sql.recordMigration, [name]);
    });
  }
  return pending;
}
