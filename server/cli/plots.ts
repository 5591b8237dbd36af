/**
 * Plot tools for a planner or an administrator on the server:
 *   npm run plots -- layout <cluster-id>|--province <id> [--plot-width 50] [--plot-depth 80] [--road 12] [--min-share 0.5] [--commit]
 *   npm run plots -- import <file.geojson> --source <id> [--as-of YYYY-MM-DD] [--commit]
 *       [--source-title "…" --source-issuer "…" [--source-number "…"] [--source-date YYYY-MM-DD]]
 * Without --commit nothing is written: the tool says what would change. Every plot written or
 * removed is recorded in the audit log with no account (a server-side tool) and, for an import,
 * its --source.
 * On the embedded database, stop the server first (PGlite is one process's database).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { IsoDate } from '../../domain/text.ts';
import { readConfig } from '../config.ts';
import { HttpError } from '../errors.ts';
import { importPlots } from '../plots/import-plots.ts';
import { layoutCluster } from '../plots/layout-cluster.ts';
import { openStore } from '../store/open-store.ts';
import type { AtlasStore } from '../store/store.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    province: { type: 'string' },
    'plot-width': { type: 'string', default: '50' },
    'plot-depth': { type: 'string', default: '80' },
    road: { type: 'string', default: '12' },
    'min-share': { type: 'string', default: '0.5' },
    source: { type: 'string' },
    'as-of': { type: 'string' },
    'source-title': { type: 'string' },
    'source-issuer': { type: 'string' },
    'source-number': { type: 'string' },
    'source-date': { type: 'string' },
    commit: { type: 'boolean', default: false },
  },
});
const [command, target] = positionals;
const dryRun = !values.commit;
const hectares = (squareMetres: number) => (squareMetres / 10_000).toFixed(2);

async function runLayout(store: AtlasStore) {
  const clusterIds = values.province
    ? (await store.listClusterProperties(values.province))
        .filter((cluster) => cluster.stage !== 'removed')
        .map((cluster) => cluster.id)
    : target
      ? [target]
      : [];
  if (clusterIds.length === 0)
    throw new Error('Cần mã cụm hoặc --province / A cluster id or --province is needed');
  const parameters = {
    plotWidthM: Number(values['plot-width']),
    plotDepthM: Number(values['plot-depth']),
    roadWidthM: Number(values.road),
    minPlotShare: Number(values['min-share']),
  };
  for (const clusterId of clusterIds) {
    // A server-side tool: the audit log records no account, and a generated layout cites no source.
    const result = await layoutCluster(store, clusterId, parameters, { dryRun, actor: null });
    console.log(
      `${clusterId}: ${result.plotCount} lô/plots, ${hectares(result.plotAreaM2)} ha of ${hectares(result.boundaryAreaM2)} ha` +
        ` (roads ${hectares(result.roadAreaM2)} ha); +${result.inserted} new, ${result.updated} replaced, -${result.removed} removed`,
    );
  }
}

async function runImport(store: AtlasStore) {
  if (!target) throw new Error('Cần đường dẫn tệp GeoJSON / A GeoJSON file path is needed');
  if (!values.source) throw new Error('Cần --source <mã nguồn> / --source <id> is needed');
  const asOf = values['as-of'] ? IsoDate.parse(values['as-of']) : null;
  if (values['source-title']) {
    if (!values['source-issuer']) throw new Error('--source-title needs --source-issuer');
    await store.saveSource({
      id: values.source,
      title: { vi: values['source-title'], en: values['source-title'] },
      number: values['source-number'] ?? null,
      issuer: { vi: values['source-issuer'], en: values['source-issuer'] },
      issuedOn: values['source-date'] ? IsoDate.parse(values['source-date']) : null,
      file: basename(target),
    });
  }
  const result = await importPlots(store, readFileSync(target, 'utf8'), {
    sourceId: values.source,
    asOf,
    dryRun,
    actor: null,
  });
  console.log(`${result.read} lô đọc được/plots read: +${result.inserted} new, ${result.updated} replaced`);
}

const config = readConfig();
const store = await openStore({
  databaseUrl: config.DATABASE_URL,
  dataDir: config.DATA_DIR,
  logger: pino({ level: 'warn' }),
});
try {
  if (command === 'layout') await runLayout(store);
  else if (command === 'import') await runImport(store);
  else throw new Error('Lệnh: layout | import — see the comment at the top of server/cli/plots.ts');
  console.log(
    dryRun
      ? 'Chạy thử: chưa ghi gì. Thêm --commit để ghi. / Dry run: nothing written; add --commit.'
      : 'Đã ghi. / Written.',
  );
} catch (error) {
  process.exitCode = 1;
  console.error(
    error instanceof HttpError ? `${error.messageVi}\n${error.messageEn}` : (error as Error).message,
  );
} finally {
  await store.close();
}
