import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/**
 * A PostgreSQL + PostGIS server of its own for a benchmark run, so the baselines (ST_AsMVT, ogr2ogr,
 * bare pg) run in the same run on the same machine: initdb into a temporary folder, started on
 * `port`, one database `bench`. As root (CI) it runs as the `postgres` user, as initdb requires.
 * Null when Debian's PostgreSQL 15 is not installed.
 */
export function startThrowawayPostgres(port = 55440): { url: string; stop: () => void } | null {
  if (!existsSync(join(PG_BIN, 'initdb'))) return null;
  const root = mkdtempSync(join(tmpdir(), 'ccn-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (command: string) => {
    if (asRoot) execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { stdio: 'pipe' });
    else execFileSync('/bin/sh', ['-c', command], { stdio: 'pipe' });
  };
  if (asRoot) execFileSync('chown', ['postgres', root]);
  run(`${PG_BIN}/initdb -D ${root}/data -A trust -U postgres -E UTF8 --locale=C.UTF-8`);
  run(
    `${PG_BIN}/pg_ctl -D ${root}/data -l ${root}/log -w -o "-p ${port} -k ${root} -c listen_addresses=127.0.0.1" start`,
  );
  run(`${PG_BIN}/psql -h 127.0.0.1 -p ${port} -U postgres -qc 'create database bench'`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/bench`,
    stop: () => {
      try {
        run(`${PG_BIN}/pg_ctl -D ${root}/data -m fast stop`);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
