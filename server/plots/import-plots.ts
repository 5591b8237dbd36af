import { invalidData, notFound } from '../errors.ts';
import type { Actor, AtlasStore, PlotWriteResult } from '../store/store.ts';
import { type PlotImportProblem, readPlotImport } from './read-plot-import.ts';

export type PlotImportResult = PlotWriteResult & { read: number };

const MAX_LISTED_PROBLEMS = 10;

/** One message listing the problems of a refused file, the first few of them in full. */
function problemsMessage(problems: readonly PlotImportProblem[]) {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
  const more = problems.length - listed.length;
  return invalidData(
    `Tệp không được nhập, không có gì thay đổi. ${listed.map((p) => p.vi).join(' ')}${more > 0 ? ` (và ${more} lỗi khác)` : ''}`,
    `The file was not imported; nothing changed. ${listed.map((p) => p.en).join(' ')}${more > 0 ? ` (and ${more} more)` : ''}`,
  );
}

/**
 * Imports plots from a GeoJSON text, all or nothing: a file with any problem is refused whole,
 * with every problem named. Plots are matched to clusters by id or name and carry the source
 * document and the date their status holds at. A dry run reports what would change. Every plot
 * written is audited as an `import` of that source by `actor` (null: a server-side tool).
 */
export async function importPlots(
  store: AtlasStore,
  source: string,
  options: { sourceId: string; asOf: string | null; dryRun?: boolean; actor: Actor | null },
): Promise<PlotImportResult> {
  const [known] = await store.getSources([options.sourceId]);
  if (!known) {
    throw notFound({ vi: `nguồn "${options.sourceId}"`, en: `Source "${options.sourceId}"` });
  }
  const clusters = (await store.listClusters({})).features.map((feature) => feature.properties);
  const { plots, problems } = readPlotImport(source, { clusters, sourceId: known.id, asOf: options.asOf });
  if (problems.length > 0) throw problemsMessage(problems);
  const written = await store.savePlots(plots, {
    dryRun: options.dryRun ?? false,
    audit: { action: 'import', actor: options.actor, sourceId: known.id },
  });
  return { ...written, read: plots.length };
}
