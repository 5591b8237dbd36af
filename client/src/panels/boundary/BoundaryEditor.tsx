import { useEffect, useMemo, useState } from 'react';
import type { BoundaryChange } from '../../../../domain/boundary-change.ts';
import { type BoundaryCheck, boundaryFindingText } from '../../../../domain/boundary-check.ts';
import type { ClusterGeometry } from '../../../../domain/cluster.ts';
import type { Source } from '../../../../domain/source.ts';
import { ApiRequestError } from '../../api/client.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { useI18n } from '../../i18n/I18nContext.tsx';
import type { DrawingTool } from '../../map/boundary/BoundaryDrawing.tsx';
import { useFormatValue } from '../FigureValue.tsx';
import { sourceShortName } from '../SourceRef.tsx';

/** What is drawn — a cluster or a plot — as the panel needs it. */
export type BoundaryTarget = {
  /** `cluster-…` or `plot-…`, for tests and keys. */
  id: string;
  title: string;
  /** The live check, the same the server runs before saving. */
  check: (geometry: ClusterGeometry) => BoundaryCheck;
  /** The source the boundary cited last time, to start from. */
  initialSourceId: string;
  /** The If-Match of the version drawn over: read when drawing starts, and again after a 412. */
  loadVersion: (signal?: AbortSignal) => Promise<string>;
  /** Saves over `etag`; the new version. Throws ApiRequestError (412 stale, 422 refused…). */
  save: (change: BoundaryChange, options: { etag: string; csrfToken: string | null }) => Promise<number>;
};

type Props = {
  target: BoundaryTarget;
  /** The shape on the map now; null when nothing is drawn. */
  drawn: ClusterGeometry | null;
  tool: DrawingTool;
  onTool: (tool: DrawingTool) => void;
  /** Wipes the shape to draw afresh. */
  onRestart: () => void;
  sources: Source[];
  today: string;
  onSaved: (version: number) => void;
  onCancel: () => void;
};

type Outcome = { kind: 'error' | 'stale'; text: string } | null;

/**
 * The panel beside the map while a boundary is drawn: the tools, the live check (crossings, overlaps,
 * area against the declared one), the document the boundary follows, and Save over the version read.
 */
export function BoundaryEditor(props: Props) {
  const { target, drawn, tool, sources, today } = props;
  const { t, text, language } = useI18n();
  const { csrfToken } = useAuth();
  const format = useFormatValue();
  const [etag, setEtag] = useState<string | null>(null);
  const [sourceId, setSourceId] = useState(target.initialSourceId);
  const [asOf, setAsOf] = useState(today);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const message = (error: unknown) =>
    error instanceof ApiRequestError
      ? language === 'vi'
        ? error.messageVi
        : error.messageEn
      : String(error);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the version is read once when drawing starts.
  useEffect(() => {
    const controller = new AbortController();
    target.loadVersion(controller.signal).then(setEtag, (error: unknown) => {
      if (!controller.signal.aborted) setOutcome({ kind: 'error', text: message(error) });
    });
    return () => controller.abort();
  }, [target.id]);

  const check = useMemo(() => drawn && target.check(drawn), [drawn, target]);
  const ready = Boolean(etag && drawn && check?.acceptable && sourceId && asOf);

  const save = async () => {
    if (!etag || !drawn || !ready) return;
    setBusy(true);
    setOutcome(null);
    try {
      props.onSaved(await target.save({ geometry: drawn, source: { sourceId, asOf } }, { etag, csrfToken }));
    } catch (error) {
      const status = error instanceof ApiRequestError ? error.status : 0;
      if (status === 412) setOutcome({ kind: 'stale', text: t.boundaryStale });
      else if (status === 401) setOutcome({ kind: 'error', text: t.editSessionEnded });
      else if (status === 403) setOutcome({ kind: 'error', text: t.editForbidden });
      else setOutcome({ kind: 'error', text: `${t.editFailed}: ${message(error)}` });
    } finally {
      setBusy(false);
    }
  };

  // Someone wrote first: the drawing stays; the editor saves it over the latest version, knowingly.
  const takeLatest = async () => {
    setBusy(true);
    try {
      setEtag(await target.loadVersion());
      setOutcome(null);
    } catch (error) {
      setOutcome({ kind: 'error', text: message(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      className="panel boundary-editor"
      aria-labelledby="boundary-editor-title"
      data-target={target.id}
    >
      <h2 id="boundary-editor-title">{target.title}</h2>
      <fieldset className="boundary-tools">
        <legend className="visually-hidden">{t.boundaryTools}</legend>
        <button
          type="button"
          className="button"
          aria-pressed={tool === 'edit'}
          onClick={() => props.onTool('edit')}
        >
          {t.boundaryToolEdit}
        </button>
        <button type="button" className="button" onClick={props.onRestart} data-action="draw-afresh">
          {t.boundaryToolDraw}
        </button>
      </fieldset>
      <p className="muted small">{tool === 'draw' ? t.boundaryDrawHelp : t.boundaryEditHelp}</p>

      <div className="boundary-check" role="status" aria-live="polite">
        {!drawn || !check ? (
          <p className="notice">{t.boundaryNothingDrawn}</p>
        ) : (
          <>
            <p className="boundary-area">
              {t.boundaryArea}:{' '}
              <strong data-area-ha={check.measuredHa.toFixed(4)}>{format(check.measuredHa, 'ha')}</strong>{' '}
              <span className="muted small">
                ({check.measure === 'vn2000-plane' ? t.boundaryMeasureVn2000 : t.boundaryMeasureEllipsoid})
              </span>
            </p>
            {check.findings.length === 0 ? (
              <p className="notice ok">{t.boundaryChecksPass}</p>
            ) : (
              <ul className="boundary-findings">
                {check.findings.map((finding, index) => (
                  <li
                    // Findings have no identity of their own; their order is stable for one shape.
                    // biome-ignore lint/suspicious/noArrayIndexKey: see above.
                    key={index}
                    className={`finding ${finding.severity}`}
                    data-finding={finding.kind}
                    data-severity={finding.severity}
                  >
                    <strong>{finding.severity === 'error' ? t.boundaryError : t.boundaryWarning}:</strong>{' '}
                    {boundaryFindingText(finding)[language]}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>

      <fieldset className="edit-group">
        <legend>{t.source}</legend>
        <p className="muted small">{t.boundarySourceHelp}</p>
        <label className="edit-row">
          <span>{t.editSource}</span>
          <select
            name="boundarySourceId"
            value={sourceId}
            onChange={(event) => setSourceId(event.target.value)}
          >
            <option value="">{t.editChooseSource}</option>
            {sources.map((source) => (
              <option key={source.id} value={source.id} title={text(source.title)}>
                {sourceShortName(source, language)} — {text(source.title)}
              </option>
            ))}
          </select>
        </label>
        <label className="edit-row">
          <span>{t.editAsOf}</span>
          <input
            type="date"
            name="boundaryAsOf"
            value={asOf}
            onChange={(event) => setAsOf(event.target.value)}
          />
        </label>
      </fieldset>

      {outcome && (
        <div className="notice error" role="alert">
          {outcome.text}
          {outcome.kind === 'stale' && (
            <button type="button" className="button" onClick={takeLatest} disabled={busy}>
              {t.boundaryTakeLatest}
            </button>
          )}
        </div>
      )}
      <div className="edit-actions">
        <button
          type="button"
          className="button primary"
          onClick={save}
          disabled={!ready || busy || outcome?.kind === 'stale'}
        >
          {busy ? t.editSaving : t.boundarySave}
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          {t.editCancel}
        </button>
      </div>
      {!sourceId && drawn && check?.acceptable && <p className="muted small">{t.boundaryNeedsSource}</p>}
    </section>
  );
}
