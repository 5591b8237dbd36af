/**
 * Imports cluster boundaries and figures from a file, dry run first:
 *   npm run import -- <file.zip|file.kml|file.geojson|file.csv> [--crs <code>] [--source <id>]
 *       [--as-of YYYY-MM-DD] [--plots] [--account <id>] [--commit]
 * --crs: wgs84 | vn2000-geographic | vn2000-utm-48n | vn2000-utm-49n | vn2000-tm3:<meridian>
 *        | vn2000-tm3-province:<province id>; wins over the file's own .prj or "crs".
 * --plots: the features are plots (lô đất, as `npm run plots -- import` reads them), not clusters.
 * Without --commit nothing is written: the tool prints what would change. --commit needs --source.
 * On the embedded database, stop the server first (PGlite is one process's database).
 * Exit codes: 0 done, 1 refused or failed, 2 the store cannot commit cluster imports yet.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { type CrsChoice, CrsCodeError, parseCrsCode } from '../../domain/crs.ts';
import { IsoDate } from '../../domain/text.ts';
import { readConfig } from '../config.ts';
import { HttpError } from '../errors.ts';
import { applyImport, applyPlotImport } from '../import/apply-import.ts';
import { formatPlanReport } from '../import/format-report.ts';
import type { ImportProgress } from '../import/plan-import.ts';
import { planImport } from '../import/plan-import.ts';
import { ImportFileError } from '../import/problems.ts';
import { readImportFile } from '../import/read-import.ts';
import { openStore } from '../store/open-store.ts';
import type { AtlasStore } from '../store/store.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    crs: { type: 'string' },
    source: { type: 'string' },
    'as-of': { type: 'string' },
    account: { type: 'string' },
    plots: { type: 'boolean', default: false },
    commit: { type: 'boolean', default: false },
  },
});

/** Progress on stderr, rewritten in place, so a large file shows it is moving. */
function showProgress({ phase, done, total }: ImportProgress) {
  const what = phase === 'check' ? 'Kiểm tra / Checking' : 'Ghi / Writing';
  process.stderr.write(`\r${what} ${done}/${total}${done === total ? '\n' : ''}`);
}

async function run(store: AtlasStore, file: string, crs: CrsChoice | undefined): Promise<number> {
  const reading = await readImportFile(basename(file), new Uint8Array(readFileSync(file)), { crs });
  const asOf = values['as-of'] ? IsoDate.parse(values['as-of']) : null;
  if (values.source && (await store.getSources([values.source])).length === 0) {
    throw new Error(`Không có nguồn "${values.source}" / No source "${values.source}"`);
  }

  if (values.plots) {
    if (reading.format === 'csv')
      throw new Error('--plots cần tệp có hình / --plots needs a file with geometries');
    if (reading.problems.length > 0) {
      for (const problem of reading.problems) console.error(`${problem.vi}\n${problem.en}`);
      return 1;
    }
    if (!values.source) throw new Error('Cần --source <mã nguồn> / --source <id> is needed');
    const result = await applyPlotImport(store, reading.features, {
      sourceId: values.source,
      asOf,
      dryRun: !values.commit,
      // A server-side tool: the audit log records no account.
      actor: null,
      onProgress: showProgress,
    });
    console.log(`${result.read} lô đọc được/plots read: +${result.inserted} new, ${result.updated} replaced`);
    return 0;
  }

  const clusters = (await store.listClusters({})).features.map((feature) => feature.properties);
  const plan = await planImport(reading, {
    clusters,
    checkGeometry: store.checkGeometry,
    onProgress: showProgress,
  });
  console.log(formatPlanReport(plan));
  if (!values.commit) return plan.problems.length > 0 ? 1 : 0;

  if (plan.problems.length > 0) {
    console.error('\nKhông ghi vì tệp có lỗi. / Nothing written: the file has problems.');
    return 1;
  }
  if (!values.source) throw new Error('--commit cần --source <mã nguồn> / --commit needs --source <id>');
  const result = await applyImport(plan, store, {
    source: values.source,
    asOf,
    actor: values.account ? { accountId: values.account, accountName: values.account } : null,
    dryRun: false,
    onProgress: showProgress,
  });
  console.log(
    `Đã ghi / Written: ${result.boundariesUpdated} ranh giới/boundaries, ${result.figuresUpdated} cụm có số liệu/clusters with figures.`,
  );
  return 0;
}

const [file] = positionals;
if (!file) {
  console.error(
    'Cần đường dẫn tệp / A file path is needed — see the comment at the top of server/cli/import.ts',
  );
  process.exit(1);
}
let crs: CrsChoice | undefined;
try {
  crs = values.crs ? parseCrsCode(values.crs) : undefined;
} catch (error) {
  if (!(error instanceof CrsCodeError)) throw error;
  console.error(`${error.vi}\n${error.en}`);
  process.exit(1);
}

const config = readConfig();
const store = await openStore({
  databaseUrl: config.DATABASE_URL,
  dataDir: config.DATA_DIR,
  logger: pino({ level: 'warn' }),
});
try {
  process.exitCode = await run(store, file, crs);
  if (!values.commit && process.exitCode === 0) {
    console.log('\nChạy thử: chưa ghi gì. Thêm --commit để ghi. / Dry run: nothing written; add --commit.');
  }
} catch (error) {
  process.exitCode = 1;
  console.error(
    error instanceof HttpError
      ? `${error.messageVi}\n${error.messageEn}`
      : error instanceof ImportFileError
        ? `${error.vi}\n${error.en}`
        : (error as Error).message,
  );
} finally {
  await store.close();
}
