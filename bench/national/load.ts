import type { PlotFeature } from '../../domain/plot.ts';
import type { AtlasStore } from '../../server/store/store.ts';
import { openFreshStore } from '../../test/api/test-store.ts';
import { type NationalOptions, nationalBundle, nationalClusters, nationalPlots } from './dataset.ts';

/** Plots written per transaction: big enough to amortise a round trip, small enough to show progress. */
const BATCH = 5_000;

/**
 * Writes the synthetic plots into a store that already holds the synthetic clusters (loaded with
 * `nationalBundle`): generated, audited as a `layout` by no account, in batches.
 */
export async function loadNationalPlots(
  store: AtlasStore,
  options: NationalOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  let pending: PlotFeature[] = [];
  let done = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    await store.savePlots(pending, { audit: { action: 'layout', actor: null, sourceId: null } });
    done += pending.length;
    pending = [];
    onProgress?.(done, options.plots);
  };
  for (const batch of nationalPlots(nationalClusters(options), options)) {
    pending.push(...batch);
    if (pending.length >= BATCH) await flush();
  }
  await flush();
  return done;
}

/**
 * A throw-away store (a temporary PGlite folder, or the PostgreSQL server `databaseUrl` names,
 * emptied first) holding the shipped data and the synthetic national set, for benchmarks.
 */
export async function openNationalStore(options: NationalOptions & { databaseUrl?: string | null }) {
  const opened = await openFreshStore({ geodata: nationalBundle(options), databaseUrl: options.databaseUrl });
  const started = performance.now();
  const plots = await loadNationalPlots(opened.store, options);
  return { ...opened, plots, loadMs: performance.now() - started };
}
