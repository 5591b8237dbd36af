/**
 * autocannon, run from the parent process against a server in a child (bench/lib/child-server.ts):
 * keep-alive connections, a fixed duration, every answer counted. Requests per second are the
 * 2xx answers over the run's duration; latency percentiles are autocannon's (1 ms resolution).
 * The server's own CPU time per answer is read from /proc: on a 2-core box autocannon can run out
 * of CPU before a fast server does (large bodies), and then only the CPU cost compares the servers.
 */
import autocannon from 'autocannon';
import { cpuMsOf } from './proc.ts';

export type CannonRun = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  seconds: number;
  /** CPU time the server process used per 2xx answer, µs (null when its pid is not given). */
  serverCpuMicros: number | null;
  /** Share of one core the server used during the run. */
  serverCpuShare: number | null;
};

export type CannonOptions = {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  /** A path per request (e.g. a bbox that changes every time); the url's path when absent. */
  nextPath?: () => string;
  /** The server's process, to read its CPU time. */
  serverPid?: number;
  /** Requests per second over all connections (autocannon's `overallRate`); absent: as fast as it can. */
  rate?: number;
};

export async function cannon(options: CannonOptions): Promise<CannonRun> {
  const { nextPath, serverPid } = options;
  const cpuBefore = serverPid === undefined ? 0 : cpuMsOf(serverPid);
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers,
    ...(options.rate ? { overallRate: options.rate } : {}),
    ...(nextPath ? { requests: [{ setupRequest: (request) => ({ ...request, path: nextPath() }) }] } : {}),
  });
  const ok = result['2xx'];
  const cpuMs = serverPid === undefined ? null : cpuMsOf(serverPid) - cpuBefore;
  return {
    requestsPerSecond: ok / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: ok,
    non2xx: result.non2xx,
    errors: result.errors,
    seconds: result.duration,
    serverCpuMicros: cpuMs === null || ok === 0 ? null : (cpuMs * 1000) / ok,
    serverCpuShare: cpuMs === null ? null : cpuMs / 1000 / result.duration,
  };
}

/**
 * Runs each target `runs` times, alternating (A B, B A, A B…) after one short warm-up each, so
 * neither side always goes first; returns every run per target.
 */
export async function alternate<T extends string>(
  targets: Record<T, CannonOptions>,
  runs: number,
  warmUpSeconds: number,
  onRun?: (target: string, run: CannonRun) => void,
): Promise<Record<T, CannonRun[]>> {
  const names = Object.keys(targets) as T[];
  for (const name of names) await cannon({ ...targets[name], seconds: warmUpSeconds });
  const results = Object.fromEntries(names.map((name) => [name, [] as CannonRun[]])) as Record<
    T,
    CannonRun[]
  >;
  for (let index = 0; index < runs; index++) {
    const order = index % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const run = await cannon(targets[name]);
      results[name].push(run);
      onRun?.(name, run);
    }
  }
  return results;
}
