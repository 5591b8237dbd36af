import { existsSync, readFileSync } from 'node:fs';
import type { BenchResult } from './result.ts';

const read = (name: string): BenchResult | null => {
  const file = new URL(`./results/${name}-latest.json`, import.meta.url);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BenchResult) : null;
};

/**
 * BENCHMARKS.md from the results the benchmarks left: the machine, every goal of the issue with
 * what was measured, then each benchmark's own section (its tables of medians and ratios).
 */
export function writeReport(names: readonly string[], failures: readonly string[]): string {
  const results = names.map((name) => ({ name, result: read(name) }));
  const first = results.find((entry) => entry.result)?.result;
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run-all.ts): each benchmark runs with its baseline in the same run,',
    'on the same data — the synthetic national set (bench/national/dataset.ts: 1,500 clusters over Viet',
    "Nam's land, 100,000 plots, seed 2026, flagged synthetic). Medians unless said otherwise. Speed is",
    'measured here, never asserted in tests; CI runs every benchmark tiny (`npm run bench:smoke`).',
    '',
    first
      ? `Machine: ${first.machine.cpu}, ${first.machine.cores} cores, ${first.machine.memoryGiB} GiB, Node ${first.machine.node}, ${first.machine.platform}. Run ${first.date.slice(0, 16).replace('T', ' ')} UTC.`
      : 'No results yet.',
    '',
    '## Goals',
    '',
    '| benchmark | goal | measured | met |',
    '|---|---|---|---|',
    ...results.flatMap(({ name, result }) =>
      failures.includes(name) || !result
        ? [`| ${name} | — | failed or not run | ✗ |`]
        : result.goals.map(
            (goal) => `| ${name} | ${goal.goal} | ${goal.measured} | ${goal.met ? '✓' : '✗'} |`,
          ),
    ),
    '',
    ...results.flatMap(({ name, result }) =>
      result
        ? [
            `## ${result.title}`,
            '',
            // A benchmark may be run again alone (npx tsx bench/<name>.ts) and the report rewritten.
            `\`bench/${name}.ts\`, run ${result.date.slice(0, 16).replace('T', ' ')} UTC${result.smoke ? ' — SMOKE RUN, numbers meaningless' : ''}`,
            '',
            result.section.trim(),
            '',
          ]
        : [],
    ),
  ];
  return `${lines.join('\n')}\n`;
}
