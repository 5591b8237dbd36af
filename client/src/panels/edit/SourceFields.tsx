import type { Source } from '../../../../domain/source.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { sourceShortName } from '../SourceRef.tsx';
import type { ClusterForm, FieldError } from './change-from-form.ts';
import { useFieldErrorText } from './FieldErrorText.tsx';

type Props = {
  form: ClusterForm;
  sources: Source[];
  errors: Record<string, FieldError>;
  onChange: (change: Partial<ClusterForm>) => void;
};

/** The document a change cites and the date its figures hold at: both required. */
export function SourceFields({ form, sources, errors, onChange }: Props) {
  const { t, text, language } = useI18n();
  const errorText = useFieldErrorText();
  return (
    <fieldset className="edit-group edit-source">
      <legend>{t.source}</legend>
      <p className="muted small">{t.editSourceHelp}</p>
      <label className="edit-row">
        <span>{t.editSource}</span>
        <select
          name="sourceId"
          value={form.sourceId}
          required
          aria-invalid={errors.sourceId ? true : undefined}
          onChange={(event) => onChange({ sourceId: event.target.value })}
        >
          <option value="">{t.editChooseSource}</option>
          {sources.map((source) => (
            <option key={source.id} value={source.id} title={text(source.title)}>
              {sourceShortName(source, language)} — {text(source.title)}
            </option>
          ))}
        </select>
      </label>
      {errors.sourceId && <span className="field-error">{errorText(errors.sourceId)}</span>}
      <label className="edit-row">
        <span>{t.editAsOf}</span>
        <input
          type="date"
          name="asOf"
          value={form.asOf}
          required
          aria-invalid={errors.asOf ? true : undefined}
          onChange={(event) => onChange({ asOf: event.target.value })}
        />
      </label>
      {errors.asOf && <span className="field-error">{errorText(errors.asOf)}</span>}
    </fieldset>
  );
}
