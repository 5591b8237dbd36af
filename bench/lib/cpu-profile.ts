/**
 * Reads a V8 CPU profile (inspector or `node --cpu-prof`) and says where the busy time went: the
 * functions with the most self time, and self time summed by where the code lives (a package,
 * Node's own code, the app). Idle samples are left out: percentages are of the time the thread worked.
 */
import { readFileSync } from 'node:fs';

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
};
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; startTime: number; endTime: number };

/** `node_modules/<package>`, `node:<internal>`, or the app's folder (`server/`, `bench/`). */
function placeOf(url: string): string {
  if (url === '') return '(native / V8)';
  const packaged = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packaged) return packaged[1] ?? url;
  if (url.startsWith('node:')) return url.split('/')[0] ?? url;
  const app = /\/(server|domain|bench)\/(.*)$/.exec(url);
  return app ? `${app[1]}/${app[2]}` : url;
}

const percentOf = (part: number, whole: number) => Math.round((part / (whole || 1)) * 1000) / 10;

export type ProfileSummary = {
  sampledMs: number;
  busyPercent: number;
  topFunctions: { name: string; place: string; selfPercent: number }[];
  byPlace: { place: string; selfPercent: number }[];
};

export function summariseProfile(path: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const busy = profile.nodes.filter((node) => node.callFrame.functionName !== '(idle)');
  const total = busy.reduce((sum, node) => sum + (node.hitCount ?? 0), 0) || 1;
  const byFunction = new Map<string, { name: string; place: string; hits: number }>();
  const byPlace = new Map<string, number>();
  for (const node of busy) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const place = placeOf(url);
    const name = functionName || '(anonymous)';
    const key = `${name}@${url}:${lineNumber}`;
    const entry = byFunction.get(key) ?? { name: `${name}:${lineNumber + 1}`, place, hits: 0 };
    entry.hits += hits;
    byFunction.set(key, entry);
    byPlace.set(place, (byPlace.get(place) ?? 0) + hits);
  }
  const percent = (hits: number) => percentOf(hits, total);
  return {
    sampledMs: (profile.endTime - profile.startTime) / 1000,
    busyPercent: percentOf(total, profile.samples.length),
    topFunctions: [...byFunction.values()]
      .sort((a, b) => b.hits - a.hits)
      .slice(0, top)
      .map(({ name, place, hits }) => ({ name, place, selfPercent: percent(hits) })),
    byPlace: [...byPlace]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([place, hits]) => ({ place, selfPercent: percent(hits) })),
  };
}

export function printProfile(label: string, summary: ProfileSummary): void {
  console.log(
    `\nCPU profile of ${label}: ${(summary.sampledMs / 1000).toFixed(1)} s sampled, busy ${summary.busyPercent}% of it; self time, % of busy:`,
  );
  for (const row of summary.byPlace)
    console.log(`  ${row.selfPercent.toFixed(1).padStart(5)}%  ${row.place}`);
  console.log('  top functions:');
  for (const row of summary.topFunctions) {
    console.log(`  ${row.selfPercent.toFixed(1).padStart(5)}%  ${row.name}  (${row.place})`);
  }
}
