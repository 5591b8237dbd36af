import { obstacleKinds } from '../../../../domain/vocabulary.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import type { ClusterForm, YesNoUnknown } from './change-from-form.ts';

type Props = { form: ClusterForm; onChange: (change: Partial<ClusterForm>) => void };

/** Clearance needs (yes / no / unknown) and the obstacles holding the cluster up. */
export function ClearanceFields({ form, onChange }: Props) {
  const { t, language } = useI18n();
  const needs = [
    ['compensation', t.compensation],
    ['resettlement', t.resettlement],
  ] as const;
  return (
    <>
      <fieldset className="edit-group">
        <legend>{t.clearance}</legend>
        {needs.map(([key, label]) => (
          <label key={key} className="edit-row">
            <span>{label}</span>
            <select
              name={key}
              value={form[key]}
              onChange={(event) => onChange({ [key]: event.target.value as YesNoUnknown })}
            >
              <option value="unknown">{t.editUnknownOption}</option>
              <option value="yes">{t.yes}</option>
              <option value="no">{t.no}</option>
            </select>
          </label>
        ))}
      </fieldset>
      <fieldset className="edit-group">
        <legend>{t.obstacles}</legend>
        {obstacleKinds.codes.map((kind) => (
          <label key={kind} className="edit-check">
            <input
              type="checkbox"
              name={`obstacles.${kind}`}
              checked={form.obstacles.includes(kind)}
              onChange={(event) =>
                onChange({
                  obstacles: event.target.checked
                    ? [...form.obstacles, kind]
                    : form.obstacles.filter((item) => item !== kind),
                })
              }
            />
            {obstacleKinds.label(kind, language)}
          </label>
        ))}
      </fieldset>
    </>
  );
}
