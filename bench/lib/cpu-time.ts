/**
 * CPU time, beside wall time: on a shared 2-core machine another process's work stretches every
 * wall-clock number, much less the CPU a run itself spends. Linux only (/proc); null elsewhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';

/** Clock ticks per second of /proc's times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** utime, stime, cutime, cstime of a process, in ms; null when /proc has no such process. */
function procTimes(pid: number | 'self'): [number, number, number, number] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), from field 3 (state) on.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ms = (index: number) => (Number(fields[index - 3]) * 1000) / TICKS_PER_SECOND;
    return [ms(14), ms(15), ms(16), ms(17)];
  } catch {
    return null;
  }
}

/** This process's CPU plus that of its children it has waited for (a spawnSync'd tool), in ms. */
export function clientCpuMs(): number {
  const usage = process.cpuUsage();
  const [, , childUser = 0, childSystem = 0] = procTimes('self') ?? [];
  return (usage.user + usage.system) / 1000 + childUser + childSystem;
}

/**
 * A local PostgreSQL server's CPU so far, in ms: the postmaster, its live processes, and the
 * backends that have exited (counted in the postmaster's children's times). A function to call
 * before and after; null when the server is not on this machine or /proc cannot be read.
 */
export async function postgresCpuReader(url: string): Promise<(() => number) | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let dataDirectory: string;
  try {
    dataDirectory = (await client.query<{ data_directory: string }>('show data_directory')).rows[0]
      ?.data_directory as string;
  } catch {
    return null;
  } finally {
    await client.end();
  }
  let postmaster: number;
  try {
    postmaster = Number(readFileSync(`${dataDirectory}/postmaster.pid`, 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
  if (!procTimes(postmaster)) return null;
  return () => {
    const [user = 0, system = 0, childUser = 0, childSystem = 0] = procTimes(postmaster) ?? [];
    let total = user + system + childUser + childSystem;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (parent !== postmaster) continue;
        const [childOwnUser = 0, childOwnSystem = 0] = procTimes(Number(entry)) ?? [];
        total += childOwnUser + childOwnSystem;
      } catch {
        // The process ended meanwhile: its time is in the postmaster's children's times now.
      }
    }
    return total;
  };
}
