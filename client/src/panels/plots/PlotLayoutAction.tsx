import { type FormEvent, useState } from 'react';
import { canEditProvince } from '../../../../domain/account.ts';
import type { ClusterProperties } from '../../../../domain/cluster.ts';
import { PlotLayoutResult } from '../../../../domain/plot-layout-api.ts';
import { ApiRequestError, sendJson } from '../../api/client.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useI18n } from '../../i18n/I18nContext.tsx';
import type { Messages } from '../../i18n/messages.ts';
import {
  defaultLayoutForm,
  type LayoutForm,
  type LayoutFormField,
  layoutFormFields,
  layoutFromForm,
} from '../../plots/layout-form.ts';

type Props = {
  cluster: ClusterProperties;
  /** Opens the investor's "Tìm lô đất" on this cluster, where the plots are listed. */
  onShowPlots: () => void;
};

const fieldLabels: Record<LayoutFormField, keyof Messages> = {
  plotWidthM: 'layoutPlotWidth',
  plotDepthM: 'layoutPlotDepth',
  roadWidthM: 'layoutRoadWidth',
};

type Outcome =
  | { kind: 'preview' | 'done'; result: PlotLayoutResult }
  | { kind: 'error'; text: string }
  | null;

/**
 * "Phân lô minh họa" for an editor of the cluster's province: a form with the plot and road sizes,
 * "Xem trước" (a dry run: how many plots would be made, replaced, removed) and only then "Tạo lô
 * minh họa", then a way to the investor view to see them. Generated plots are demonstration data,
 * and the form says so before anything is written.
 */
export function PlotLayoutAction({ cluster, onShowPlots }: Props) {
  const { t, language, number } = useI18n();
  const { account, csrfToken } = useAuth();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<LayoutForm>(() => defaultLayoutForm(language));
  const [attempted, setAttempted] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState<'preview' | 'commit' | null>(null);
  if (!canEditProvince(account, cluster.provinceId) || cluster.stage === 'removed') return null;

  const errors: Partial<Record<LayoutFormField, { min: number; max: number }>> = attempted
    ? layoutFromForm(form, true).errors
    : {};
  const counts = (text: string, result: PlotLayoutResult) =>
    text
      .replace('{count}', number(result.plotCount))
      .replace('{inserted}', number(result.inserted))
      .replace('{replaced}', number(result.replaced))
      .replace('{removed}', number(result.removed));
  const failed = (error: unknown) => {
    const status = error instanceof ApiRequestError ? error.status : 0;
    const detail =
      status === 401
        ? t.editSessionEnded
        : error instanceof ApiRequestError
          ? language === 'vi'
            ? error.messageVi
            : error.messageEn
          : String(error);
    setOutcome({ kind: 'error', text: `${t.layoutFailed}: ${detail}` });
  };

  const run = async (dryRun: boolean) => {
    setAttempted(true);
    const { body } = layoutFromForm(form, dryRun);
    if (!body) return;
    setBusy(dryRun ? 'preview' : 'commit');
    try {
      const answer = await sendJson(
        'POST',
        `/api/clusters/${encodeURIComponent(cluster.id)}/plot-layout`,
        body,
        {
          csrfToken,
          schema: PlotLayoutResult,
        },
      );
      setOutcome({ kind: dryRun ? 'preview' : 'done', result: answer.body });
    } catch (error) {
      failed(error);
    } finally {
      setBusy(null);
    }
  };
  const preview = (event: FormEvent) => {
    event.preventDefault();
    void run(true);
  };
  // "Tạo" writes exactly what was previewed: any change to the sizes asks for a new preview.
  const change = (field: LayoutFormField, value: string) => {
    setForm({ ...form, [field]: value });
    if (outcome?.kind !== 'done') setOutcome(null);
  };
  const illustrative =
    outcome && outcome.kind !== 'error'
      ? outcome.result.illustrativeGeometry
      : cluster.geometrySource === 'illustrative';

  if (!open) {
    return (
      <div className="card-actions">
        <button type="button" className="button" data-action="plot-layout" onClick={() => setOpen(true)}>
          {t.layoutOpen}
        </button>
      </div>
    );
  }
  return (
    <form className="plot-layout-form" onSubmit={preview} noValidate aria-labelledby="plot-layout-title">
      <h3 id="plot-layout-title">{t.layoutTitle.replace('{name}', cluster.name[language])}</h3>
      <p className="notice illustrative">
        <span className="generated-badge">{t.generatedBadge}</span> {t.layoutNotice}
      </p>
      {illustrative && <p className="muted small">{t.layoutIllustrativeBoundary}</p>}
      {layoutFormFields.map((field) => {
        const error = errors[field];
        return (
          <label key={field} className="edit-row">
            <span>{t[fieldLabels[field]]}</span>
            <input
              type="text"
              inputMode="decimal"
              name={field}
              value={form[field]}
              size={6}
              aria-invalid={error !== undefined}
              onChange={(event) => change(field, event.target.value)}
            />
            <span className="edit-unit">{t.layoutMetres}</span>
            {error && (
              <span className="field-error layout-field-error">
                {t.layoutRange.replace('{min}', number(error.min)).replace('{max}', number(error.max))}
              </span>
            )}
          </label>
        );
      })}
      {outcome?.kind === 'preview' && (
        <p className="notice" role="status" data-outcome="preview">
          {counts(t.layoutPreviewResult, outcome.result)}
          {outcome.result.plotCount === 0 && <> {t.layoutNone}</>}
        </p>
      )}
      {outcome?.kind === 'done' && (
        <div className="notice saved" role="status" data-outcome="done">
          <p>{counts(t.layoutDone, outcome.result)}</p>
          <button type="button" className="button" data-action="show-plots" onClick={onShowPlots}>
            {t.layoutShowPlots.replace('{mode}', t.modePlots)}
          </button>
        </div>
      )}
      {outcome?.kind === 'error' && (
        <p className="notice error" role="alert">
          {outcome.text}
        </p>
      )}
      <div className="edit-actions">
        <button type="submit" className="button" disabled={busy !== null}>
          {busy === 'preview' ? t.layoutPreviewing : t.layoutPreview}
        </button>
        <button
          type="button"
          className="button primary"
          disabled={busy !== null || outcome?.kind !== 'preview' || outcome.result.plotCount === 0}
          onClick={() => void run(false)}
        >
          {busy === 'commit' ? t.layoutCommitting : t.layoutCommit}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setOpen(false);
            setOutcome(null);
          }}
        >
          {t.layoutClose}
        </button>
      </div>
    </form>
  );
}
