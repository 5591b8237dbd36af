/**
 * The write scenarios of issue 9 (items 10a and 10c), run against the real server on either
 * database: pglite-writes.test.ts (PGlite, DATA_DIR) and postgres-writes.test.ts (a private
 * PostgreSQL).
 */
import { expect } from 'vitest';
import { ClusterHistory, ClusterRecord, StaleWrite } from '../../domain/history.ts';
import { PlotLayoutResult } from '../../domain/plot-layout-api.ts';
import { type AppChild, PROVINCE, type Session, SOURCE, sleep, writeHeaders } from './harness.ts';

/** Entries `GET /api/clusters/{id}/history` answers at most (store.clusterHistory's limit). */
const HISTORY_PAGE = 200;

export type Target = {
  /** For the printed lines: PGlite, PostgreSQL. */
  label: string;
  app: AppChild;
  session: Session;
  clusterIds: string[];
  /** Starts the server again on the same data (same port), replacing `app`. */
  restart(): Promise<void>;
};

/** Every plot and every cluster version has its audit row (SQL on the database, after the runs). */
export const auditAgreementSql = {
  plots: `
    select c.id as cluster_id,
      (select count(*)::int from plots p where p.cluster_id = c.id) as plots,
      (select count(distinct a.entity_id)::int from audit_log a
         where a.entity = 'plot' and a.after is not null and a.after->'doc'->>'clusterId' = c.id) as audited
    from clusters c`,
  clusters: `
    select c.id, c.version,
      (select count(*)::int from audit_log a where a.entity = 'cluster' and a.entity_id = c.id) as rows
    from clusters c`,
};

export async function expectAuditAgreement(query: <Row>(text: string) => Promise<Row[]>) {
  const plots = await query<{ cluster_id: string; plots: number; audited: number }>(auditAgreementSql.plots);
  for (const row of plots) expect(row.audited, row.cluster_id).toBe(row.plots);
  const versions = await query<{ id: string; version: number; rows: number }>(auditAgreementSql.clusters);
  for (const row of versions) expect(row.rows, row.id).toBe(row.version);
}

export function writeScenarios(target: Target) {
  async function record(id: string) {
    const response = await fetch(`${target.app.origin}/api/clusters/${id}`);
    expect(response.status, id).toBe(200);
    return ClusterRecord.parse(await response.json());
  }

  async function history(id: string) {
    const response = await fetch(`${target.app.origin}/api/clusters/${id}/history`);
    expect(response.status, id).toBe(200);
    return ClusterHistory.parse(await response.json()).entries;
  }

  const workerCount = (cluster: ClusterRecord) => cluster.feature.properties.figures?.workerCount?.value;

  async function plotCount(clusterId: string): Promise<number> {
    const response = await fetch(`${target.app.origin}/api/plots?cluster=${clusterId}&limit=1`);
    expect(response.status, clusterId).toBe(200);
    return ((await response.json()) as { numberMatched: number }).numberMatched;
  }

  /** One PATCH setting the cluster's worker count, with the If-Match given. */
  function patch(id: string, version: number, value: number, signal?: AbortSignal) {
    return fetch(`${target.app.origin}/api/clusters/${id}`, {
      method: 'PATCH',
      headers: writeHeaders(target.app.origin, target.session, { 'If-Match': `"cluster-${id}-v${version}"` }),
      body: JSON.stringify({ figures: { workerCount: { value } }, source: SOURCE }),
      signal,
    });
  }

  /** The cluster's ETag as the server makes it: checked once against a real answer below. */
  async function etagFormat(id: string) {
    const response = await fetch(`${target.app.origin}/api/clusters/${id}`);
    const found = ClusterRecord.parse(await response.json());
    expect(response.headers.get('etag')).toBe(`"cluster-${id}-v${found.version}"`);
  }

  /** Every version from 1 to the current one appears exactly once in the history. */
  /**
   * The history's versions: each once, no gap, up to the current one. The route answers the latest
   * HISTORY_PAGE; the whole log is checked in SQL at the end (expectAuditAgreement).
   */
  function expectConsecutive(entries: { version: number }[], current: number, id: string) {
    const versions = entries.map((entry) => entry.version).sort((a, b) => a - b);
    const length = Math.min(current, HISTORY_PAGE);
    expect(versions, id).toEqual(Array.from({ length }, (_, index) => current - length + index + 1));
  }

  type Snapshot = Map<string, { version: number; workerCount: number | undefined; plots: number }>;

  async function snapshot(): Promise<Snapshot> {
    const entries = await Promise.all(
      target.clusterIds.map(async (id) => {
        const found = await record(id);
        return [
          id,
          { version: found.version, workerCount: workerCount(found), plots: await plotCount(id) },
        ] as const;
      }),
    );
    return new Map(entries);
  }

  /** Plots 10–40 m wide: the smallest the route accepts for this cluster (the most rows written). */
  async function largestLayout(id: string) {
    for (const width of [10, 15, 20, 30, 40]) {
      const response = await fetch(`${target.app.origin}/api/clusters/${id}/plot-layout`, {
        method: 'POST',
        headers: writeHeaders(target.app.origin, target.session),
        body: JSON.stringify({ plotWidthM: width, plotDepthM: width, roadWidthM: 4, dryRun: true }),
      });
      if (response.status === 200) {
        const result = PlotLayoutResult.parse(await response.json());
        if (result.plotCount > 0) return { width, plots: result.plotCount };
      }
    }
    return null;
  }

  function postLayout(id: string, width: number) {
    return fetch(`${target.app.origin}/api/clusters/${id}/plot-layout`, {
      method: 'POST',
      headers: writeHeaders(target.app.origin, target.session),
      body: JSON.stringify({ plotWidthM: width, plotDepthM: width, roadWidthM: 4, dryRun: false }),
    });
  }

  /** 50 writers at once over the clusters, each retrying with a fresh If-Match until accepted. */
  async function parallelWrites() {
    await etagFormat(target.clusterIds[0] as string);
    const before = new Map(
      await Promise.all(target.clusterIds.map(async (id) => [id, (await record(id)).version] as const)),
    );
    const statuses: number[] = [];
    const accepted: { id: string; version: number; value: number }[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 50 }, async (_, writer) => {
        const id = target.clusterIds[writer % target.clusterIds.length] as string;
        const value = 1000 + writer;
        // The first try uses the version read before anyone wrote; a 412 says what it is now.
        let version = before.get(id) as number;
        for (let attempt = 0; attempt < 200; attempt++) {
          const response = await patch(id, version, value);
          statuses.push(response.status);
          if (response.status === 200) {
            accepted.push({ id, version: ClusterRecord.parse(await response.json()).version, value });
            return;
          }
          expect(response.status, await response.clone().text()).toBe(412);
          version = StaleWrite.parse(await response.json()).current.version;
        }
        throw new Error(`writer ${writer} never got its edit in`);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const refused = statuses.filter((status) => status === 412).length;
    console.info(
      `[stress] 50 parallel writes on ${target.label}: all accepted in ${seconds.toFixed(1)} s, ${refused} stale tries (412) retried, statuses seen: ${[...new Set(statuses)].join(', ')}`,
    );
    expect(accepted).toHaveLength(50);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    for (const id of target.clusterIds) {
      const mine = accepted.filter((write) => write.id === id);
      const current = await record(id);
      const start = before.get(id) as number;
      // Versions start + 1 … start + n, each given to exactly one writer.
      expect(
        mine.map((write) => write.version).sort((a, b) => a - b),
        id,
      ).toEqual(Array.from({ length: mine.length }, (_, index) => start + index + 1));
      expect(current.version, id).toBe(start + mine.length);
      // The last accepted write is what the cluster holds.
      const last = mine.find((write) => write.version === current.version);
      expect(workerCount(current), id).toBe(last?.value);
      // One audit row per version: the history has each version once, no gap.
      const entries = await history(id);
      expectConsecutive(entries, current.version, id);
      expect(
        entries.filter((entry) => entry.version > start && entry.accountName === 'Trần Thị Lan'),
      ).toHaveLength(mine.length);
    }
  }

  /** SIGKILL during layouts and edits at several delays, restart, check whole-or-absent. */
  async function killAndRestart() {
    // Clusters a layout can fill (with no plots yet), largest layout first; one is timed whole.
    const candidates: { id: string; width: number; plots: number }[] = [];
    for (const id of target.clusterIds) {
      const layout = await largestLayout(id);
      if (layout && (await plotCount(id)) === 0) candidates.push({ id, ...layout });
    }
    candidates.sort((a, b) => b.plots - a.plots);
    expect(candidates.length).toBeGreaterThanOrEqual(3);
    const timed = candidates.pop() as (typeof candidates)[number];
    const timer = performance.now();
    const whole = await postLayout(timed.id, timed.width);
    expect(whole.status).toBe(200);
    const layoutMs = performance.now() - timer;
    expect(await plotCount(timed.id)).toBe(timed.plots);
    console.info(
      `[stress] a whole layout of ${timed.plots} plots takes ${Math.round(layoutMs)} ms on ${target.label}`,
    );

    const editedId = timed.id;
    // Layouts killed part-way (a share of the time a whole one took), and one killed as soon as it
    // was acknowledged; edits, one after the other, killed at a few delays.
    type Round = { layout: number | 'acknowledged' } | { editsMs: number };
    const layoutRounds: Round[] = [
      { layout: 0.3 },
      { layout: 0.75 },
      { layout: 'acknowledged' },
      { layout: 1.1 },
    ];
    const rounds: Round[] = [
      ...layoutRounds.slice(0, candidates.length),
      { editsMs: 400 },
      { editsMs: 1_000 },
      { editsMs: 1_700 },
    ];
    const outcomes: string[] = [];
    let nextValue = 5000;
    let layoutRound = 0;
    for (const round of rounds) {
      const before = await snapshot();
      const layoutTarget =
        'layout' in round ? (candidates[layoutRound++] as (typeof candidates)[number]) : null;
      let layoutStatus: number | 'cut' | null = null;
      const acknowledged: { version: number; value: number }[] = [];
      const sent: { version: number; value: number }[] = [];
      let killedAt = 0;
      const roundStart = performance.now();

      if (layoutTarget && 'layout' in round) {
        const layout = postLayout(layoutTarget.id, layoutTarget.width).then(
          (response) => response.status,
          () => 'cut' as const,
        );
        if (round.layout === 'acknowledged') {
          layoutStatus = await layout;
          killedAt = performance.now() - roundStart;
          await target.app.kill();
        } else {
          await sleep(Math.round(layoutMs * round.layout));
          killedAt = performance.now() - roundStart;
          await target.app.kill();
          layoutStatus = await layout;
        }
      } else if ('editsMs' in round) {
        let stopEdits = false;
        const edits = (async () => {
          let version = before.get(editedId)?.version as number;
          while (!stopEdits) {
            const value = nextValue++;
            sent.push({ version: version + 1, value });
            try {
              const response = await patch(editedId, version, value);
              if (response.status !== 200) throw new Error(`edit answered ${response.status}`);
              version = ClusterRecord.parse(await response.json()).version;
              acknowledged.push({ version, value });
            } catch {
              return;
            }
          }
        })();
        await sleep(round.editsMs);
        killedAt = performance.now() - roundStart;
        await target.app.kill();
        stopEdits = true;
        await edits;
      }

      await target.restart();
      const after = await snapshot();
      const touched = new Set([editedId, layoutTarget?.id]);

      let outcome = '';
      if (layoutTarget) {
        // The layout: all of its plots, or none; an acknowledged one survives.
        const plots = after.get(layoutTarget.id)?.plots;
        expect(
          [0, layoutTarget.plots],
          `plots of ${layoutTarget.id} after a kill at ${Math.round(killedAt)} ms`,
        ).toContain(plots);
        if (layoutStatus === 200) expect(plots, 'an acknowledged layout survives').toBe(layoutTarget.plots);
        outcome = `layout of ${layoutTarget.plots} plots ${plots === 0 ? 'absent' : 'present'} (answer: ${String(layoutStatus)})`;
        // Its audit: one version per plot is checked in the database at the end.
      }

      // The edited cluster: every acknowledged edit kept; at most the one in flight more; history agrees.
      const edited = await record(editedId);
      const lastAck = acknowledged.at(-1)?.version ?? (before.get(editedId)?.version as number);
      expect(edited.version).toBeGreaterThanOrEqual(lastAck);
      expect(edited.version).toBeLessThanOrEqual(lastAck + 1);
      const expectedValue =
        edited.version === (before.get(editedId)?.version as number)
          ? before.get(editedId)?.workerCount
          : sent.find((edit) => edit.version === edited.version)?.value;
      expect(workerCount(edited)).toBe(expectedValue);
      expectConsecutive(await history(editedId), edited.version, editedId);
      if ('editsMs' in round) {
        outcome = `${acknowledged.length} edits acknowledged, all kept; the one in flight ${edited.version > lastAck ? 'landed whole' : 'absent'}`;
      }

      // Nothing else changed.
      for (const [id, was] of before) {
        if (touched.has(id)) continue;
        expect(after.get(id), id).toEqual(was);
      }
      expect(after.get(editedId)?.plots).toBe(before.get(editedId)?.plots);
      // The session (and so the accounts) survived: a write is accepted again.
      const again = await patch(editedId, edited.version, nextValue++);
      expect(again.status).toBe(200);
      outcomes.push(`SIGKILL at ${Math.round(killedAt)} ms: ${outcome}`);
    }
    console.info(`[stress] ${target.label} kill/restart outcomes:\n  ${outcomes.join('\n  ')}`);
  }

  /**
   * An in-app file import (POST /api/provinces/{id}/imports, commit): a GeoJSON setting the number
   * of production facilities of every cluster of the province, applied in one transaction. Resolves
   * with whether the answer's last event was the result (the import acknowledged).
   */
  async function postImport(value: number): Promise<'acknowledged' | 'cut' | string> {
    const file = JSON.stringify({
      type: 'FeatureCollection',
      features: target.clusterIds.map((id) => ({
        type: 'Feature',
        properties: { cluster: id, productionFacilityCount: value },
        geometry: null,
      })),
    });
    const query = new URLSearchParams({
      fileName: 'so-lieu-co-so-san-xuat.geojson',
      source: SOURCE.sourceId,
      asOf: SOURCE.asOf,
      commit: 'true',
    });
    try {
      const response = await fetch(`${target.app.origin}/api/provinces/${PROVINCE}/imports?${query}`, {
        method: 'POST',
        headers: writeHeaders(target.app.origin, target.session, {
          'Content-Type': 'application/octet-stream',
        }),
        body: file,
      });
      const lines = (await response.text()).split('\n').filter(Boolean);
      const last = JSON.parse(lines.at(-1) ?? '{}') as { type?: string };
      return last.type === 'result' ? 'acknowledged' : `answered ${response.status} ${last.type ?? ''}`;
    } catch {
      return 'cut';
    }
  }

  const facilities = (cluster: ClusterRecord) =>
    cluster.feature.properties.figures?.productionFacilityCount?.value;

  /** SIGKILL during an in-app import at several delays, restart: every cluster updated, or none. */
  async function killDuringImport() {
    const timer = performance.now();
    expect(await postImport(1)).toBe('acknowledged');
    const importMs = performance.now() - timer;
    for (const id of target.clusterIds) expect(facilities(await record(id)), id).toBe(1);
    console.info(
      `[stress] an import of ${target.clusterIds.length} clusters' figures takes ${Math.round(importMs)} ms on ${target.label}`,
    );
    const outcomes: string[] = [];
    let value = 100;
    for (const share of [0.2, 0.5, 0.8, 0.9, 0.95, 'acknowledged'] as const) {
      value += 1;
      const before = await Promise.all(target.clusterIds.map(record));
      const started = performance.now();
      const answer = postImport(value);
      let outcome: string;
      if (share === 'acknowledged') {
        outcome = await answer;
        await target.app.kill();
      } else {
        await sleep(Math.round(importMs * share));
        await target.app.kill();
        outcome = await answer;
      }
      const killedAt = performance.now() - started;
      await target.restart();
      const after = await Promise.all(target.clusterIds.map(record));
      const updated = after.filter((cluster) => facilities(cluster) === value).length;
      // All or nothing: each cluster one version on with the new figure, or each exactly as it was.
      expect([0, after.length], `clusters updated after a kill at ${Math.round(killedAt)} ms`).toContain(
        updated,
      );
      after.forEach((cluster, index) => {
        const was = before[index] as ClusterRecord;
        if (updated === 0) expect(cluster.version, cluster.feature.properties.id).toBe(was.version);
        else expect(cluster.version, cluster.feature.properties.id).toBe(was.version + 1);
        if (updated === 0) expect(facilities(cluster), cluster.feature.properties.id).toBe(facilities(was));
      });
      if (outcome === 'acknowledged') expect(updated, 'an acknowledged import survives').toBe(after.length);
      outcomes.push(
        `SIGKILL at ${Math.round(killedAt)} ms: import ${updated === 0 ? 'absent' : 'present, whole'} (answer: ${outcome})`,
      );
    }
    console.info(`[stress] ${target.label} kill during import:\n  ${outcomes.join('\n  ')}`);
  }

  return { parallelWrites, killAndRestart, killDuringImport };
}
