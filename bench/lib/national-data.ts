import { rmSync } from 'node:fs';
import type { NationalOptions } from '../national/dataset.ts';
import { openNationalStore } from '../national/load.ts';

export type NationalData = {
  /** The PGlite folder (unused, but made, when `databaseUrl` is set). */
  dataDir: string;
  databaseUrl: string | null;
  plots: number;
  loadMs: number;
  /** Removes the PGlite folder; a PostgreSQL database is left as is (emptied by the next load). */
  remove: () => void;
};

/**
 * The synthetic national set loaded into a throw-away store (a temporary PGlite folder, or the
 * PostgreSQL server `databaseUrl` names, emptied first), then closed: PGlite is one process's
 * database, so the app's child process or a raw SQL client opens it next.
 */
export async function loadNationalData(
  options: NationalOptions,
  databaseUrl: string | null,
): Promise<NationalData> {
  const national = await openNationalStore({ ...options, databaseUrl });
  await national.store.close();
  return {
    dataDir: national.dataDir,
    databaseUrl,
    plots: national.plots,
    loadMs: national.loadMs,
    remove: () => rmSync(national.dataDir, { recursive: true, force: true }),
  };
}
