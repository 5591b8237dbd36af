/**
 * What the stress tests share: the real server as a child process (`server/main.ts`, as deployed),
 * its memory, a signed-in editor, latency percentiles, and a private PostgreSQL + PostGIS.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { SessionInfo } from '../../domain/account.ts';
import { openStore } from '../../server/store/open-store.ts';

export const PASSWORD = 'mật-khẩu-thử-tải-2026';
export const PROVINCE = 'khanh-hoa';
export const SOURCE = { sourceId: 'kh-4794', asOf: '2025-06-14' };
export const silentLogger = pino({ level: 'silent' });

/** Every child any test started, killed when the worker exits whatever happened. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** A port the system just gave out and took back: free for the child that binds it next. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every 50 ms until it returns a value (not undefined); throws after `limitMs`. */
export async function until<T>(
  what: string,
  limitMs: number,
  check: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + limitMs;
  let lastError: unknown = null;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: not within ${limitMs} ms${lastError ? ` (last error: ${String(lastError)})` : ''}`,
      );
    }
    await sleep(50);
  }
}

export type AppChild = {
  origin: string;
  port: number;
  process: ChildProcess;
  output: string[];
  /** Resident memory of the server process, bytes (from /proc). */
  rss(): number;
  /** SIGKILL, and wait for the process to be gone. */
  kill(): Promise<void>;
  /** SIGTERM (the server closes the store), SIGKILL after 10 s; resolves when it has exited. */
  stop(): Promise<void>;
};

/** Starts `server/main.ts` on a free loopback port and waits for /healthz to answer 200. */
export async function startApp(env: Record<string, string>, port?: number): Promise<AppChild> {
  const chosen = port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(chosen), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(String(chunk));
    if (output.length > 300) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const origin = `http://127.0.0.1:${chosen}`;
  const app: AppChild = {
    origin,
    port: chosen,
    process: child,
    output,
    rss() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
      running.delete(child);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      running.delete(child);
    },
  };
  await until(`server answering at ${origin}/healthz`, 120_000, async () => {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}):\n${output.join('')}`);
    }
    const response = await fetch(`${origin}/healthz`);
    return response.status === 200 ? true : undefined;
  });
  return app;
}

/**
 * A first start's database (migrations, shipped geodata) with an editor of Khánh Hòa `lan`, made
 * in this process before the server starts (PGlite is one process's database).
 */
export async function seedStore(options: { dataDir: string; databaseUrl?: string }): Promise<void> {
  const store = await openStore({ ...options, logger: silentLogger });
  try {
    await store.accounts.create({
      username: 'lan',
      displayName: 'Trần Thị Lan',
      role: 'editor',
      provinceIds: [PROVINCE],
      password: PASSWORD,
    });
  } finally {
    await store.close();
  }
}

export type Session = { cookie: string; csrfToken: string };

export async function signIn(origin: string, username = 'lan'): Promise<Session> {
  const response = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0] ?? '';
  return { cookie, csrfToken: SessionInfo.parse(await response.json()).csrfToken ?? '' };
}

/** Headers of a write by `session` (same origin, CSRF token). */
export const writeHeaders = (origin: string, session: Session, extra: Record<string, string> = {}) => ({
  'Content-Type': 'application/json',
  Origin: origin,
  Cookie: session.cookie,
  'X-CSRF-Token': session.csrfToken,
  ...extra,
});

/** The `q` quantile (0–1) of `values` (nearest rank); NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

export const median = (values: readonly number[]) => quantile(values, 0.5);
export const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export type PrivatePostgres = {
  url: string;
  /** `pg_ctl stop -m fast`: sessions are ended (57P01), new connections refused. */
  stop(): void;
  start(): void;
  /** Stops it and removes its folder. */
  destroy(): void;
};

/**
 * A PostgreSQL + PostGIS server of this test's own on `port` (as bench/lib/throwaway-postgres.ts
 * makes one, but it can be stopped and started again: the outage test needs its folder kept). As
 * root it runs as the `postgres` user. Null when Debian's PostgreSQL 15 is not installed.
 */
export function startPrivatePostgres(port: number): PrivatePostgres | null {
  if (!existsSync(join(PG_BIN, 'initdb'))) return null;
  const root = mkdtempSync(join(tmpdir(), 'ccn-stress-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (command: string) => {
    if (asRoot) execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { stdio: 'pipe' });
    else execFileSync('/bin/sh', ['-c', command], { stdio: 'pipe' });
  };
  if (asRoot) execFileSync('chown', ['postgres', root]);
  run(`${PG_BIN}/initdb -D ${root}/data -A trust -U postgres -E UTF8 --locale=C.UTF-8`);
  const start = () =>
    run(
      `${PG_BIN}/pg_ctl -D ${root}/data -l ${root}/log -w -o "-p ${port} -k ${root} -c listen_addresses=127.0.0.1" start`,
    );
  const stop = () => run(`${PG_BIN}/pg_ctl -D ${root}/data -m fast -w stop`);
  start();
  run(`${PG_BIN}/psql -h 127.0.0.1 -p ${port} -U postgres -qc 'create database stress'`);
  let running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/stress`,
    stop: () => {
      stop();
      running = false;
    },
    start: () => {
      start();
      running = true;
    },
    destroy: () => {
      try {
        if (running) stop();
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
