import { openPgClient } from '../../server/store/pg-client.ts';
import { openPgliteClient } from '../../server/store/pglite-client.ts';
import type { SqlClient } from '../../server/store/sql-client.ts';
import type { NationalData } from './national-data.ts';

/** A plain SQL client on the store's own database (the store offers none): PGlite folder or server. */
export function openRawSql(data: Pick<NationalData, 'dataDir' | 'databaseUrl'>): Promise<SqlClient> {
  return data.databaseUrl ? openPgClient(data.databaseUrl) : openPgliteClient(data.dataDir);
}
