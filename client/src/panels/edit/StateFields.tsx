import {
  infrastructureComponents,
  infrastructureStates,
  stages,
  wastewaterPlantStates,
} from '../../../../domain/vocabulary.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import type { ClusterForm, FieldError } from './change-from-form.ts';
import { useFieldErrorText } from './FieldErrorText.tsx';

type Props = {
  form: ClusterForm;
  errors: Record<string, FieldError>;
  onChange: (change: Partial<ClusterForm>) => void;
};

/** Stage, the ten infrastructure components and the wastewater plant, each chosen from its vocabulary. */
export function StateFields({ form, errors, onChange }: Props) {
  const { t, language } = useI18n();
  const errorText = useFieldErrorText();
  const unknownOption = <option value="unknown">{t.editUnknownOption}</option>;
  const capacityError = errors['wastewater.capacity'];
  return (
    <>
      <label className="edit-row">
        <span>{t.stage}</span>
        <select
          name="stage"
          value={form.stage}
          onChange={(event) => onChange({ stage: event.target.value as ClusterForm['stage'] })}
        >
          {stages.codes.map((code) => (
            <option key={code} value={code}>
              {stages.label(code, language)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="edit-group">
        <legend>{t.infrastructure}</legend>
        {infrastructureComponents.codes.map((code) => (
          <label key={code} className="edit-row">
            <span>{infrastructureComponents.label(code, language)}</span>
            <select
              name={`infrastructure.${code}`}
              value={form.infrastructure[code]}
              onChange={(event) =>
                onChange({
                  infrastructure: {
                    ...form.infrastructure,
                    [code]: event.target.value as ClusterForm['infrastructure'][typeof code],
                  },
                })
              }
            >
              {unknownOption}
              {infrastructureStates.codes.map((state) => (
                <option key={state} value={state}>
                  {infrastructureStates.label(state, language)}
                </option>
              ))}
            </select>
          </label>
        ))}
      </fieldset>
      <fieldset className="edit-group">
        <legend>{t.wastewaterPlant}</legend>
        <label className="edit-row">
          <span>{t.editState}</span>
          <select
            name="wastewater.state"
            value={form.wastewater.state}
            onChange={(event) =>
              onChange({
                wastewater: {
                  ...form.wastewater,
                  state: event.target.value as ClusterForm['wastewater']['state'],
                },
              })
            }
          >
            {unknownOption}
            {wastewaterPlantStates.codes.map((state) => (
              <option key={state} value={state}>
                {wastewaterPlantStates.label(state, language)}
              </option>
            ))}
          </select>
        </label>
        <label className="edit-row">
          <span>{t.editCapacity}</span>
          <input
            type="text"
            inputMode="decimal"
            name="wastewater.capacity"
            value={form.wastewater.capacity}
            disabled={form.wastewater.state === 'unknown'}
            aria-invalid={capacityError ? true : undefined}
            onChange={(event) =>
              onChange({ wastewater: { ...form.wastewater, capacity: event.target.value } })
            }
          />
        </label>
        {capacityError && <span className="field-error">{errorText(capacityError)}</span>}
      </fieldset>
    </>
  );
}
