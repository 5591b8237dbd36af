import type { ImportProgress } from '../../../../domain/import-api.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';

/** Where a run is: the upload's bytes, then the server's check and write counts. */
export type RunProgress = { upload: { loaded: number; total: number }; step: ImportProgress | null };

/** A labelled progress bar for the current step of a run. */
export function ImportProgressView({ progress }: { progress: RunProgress }) {
  const { t, number } = useI18n();
  const { upload, step } = progress;
  const uploading = step === null;
  const label = uploading ? t.importUploading : step.phase === 'check' ? t.importChecking : t.importWriting;
  const value = uploading ? upload.loaded : step.done;
  const max = Math.max(uploading ? upload.total : step.total, 1);
  const detail = uploading
    ? `${number((100 * value) / max, 0)}%`
    : `${number(step.done, 0)} / ${number(step.total, 0)}`;
  return (
    <div className="import-progress" role="status">
      <span>
        {label} {detail}
      </span>
      <progress value={value} max={max} aria-label={label} />
    </div>
  );
}
