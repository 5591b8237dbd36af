import { clusterFigureUnits } from '../../../../domain/cluster-change.ts';
import { units } from '../../../../domain/vocabulary.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { type ClusterForm, type FieldError, figureKeys } from './change-from-form.ts';
import { figureLabels } from './difference-text.ts';
import { useFieldErrorText } from './FieldErrorText.tsx';

type Props = {
  figures: ClusterForm['figures'];
  errors: Record<string, FieldError>;
  onChange: (figures: ClusterForm['figures']) => void;
};

/** The seven figures as numbers typed the Vietnamese way, each "khoảng" or cleared to unknown. */
export function FigureFields({ figures, errors, onChange }: Props) {
  const { t, language } = useI18n();
  const errorText = useFieldErrorText();
  return (
    <fieldset className="edit-group">
      <legend>{t.figures}</legend>
      {figureKeys.map((key) => {
        const field = figures[key];
        const set = (next: Partial<typeof field>) => onChange({ ...figures, [key]: { ...field, ...next } });
        const error = errors[`figures.${key}`];
        const unit = clusterFigureUnits[key];
        return (
          <div key={key} className="edit-figure" data-figure={key}>
            <label>
              <span>{t[figureLabels[key]]}</span>
              <input
                type="text"
                inputMode="decimal"
                name={`figures.${key}`}
                value={field.text}
                placeholder={t.unknown}
                aria-invalid={error ? true : undefined}
                onChange={(event) => set({ text: event.target.value })}
              />
              <span className="edit-unit">{unit === 'percent' ? '%' : units.label(unit, language)}</span>
            </label>
            <label className="edit-check">
              <input
                type="checkbox"
                checked={field.approximate}
                onChange={(event) => set({ approximate: event.target.checked })}
              />
              {t.editApproximate}
            </label>
            <button
              type="button"
              className="link-button"
              disabled={field.text === ''}
              onClick={() => set({ text: '', approximate: false })}
            >
              {t.editClearFigure}
            </button>
            {error && <span className="field-error">{errorText(error)}</span>}
          </div>
        );
      })}
    </fieldset>
  );
}
