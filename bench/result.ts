import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';

/** One goal of the issue, what was measured against it, and whether it is met. */
export type GoalCheck = { goal: string; measured: string; met: boolean };

/**
 * What a benchmark leaves in bench/results/<name>-latest.json, for `bench/report.ts` to gather into
 * BENCHMARKS.md: a markdown section (tables of medians and ratios against the baseline run beside
 * it) and its goals. `smoke` marks a tiny CI run whose numbers mean nothing.
 */
export type BenchResult = {
  bench: string;
  title: string;
  date: string;
  machine: ReturnType<typeof machine>;
  smoke: boolean;
  /** Markdown: what was run against what, the table, how to read it. */
  section: string;
  goals: GoalCheck[];
  /** The raw numbers, for whoever wants to plot them. */
  data: unknown;
};

/** The machine a number was measured on. */
export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

/** CI runs every benchmark tiny (BENCH_SMOKE=1) so the harness never rots; no timing is asserted. */
export const isSmoke = () => process.env.BENCH_SMOKE === '1';

export function writeResult(result: Omit<BenchResult, 'date' | 'machine' | 'smoke'>): BenchResult {
  const full: BenchResult = {
    ...result,
    date: new Date().toISOString(),
    machine: machine(),
    smoke: isSmoke(),
  };
  const dir = new URL('./results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL(`${result.bench}-latest.json`, dir), `${JSON.stringify(full, null, 2)}\n`);
  return full;
}

/** The median and a high quantile of a sample. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}
export const median = (values: readonly number[]) => quantile(values, 0.5);
