import type { Response } from 'express';
import type { ImportEvent, ImportProgress } from '../../domain/import-api.ts';

/** Least time between two progress lines: about ten a second moves a bar smoothly enough. */
const PROGRESS_INTERVAL_MS = 100;

/**
 * A function to await between steps of long work: it lets the event loop turn at most every
 * `everyMs`. PGlite runs in this process and answers through promises alone, so without a turn now
 * and then the progress lines (Node uncorks a response on the next tick) and every other request
 * would wait until the whole plan is done.
 */
export function eventLoopTurns(everyMs = 50): () => Promise<void> {
  let last = Date.now();
  return async () => {
    if (Date.now() - last < everyMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    last = Date.now();
  };
}

/** Thrown from a progress callback once the client has gone: stops the work, rolls a commit back. */
export class ImportAbandoned extends Error {
  constructor() {
    super('the client closed the connection');
  }
}

/**
 * Begins the import's NDJSON answer (200, one `ImportEvent` per line) and gives what writes it.
 * `no-transform` keeps the compression middleware from holding lines back to fill a gzip block;
 * `X-Accel-Buffering: no` asks a reverse proxy (nginx) not to buffer either.
 */
export function startImportStream(response: Response) {
  let abandoned = false;
  response.on('close', () => {
    if (!response.writableFinished) abandoned = true;
  });
  response.status(200).set({
    'Content-Type': 'application/x-ndjson; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    'X-Accel-Buffering': 'no',
  });
  response.flushHeaders();

  const write = (event: ImportEvent) => {
    if (!abandoned) response.write(`${JSON.stringify(event)}\n`);
  };
  let lastAt = 0;
  let lastPhase: ImportProgress['phase'] | null = null;
  return {
    /** A progress line, unless one was sent less than 100 ms ago; a phase's first and last always go. */
    progress(progress: ImportProgress) {
      if (abandoned) throw new ImportAbandoned();
      const now = Date.now();
      const edge = progress.phase !== lastPhase || progress.done === progress.total;
      if (!edge && now - lastAt < PROGRESS_INTERVAL_MS) return;
      lastAt = now;
      lastPhase = progress.phase;
      write({ type: 'progress', ...progress });
    },
    /** The last line, then the end of the answer. */
    finish(event: ImportEvent) {
      write(event);
      response.end();
    },
  };
}
