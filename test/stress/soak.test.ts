/**
 * A bounded soak on loopback (issue 9, item 12): the real server on PGlite, for SOAK_SECONDS (300 by
 * default; CI sets 60), readers asking the cluster GeoJSON, tiles (a bounded set, so caches fill and
 * empty with the edits), OGC pages and cluster records, while a signed-in editor edits now and then.
 * Asserts no error (no 5xx, no dropped socket, nothing but 200) and memory that does not grow: the
 * server's RSS, sampled every 2 s, has a last-third median within 15 % + 30 MiB of the first third's.
 * Latency (p50/p99 per kind) and the RSS figures are printed, never asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ClusterFeatureCollection } from '../../domain/cluster.ts';
import { ClusterRecord } from '../../domain/history.ts';
import {
  type AppChild,
  median,
  mib,
  PROVINCE,
  quantile,
  type Session,
  SOURCE,
  seedStore,
  signIn,
  sleep,
  startApp,
  writeHeaders,
} from './harness.ts';

const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const RSS_SAMPLE_MS = 2_000;
/** Last third's median RSS at most this share above the first third's, plus RSS_SLACK_BYTES. */
const RSS_GROWTH = 0.15;
const RSS_SLACK_BYTES = 30 * 1024 * 1024;

const dataDir = mkdtempSync(join(tmpdir(), 'ccn-atlas-stress-soak-'));
let app: AppChild;
let session: Session;
let clusterIds: string[] = [];

beforeAll(async () => {
  await seedStore({ dataDir });
  app = await startApp({ DATA_DIR: dataDir });
  session = await signIn(app.origin);
  const layer = ClusterFeatureCollection.parse(
    await (await fetch(`${app.origin}/api/clusters?province=${PROVINCE}`)).json(),
  );
  clusterIds = layer.features.map((feature) => feature.properties.id);
});

afterAll(async () => {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

type Kind = 'geojson' | 'tile' | 'ogc' | 'record' | 'write';

/** Tiles z 8–13 over Khánh Hòa: 8 + 2·… a few hundred in all, asked again and again. */
function tilePaths(): string[] {
  const paths: string[] = [];
  const [west, south, east, north] = [108.6, 11.6, 109.5, 12.8];
  for (let z = 8; z <= 13; z++) {
    const n = 2 ** z;
    const x0 = Math.floor(((west + 180) / 360) * n);
    const x1 = Math.floor(((east + 180) / 360) * n);
    const y = (lat: number) =>
      Math.floor(((1 - Math.asinh(Math.tan((lat * Math.PI) / 180)) / Math.PI) / 2) * n);
    for (let x = x0; x <= x1; x += Math.max(1, Math.floor((x1 - x0) / 12))) {
      for (let row = y(north); row <= y(south); row += Math.max(1, Math.floor((y(south) - y(north)) / 12))) {
        paths.push(`/tiles/clusters/${z}/${x}/${row}.mvt`);
      }
    }
  }
  return paths;
}

describe('a bounded soak', () => {
  test(`${SOAK_SECONDS} s of mixed reads and edits: no error, memory flat`, async () => {
    const tiles = tilePaths();
    const latencies: Record<Kind, number[]> = { geojson: [], tile: [], ogc: [], record: [], write: [] };
    const failures: string[] = [];
    const rss: { at: number; bytes: number }[] = [];
    const started = performance.now();
    const end = started + SOAK_SECONDS * 1000;
    let turn = 0;

    const timed = async (kind: Kind, run: () => Promise<Response>) => {
      const at = performance.now();
      try {
        const response = await run();
        await response.arrayBuffer();
        latencies[kind].push(performance.now() - at);
        if (response.status !== 200) failures.push(`${kind} ${response.status}`);
        return response;
      } catch (error) {
        failures.push(`${kind} socket: ${String(error)}`);
        return null;
      }
    };
    const get = (path: string) => () =>
      fetch(`${app.origin}${path}`, {
        headers: { 'Accept-Encoding': 'gzip' },
        signal: AbortSignal.timeout(30_000),
      });

    const reader = async (pauseMs: number) => {
      while (performance.now() < end) {
        turn += 1;
        const pick = turn % 10;
        if (pick < 3) await timed('tile', get(tiles[turn % tiles.length] as string));
        else if (pick < 5) await timed('geojson', get(`/api/clusters?province=${PROVINCE}`));
        else if (pick < 7)
          await timed('ogc', get(`/ogc/collections/clusters/items?limit=3&offset=${turn % 9}`));
        else await timed('record', get(`/api/clusters/${clusterIds[turn % clusterIds.length]}`));
        await sleep(pauseMs);
      }
    };
    const editor = async () => {
      let value = 1;
      while (performance.now() < end) {
        const id = clusterIds[value % clusterIds.length] as string;
        const current = await timed('record', () => fetch(`${app.origin}/api/clusters/${id}`));
        if (current?.status === 200) {
          const { version } = ClusterRecord.parse(
            await (await fetch(`${app.origin}/api/clusters/${id}`)).json(),
          );
          await timed('write', () =>
            fetch(`${app.origin}/api/clusters/${id}`, {
              method: 'PATCH',
              headers: writeHeaders(app.origin, session, { 'If-Match': `"cluster-${id}-v${version}"` }),
              body: JSON.stringify({ figures: { workerCount: { value: value++ } }, source: SOURCE }),
            }),
          );
        }
        await sleep(1_000);
      }
    };
    const sampler = async () => {
      while (performance.now() < end) {
        rss.push({ at: performance.now() - started, bytes: app.rss() });
        await sleep(RSS_SAMPLE_MS);
      }
    };
    await Promise.all([reader(2), reader(5), reader(5), reader(10), editor(), sampler()]);

    const all = Object.values(latencies).flat();
    const third = Math.floor(rss.length / 3);
    const first = median(rss.slice(0, third).map((sample) => sample.bytes));
    const last = median(rss.slice(rss.length - third).map((sample) => sample.bytes));
    const bound = first * (1 + RSS_GROWTH) + RSS_SLACK_BYTES;
    const line = (kind: string, values: number[]) =>
      `  ${kind.padEnd(8)} ${String(values.length).padStart(7)} answers, p50 ${median(values).toFixed(1)} ms, p99 ${quantile(values, 0.99).toFixed(1)} ms`;
    console.info(
      [
        `[stress] soak ${SOAK_SECONDS} s: ${all.length} answers (${Math.round(all.length / SOAK_SECONDS)}/s), ${failures.length} failures`,
        line('all', all),
        ...Object.entries(latencies).map(([kind, values]) => line(kind, values)),
        `  RSS: first third median ${mib(first)} MiB, last third ${mib(last)} MiB (bound ${mib(bound)} MiB), min ${mib(Math.min(...rss.map((s) => s.bytes)))}, max ${mib(Math.max(...rss.map((s) => s.bytes)))} MiB, ${rss.length} samples`,
        `  RSS samples (MiB): ${rss.map((sample) => mib(sample.bytes)).join(' ')}`,
      ].join('\n'),
    );

    expect(failures.slice(0, 20)).toEqual([]);
    expect(latencies.write.length).toBeGreaterThan(0);
    for (const kind of ['geojson', 'tile', 'ogc', 'record'] as const)
      expect(latencies[kind].length, kind).toBeGreaterThan(0);
    expect(rss.length).toBeGreaterThanOrEqual(6);
    expect(last).toBeLessThanOrEqual(bound);
    expect(app.process.exitCode).toBeNull();
  });
});
