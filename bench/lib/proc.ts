/**
 * What Linux says about a process (/proc): its memory, the CPU time it used, and the Node process
 * behind a wrapper: `npx tsx server/main.ts` is npx → tsx's CLI → the Node process that runs the
 * app, and only the last one holds the app's (and PGlite's) memory.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export type Memory = {
  /** Resident set now (VmRSS), MiB. */
  rssMiB: number;
  /** Peak resident set since the process started (VmHWM), MiB. */
  peakMiB: number;
};

export function memoryOf(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
}

/** Fields of /proc/<pid>/stat after "pid (comm)": [0] state, [1] ppid, … [11] utime, [12] stime. */
const statFields = (pid: number | string) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // comm may hold spaces and parentheses: split after the last ')'.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
};

const parentOf = (pid: string): number | null => {
  try {
    return Number(statFields(pid)[1]);
  } catch {
    return null;
  }
};

let ticksPerSecond: number | undefined;

/** CPU time (user + system, all threads) a process has used so far, in ms. */
export function cpuMsOf(pid: number): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  const fields = statFields(pid);
  return ((Number(fields[11]) + Number(fields[12])) / ticksPerSecond) * 1000;
}

export const commandLineOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return '';
  }
};

/** Every descendant of `pid`, parents before children. */
export function descendantsOf(pid: number): number[] {
  const all = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  const children = new Map<number, number[]>();
  for (const name of all) {
    const parent = parentOf(name);
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const next = children.get(queue.shift() as number) ?? [];
    found.push(...next);
    queue.push(...next);
  }
  return found;
}

/**
 * The Node process that runs `script` under `launcherPid`: the deepest descendant whose command
 * line names the script and that started no Node process itself (tsx's CLI is the one above it).
 */
export function appProcessUnder(launcherPid: number, script: string): number | null {
  const candidates = [launcherPid, ...descendantsOf(launcherPid)].filter((pid) =>
    commandLineOf(pid).includes(script),
  );
  const leaf = candidates.filter((pid) => !descendantsOf(pid).some((child) => candidates.includes(child)));
  return leaf.at(-1) ?? null;
}
