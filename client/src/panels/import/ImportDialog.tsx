import { useState } from 'react';
import { type ImportPlanReport, MAX_IMPORT_FILE_BYTES } from '../../../../domain/import-api.ts';
import type { Source } from '../../../../domain/source.ts';
import { ApiRequestError } from '../../api/client.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { ModalDialog } from '../ModalDialog.tsx';
import { importCrsOptions } from './crs-options.ts';
import { type ImportChoices, ImportFields } from './ImportFields.tsx';
import { ImportProgressView } from './ImportProgressView.tsx';
import { ImportReport } from './ImportReport.tsx';
import { useImportRun } from './useImportRun.ts';
import './import.css';

type Props = {
  provinceId: string;
  sources: Source[];
  today: string;
  onClose: () => void;
  /** After a commit: the app reloads the map and dashboard. */
  onImported: () => void;
};

/** Which file and CRS a plan was made for: a commit is allowed only for the file just dry-run. */
const runKey = (choices: ImportChoices) =>
  choices.file
    ? `${choices.file.name}|${choices.file.size}|${choices.file.lastModified}|${choices.crs}`
    : null;

/**
 * The import dialog: choose a file, its CRS, the source and date; "Chạy thử" uploads it and shows
 * the report; "Ghi vào dữ liệu", allowed once a dry run of that file found no problem and a source
 * is chosen, sends it again to be written.
 */
export function ImportDialog({ provinceId, sources, today, onClose, onImported }: Props) {
  const { t, language } = useI18n();
  const { csrfToken, refresh } = useAuth();
  const [choices, setChoices] = useState<ImportChoices>({ file: null, crs: '', sourceId: '', asOf: today });
  // The last dry run's file and plan; plan null when the file could not be read at all.
  const [planned, setPlanned] = useState<{ key: string; plan: ImportPlanReport | null } | null>(null);
  const { run, start, fail } = useImportRun(csrfToken);
  const busy = run.state === 'busy';
  const key = runKey(choices);
  const cleanPlan = planned?.key === key && planned.plan?.problems.length === 0;
  const canCommit = cleanPlan && choices.sourceId !== '' && !busy && run.state !== 'committed';
  const commitHint =
    choices.file === null
      ? t.importNeedsFile
      : planned?.key !== key
        ? t.importNeedsDryRun
        : !cleanPlan
          ? t.importNeedsNoProblems
          : choices.sourceId === ''
            ? t.importNeedsSource
            : null;

  const send = async (commit: boolean) => {
    const file = choices.file;
    if (!file || !key) return;
    if (file.size > MAX_IMPORT_FILE_BYTES) {
      const size = String(MAX_IMPORT_FILE_BYTES / 1024 / 1024);
      fail(
        new ApiRequestError(
          413,
          t.importTooLarge.replace('{size}', size),
          t.importTooLarge.replace('{size}', size),
        ),
      );
      return;
    }
    const done = await start({
      provinceId,
      file,
      crs: choices.crs || null,
      sourceId: choices.sourceId || null,
      asOf: choices.asOf || null,
      commit,
    });
    if (done.state === 'planned') setPlanned({ key, plan: done.plan });
    if (done.state === 'failed' && !commit && done.error.status === 422) setPlanned({ key, plan: null });
    if (done.state === 'committed') onImported();
    if (done.state === 'failed' && done.error.status === 401) void refresh();
  };

  const failure = run.state === 'failed' ? run.error : null;
  // The server's own words say what went wrong (403, 413, 422, …); a 401 needs the way back in.
  const failureText = failure
    ? failure.status === 401
      ? t.importSessionEnded
      : language === 'vi'
        ? failure.messageVi
        : failure.messageEn
    : null;
  const shownPlan =
    run.state === 'planned' || run.state === 'committed'
      ? run.plan
      : run.state === 'failed'
        ? run.plan
        : null;

  return (
    <ModalDialog
      className="import-dialog"
      titleId="import-dialog-title"
      title={t.importTitle}
      onClose={onClose}
    >
      <p className="muted small">{t.importHelp}</p>
      <ImportFields
        choices={choices}
        crsOptions={importCrsOptions(provinceId)}
        sources={sources}
        disabled={busy}
        onChange={(change) => setChoices((current) => ({ ...current, ...change }))}
      />
      <div className="edit-actions">
        <button
          type="button"
          className="button"
          disabled={busy || !choices.file}
          onClick={() => void send(false)}
        >
          {t.importDryRun}
        </button>
        <button
          type="button"
          className="button primary"
          disabled={!canCommit}
          onClick={() => void send(true)}
        >
          {t.importCommit}
        </button>
        {commitHint && !busy && <span className="muted small import-hint">{commitHint}</span>}
      </div>
      {run.state === 'busy' && <ImportProgressView progress={run.progress} />}
      {failureText && (
        <p className="notice error import-error" role="alert">
          <strong>{t.importFailed}:</strong> {failureText}
        </p>
      )}
      {run.state === 'committed' && (
        <p className="notice saved import-result" role="status">
          <strong>{t.importCommitted}.</strong>{' '}
          {t.importResult
            .replace('{boundaries}', String(run.result.boundariesUpdated))
            .replace('{figures}', String(run.result.figuresUpdated))}
        </p>
      )}
      {shownPlan && (
        <section aria-labelledby="import-report-title">
          <h3 id="import-report-title">{t.importReport}</h3>
          <ImportReport plan={shownPlan} committed={run.state === 'committed'} />
        </section>
      )}
    </ModalDialog>
  );
}
