import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportPlanReport, ImportResult } from '../../../../domain/import-api.ts';
import { ApiRequestError } from '../../api/client.ts';
import type { RunProgress } from './ImportProgressView.tsx';
import { type ImportOrder, sendImport } from './import-request.ts';

/** A run's state: not yet, under way, its plan (dry run), its result (commit), or why it failed. */
export type Run =
  | { state: 'idle' }
  | { state: 'busy'; commit: boolean; progress: RunProgress }
  | { state: 'planned'; plan: ImportPlanReport }
  | { state: 'committed'; plan: ImportPlanReport; result: ImportResult }
  | { state: 'failed'; error: ApiRequestError; plan: ImportPlanReport | null };

const asRequestError = (error: unknown) =>
  error instanceof ApiRequestError
    ? error
    : new ApiRequestError(0, `Lỗi: ${String(error)}`, `Error: ${String(error)}`);

/**
 * Runs imports one at a time and keeps the last one's state; a run still going when the dialog
 * closes is aborted (the server then writes nothing).
 */
export function useImportRun(csrfToken: string | null) {
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const abort = useRef<(() => void) | null>(null);
  useEffect(() => () => abort.current?.(), []);

  const start = useCallback(
    async (order: ImportOrder): Promise<Run> => {
      let progress: RunProgress = { upload: { loaded: 0, total: order.file.size }, step: null };
      setRun({ state: 'busy', commit: order.commit, progress });
      const update = (change: Partial<RunProgress>) => {
        progress = { ...progress, ...change };
        setRun({ state: 'busy', commit: order.commit, progress });
      };
      const request = sendImport(order, {
        csrfToken,
        onUpload: (loaded, total) => update({ upload: { loaded, total } }),
        onProgress: (step) => update({ step }),
      });
      abort.current = request.abort;
      let next: Run;
      try {
        const last = await request.done;
        next =
          last.type === 'plan'
            ? { state: 'planned', plan: last.plan }
            : last.type === 'result'
              ? { state: 'committed', plan: last.plan, result: last.result }
              : {
                  state: 'failed',
                  error: new ApiRequestError(
                    last.status,
                    last.error.message_vi,
                    last.error.message_en,
                    last.error.code,
                  ),
                  plan: last.plan ?? null,
                };
      } catch (error) {
        next = { state: 'failed', error: asRequestError(error), plan: null };
      }
      abort.current = null;
      setRun(next);
      return next;
    },
    [csrfToken],
  );

  /** A failure found before sending (the file too large), shown as a run's would be. */
  const fail = useCallback((error: ApiRequestError) => setRun({ state: 'failed', error, plan: null }), []);
  return { run, start, fail };
}
