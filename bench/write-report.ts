/**
 * `npm run bench:report`: rewrites BENCHMARKS.md from the latest result of each benchmark, after one
 * was run again alone (`npx tsx bench/<name>.ts`). Each section names the time of its own run.
 */
import { writeFileSync } from 'node:fs';
import { BENCHMARK_NAMES } from './names.ts';
import { writeReport } from './report.ts';

writeFileSync(new URL('../BENCHMARKS.md', import.meta.url), writeReport(BENCHMARK_NAMES, []));
