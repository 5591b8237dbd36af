import { type FormEvent, useEffect, useState } from 'react';
import { StaleWrite } from '../../../../domain/history.ts';
import type { Source } from '../../../../domain/source.ts';
import { ApiRequestError } from '../../api/client.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { ClearanceFields } from './ClearanceFields.tsx';
import {
  type ClusterForm,
  changeFromForm,
  type FieldError,
  formFromCluster,
  rebaseForm,
} from './change-from-form.ts';
import { type EditableRecord, fetchClusterRecord, saveClusterChange } from './cluster-api.ts';
import { FigureFields } from './FigureFields.tsx';
import { SourceFields } from './SourceFields.tsx';
import { StaleWritePanel } from './StaleWritePanel.tsx';
import { StateFields } from './StateFields.tsx';
import { TargetFields } from './TargetFields.tsx';

type Props = {
  clusterId: string;
  sources: Source[];
  today: string;
  onSaved: (version: number) => void;
  onCancel: () => void;
};

type Outcome = { kind: 'stale'; stale: StaleWrite } | { kind: 'error' | 'notice'; text: string } | null;

/**
 * Edits one cluster over the version it read (If-Match): sends only what changed, with its source;
 * on a 412 it shows what others changed and moves the editor's input onto the latest version.
 */
export function ClusterEditForm({ clusterId, sources, today, onSaved, onCancel }: Props) {
  const { t, language } = useI18n();
  const { csrfToken } = useAuth();
  const [base, setBase] = useState<EditableRecord | null>(null);
  const [form, setForm] = useState<ClusterForm | null>(null);
  // Field errors show once the editor has tried to save, then follow their input.
  const [attempted, setAttempted] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const apiMessage = (error: unknown) =>
    error instanceof ApiRequestError
      ? language === 'vi'
        ? error.messageVi
        : error.messageEn
      : String(error);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the form opens once per cluster.
  useEffect(() => {
    const controller = new AbortController();
    fetchClusterRecord(clusterId, controller.signal).then(
      (loaded) => {
        setBase(loaded);
        setForm(formFromCluster(loaded.record.feature.properties, language, today));
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setOutcome({ kind: 'error', text: apiMessage(error) });
      },
    );
    return () => controller.abort();
  }, [clusterId]);

  if (!base || !form) {
    return outcome?.kind === 'error' ? <p className="notice error">{outcome.text}</p> : <p>{t.loading}</p>;
  }
  const update = (change: Partial<ClusterForm>) => setForm({ ...form, ...change });
  const errors: Record<string, FieldError> = attempted
    ? changeFromForm(form, base.record.feature.properties, language).errors
    : {};

  const failed = (error: unknown) => {
    if (error instanceof ApiRequestError && error.status === 412) {
      const stale = StaleWrite.safeParse(error.body);
      if (stale.success) return setOutcome({ kind: 'stale', stale: stale.data });
    }
    const status = error instanceof ApiRequestError ? error.status : 0;
    const text = status === 401 ? t.editSessionEnded : status === 403 ? t.editForbidden : apiMessage(error);
    setOutcome({ kind: 'error', text: `${t.editFailed}: ${text}` });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = changeFromForm(form, base.record.feature.properties, language);
    setAttempted(true);
    if (!result.changed) return setOutcome({ kind: 'notice', text: t.editNoChange });
    if (!result.change) return setOutcome({ kind: 'error', text: t.editHasErrors });
    setBusy(true);
    try {
      const saved = await saveClusterChange(clusterId, result.change, { csrfToken, etag: base.etag });
      onSaved(saved.record.version);
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  const applyOntoLatest = async () => {
    setBusy(true);
    try {
      const latest = await fetchClusterRecord(clusterId);
      setForm(rebaseForm(form, base.record.feature.properties, latest.record.feature.properties, language));
      setBase(latest);
      setOutcome({
        kind: 'notice',
        text: t.staleApplied.replace('{version}', String(latest.record.version)),
      });
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="cluster-edit-form" onSubmit={submit} noValidate data-version={base.record.version}>
      <h3>{t.editTitle.replace('{name}', base.record.feature.properties.name[language])}</h3>
      <SourceFields form={form} sources={sources} errors={errors} onChange={update} />
      <FigureFields figures={form.figures} errors={errors} onChange={(figures) => update({ figures })} />
      <StateFields form={form} errors={errors} onChange={update} />
      <ClearanceFields form={form} onChange={update} />
      <TargetFields targets={form.targets} errors={errors} onChange={(targets) => update({ targets })} />
      {outcome?.kind === 'stale' && (
        <StaleWritePanel stale={outcome.stale} sources={sources} busy={busy} onApply={applyOntoLatest} />
      )}
      {outcome && outcome.kind !== 'stale' && (
        <p
          className={`notice ${outcome.kind === 'error' ? 'error' : ''}`}
          role={outcome.kind === 'error' ? 'alert' : 'status'}
        >
          {outcome.text}
        </p>
      )}
      <div className="edit-actions">
        <button type="submit" className="button primary" disabled={busy || outcome?.kind === 'stale'}>
          {busy ? t.editSaving : t.editSave}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t.editCancel}
        </button>
      </div>
    </form>
  );
}
