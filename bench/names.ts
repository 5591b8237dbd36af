/** Every benchmark, in the order `npm run bench` runs them; each is `npx tsx bench/<name>.ts`. */
export const BENCHMARK_NAMES = [
  'hot-path',
  'tiles',
  'features',
  'import',
  'first-map',
  'area',
  'memory',
] as const;
