/**
 * `npm run bench`: every benchmark, one after another (never two at once on a 2-core machine),
 * each with its baseline in the same run on the same data, then BENCHMARKS.md from their results.
 * Without DATABASE_URL it starts a PostgreSQL + PostGIS of its own for the server-side baselines.
 * `npm run bench:smoke` (BENCH_SMOKE=1) runs the same harness tiny, as CI does, and writes its
 * report to bench/results/smoke-report.md instead: those numbers mean nothing.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { startThrowawayPostgres } from './lib/throwaway-postgres.ts';
import { BENCHMARK_NAMES as BENCHMARKS } from './names.ts';
import { writeReport } from './report.ts';
import { isSmoke } from './result.ts';

const postgres = process.env.DATABASE_URL ? null : startThrowawayPostgres();
const env = { ...process.env, ...(postgres ? { DATABASE_URL: postgres.url } : {}) };
const failures: string[] = [];
try {
  for (const name of BENCHMARKS) {
    console.log(`\n== bench/${name}.ts${isSmoke() ? ' (smoke)' : ''}`);
    const started = performance.now();
    const run = spawnSync('npx', ['tsx', `bench/${name}.ts`], { stdio: 'inherit', env });
    console.log(
      `== ${name}: ${run.status === 0 ? 'done' : `FAILED (${run.status ?? run.signal})`} in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    if (run.status !== 0) failures.push(name);
  }
} finally {
  postgres?.stop();
}
const report = writeReport(BENCHMARKS, failures);
if (isSmoke()) writeFileSync(new URL('./results/smoke-report.md', import.meta.url), report);
else writeFileSync(new URL('../BENCHMARKS.md', import.meta.url), report);
if (failures.length > 0) {
  console.error(`\nBenchmarks that failed: ${failures.join(', ')}`);
  process.exit(1);
}
