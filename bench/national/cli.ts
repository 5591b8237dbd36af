/**
 * Loads the synthetic national dataset (bench/national/dataset.ts) into the store the environment
 * names, like the app: DATA_DIR (PGlite, default ./data) or DATABASE_URL (PostgreSQL + PostGIS).
 *   npm run national -- [--seed 2026] [--clusters 1500] [--plots 100000] [--provinces 20]
 * Use a database of its own (e.g. DATA_DIR=./data-national): the set is flagged synthetic in every
 * record, but a planner's database is no place for it. On PGlite, stop the server first.
 */
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { readConfig } from '../../server/config.ts';
import { openStore } from '../../server/store/open-store.ts';
import { ISSUE_SET, nationalBundle } from './dataset.ts';
import { loadNationalPlots } from './load.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: String(ISSUE_SET.seed) },
    clusters: { type: 'string', default: String(ISSUE_SET.clusters) },
    plots: { type: 'string', default: String(ISSUE_SET.plots) },
    provinces: { type: 'string', default: String(ISSUE_SET.provinces) },
  },
});
const whole = (name: string, text: string, max: number) => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    console.error(
      `--${name} phải là số nguyên 1–${max} / --${name} must be a whole number 1–${max}: "${text}"`,
    );
    process.exit(1);
  }
  return value;
};
const options = {
  seed: whole('seed', values.seed, 2 ** 31),
  clusters: whole('clusters', values.clusters, 20_000),
  plots: whole('plots', values.plots, 2_000_000),
  provinces: whole('provinces', values.provinces, 99),
};

const config = readConfig();
const started = performance.now();
console.log(`Tạo dữ liệu mô phỏng / Generating the synthetic set: ${JSON.stringify(options)}`);
const store = await openStore({
  databaseUrl: config.DATABASE_URL,
  dataDir: config.DATA_DIR,
  logger: pino({ level: 'warn' }),
  geodata: nationalBundle(options),
});
try {
  const plots = await loadNationalPlots(store, options, (done, total) =>
    process.stderr.write(`\rLô / Plots ${done}/${total}${done === total ? '\n' : ''}`),
  );
  console.log(
    `Xong / Done: ${options.clusters} cụm/clusters, ${plots} lô/plots in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
} finally {
  await store.close();
}
