import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'ccn-atlas.pid';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims the PGlite data folder for this process. PGlite is one process's database: a second
 * process opening the same folder (a second server, or a tool while the server runs) would corrupt
 * it, so it is refused with a message that says which process holds it.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  let holder: number | null = null;
  try {
    holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
  } catch {
    holder = null;
  }
  if (holder !== null && Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) {
    throw new Error(
      `Thư mục dữ liệu "${dataDir}" đang được tiến trình ${holder} dùng (máy chủ đang chạy?). Hãy dừng nó trước. / ` +
        `The data folder "${dataDir}" is in use by process ${holder} (is the server running?). Stop it first.`,
    );
  }
  writeFileSync(path, String(process.pid));
  return () => rmSync(path, { force: true });
}
