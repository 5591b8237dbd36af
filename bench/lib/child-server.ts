/**
 * Servers under test run in child processes of their own, so the load generator (autocannon, in the
 * parent) and the server do not share one event loop. Parent side: `startChild`. Child side:
 * `receiveSetup`, `announce` once listening, `onStop` to close cleanly, `profileOnRequest`.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { Session } from 'node:inspector';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

type ChildMessage = { listening: number } | { failed: string } | { wantSetup: true };

export type RunningChild = {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  pid: number;
  process: ChildProcess;
  /** Asks the child to close and waits for it to exit. */
  stop: () => Promise<void>;
  /** Sends `message` and resolves with the child's first answer that has `replyKey`. */
  ask: <T>(message: object, replyKey: string) => Promise<T>;
};

/**
 * Forks `entry` (a TypeScript file, run by Node with tsx's loader: the child is the Node process
 * itself, no wrapper), sends it `setup` once it is up, and resolves when it says it listens.
 */
export async function startChild(
  entry: URL,
  options: { env?: NodeJS.ProcessEnv; execArgv?: string[]; setup?: unknown; timeoutMs?: number } = {},
): Promise<RunningChild> {
  const child = fork(fileURLToPath(entry), [], {
    execArgv: ['--import', 'tsx', ...(options.execArgv ?? [])],
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${entry.pathname}: not listening after ${options.timeoutMs ?? 300_000} ms`)),
      options.timeoutMs ?? 300_000,
    );
    child.on('message', (message: ChildMessage) => {
      // The child asks once its listener is in place: a message sent earlier could be lost.
      if ('wantSetup' in message) return void child.send({ setup: options.setup });
      clearTimeout(timer);
      if ('listening' in message) resolve(message.listening);
      else reject(new Error(`${entry.pathname}: ${message.failed}`));
    });
    child.once('exit', (code) => reject(new Error(`${entry.pathname} exited with ${code} before listening`)));
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    pid: child.pid ?? -1,
    process: child,
    ask: <T>(message: object, replyKey: string) =>
      new Promise<T>((resolve) => {
        const listener = (reply: Record<string, unknown>) => {
          if (!(replyKey in reply)) return;
          child.off('message', listener);
          resolve(reply[replyKey] as T);
        };
        child.on('message', listener);
        child.send(message);
      }),
    stop: async () => {
      if (child.exitCode === null && child.connected) child.send({ stop: true });
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** Child side: asks the parent for the `setup` it was started with (undefined when none). */
export function receiveSetup<T>(): Promise<T> {
  return new Promise((resolve) => {
    const listener = (message: { setup?: T }) => {
      if (!('setup' in message)) return;
      process.off('message', listener);
      resolve(message.setup as T);
    };
    process.on('message', listener);
    process.send?.({ wantSetup: true });
  });
}

/** Child side: listen on a free loopback port and tell the parent which. */
export async function announce(server: Server): Promise<void> {
  if (!server.listening) {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  }
  process.send?.({ listening: (server.address() as AddressInfo).port });
}

/** Child side: report a start failure to the parent and exit. */
export function fail(error: unknown): never {
  process.send?.({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
}

/**
 * Child side: CPU profiling on request, through the inspector, so a profile covers only the load the
 * parent chose (not start-up, not the minutes the other server was measured). `{ profile: 'start' }`
 * starts it; `{ profile: 'stop', path }` writes the `.cpuprofile` to `path` and answers `{ profiled }`.
 */
export function profileOnRequest(): void {
  const session = new Session();
  session.connect();
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, (error, result) => (error ? reject(error) : resolve(result))),
    );
  process.on('message', async (message: { profile?: 'start' | 'stop'; path?: string }) => {
    if (message.profile === 'start') {
      await post('Profiler.enable');
      await post('Profiler.start');
      process.send?.({ profiling: true });
    } else if (message.profile === 'stop' && message.path) {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      writeFileSync(message.path, JSON.stringify(profile));
      process.send?.({ profiled: message.path });
    }
  });
}

/** Child side: on the parent's `stop` (or its disconnect), run `close` and exit normally. */
export function onStop(close: () => Promise<void>): void {
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await close().catch(() => undefined);
    process.exit(0);
  };
  process.on('message', (message: { stop?: boolean }) => {
    if (message.stop) void stop();
  });
  process.once('disconnect', () => void stop());
}
