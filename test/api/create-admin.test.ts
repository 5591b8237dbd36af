import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { openStore } from '../../server/store/open-store.ts';
import { silentLogger } from './test-store.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'ccn-atlas-admin-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs the command as an administrator would, with the password piped in; always on PGlite. */
function createAdmin(args: string[], password: string) {
  const { DATABASE_URL: _serverDatabase, ...inherited } = process.env;
  const environment = { ...inherited, DATA_DIR: dataDir };
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/create-admin.ts', ...args], {
    input: `${password}\n`,
    env: environment,
    encoding: 'utf8',
  });
}

describe('npm run create-admin', () => {
  test('creates the first admin from a piped password, then refuses a second without --force', async () => {
    const first = createAdmin(['--username', 'quantri', '--display-name', 'Quản Trị'], 'mat-khau-quan-tri');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('quantri');

    const second = createAdmin(['--username', 'quantri2'], 'mat-khau-quan-tri');
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('--force');

    const short = createAdmin(['--username', 'quantri3', '--force'], 'ngan');
    expect(short.status).toBe(1);
    expect(short.stderr).toContain('10');

    const store = await openStore({ dataDir, logger: silentLogger });
    try {
      const accounts = await store.accounts.list();
      expect(accounts).toEqual([
        expect.objectContaining({
          username: 'quantri',
          displayName: 'Quản Trị',
          role: 'admin',
          disabled: false,
        }),
      ]);
      expect(await store.accounts.verify('QuanTri', 'mat-khau-quan-tri')).toMatchObject({
        username: 'quantri',
      });
    } finally {
      await store.close();
    }
  }, 180_000);
});
