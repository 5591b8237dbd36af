import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { lockDataDir } from './data-dir-lock.ts';

const folders: string[] = [];
const folder = () => {
  const path = mkdtempSync(join(tmpdir(), 'ccn-lock-'));
  folders.push(path);
  return path;
};
afterEach(() => {
  for (const path of folders.splice(0)) rmSync(path, { recursive: true, force: true });
});

describe('lockDataDir', () => {
  test('refuses a folder another live process holds, naming that process', async () => {
    const dir = folder();
    const other = spawn('sleep', ['30']);
    try {
      writeFileSync(join(dir, 'ccn-atlas.pid'), String(other.pid));
      expect(() => lockDataDir(dir)).toThrow(new RegExp(`process ${other.pid}`));
    } finally {
      other.kill();
    }
  });

  test('takes over a lock left by a process that has ended, and releases it', async () => {
    const dir = folder();
    const ended = spawn('true');
    await new Promise((resolve) => ended.once('exit', resolve));
    writeFileSync(join(dir, 'ccn-atlas.pid'), String(ended.pid));
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'ccn-atlas.pid'), 'utf8')).toBe(String(process.pid));
    release();
    expect(existsSync(join(dir, 'ccn-atlas.pid'))).toBe(false);
  });
});
