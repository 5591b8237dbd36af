import { useId, useRef } from 'react';
import type { Unit } from '../../../../domain/figure.ts';
import { type TargetKind, targetKinds } from '../../../../domain/target.ts';
import { units } from '../../../../domain/vocabulary.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import type { FieldError } from './change-from-form.ts';
import { useFieldErrorText } from './FieldErrorText.tsx';
import { newTargetField, type TargetField, targetUnits } from './target-form.ts';

type Props = {
  targets: TargetField[];
  errors: Record<string, FieldError>;
  onChange: (targets: TargetField[]) => void;
};

/** The cluster's targets (mục tiêu), each a group of its own fields; targets can be added and removed. */
export function TargetFields({ targets, errors, onChange }: Props) {
  const { t } = useI18n();
  // The Vietnamese description of a target just added takes the focus, so typing can start at once.
  const focusNext = useRef<string | null>(null);
  const add = () => {
    const field = newTargetField();
    focusNext.current = field.id;
    onChange([...targets, field]);
  };
  return (
    <fieldset className="edit-group edit-targets">
      <legend>{t.targets}</legend>
      {targets.length === 0 && <p className="muted small">{t.editTargetNone}</p>}
      {targets.map((field, index) => (
        <TargetItem
          key={field.id}
          field={field}
          index={index}
          errors={errors}
          focusRef={(element) => {
            if (element && focusNext.current === field.id) {
              focusNext.current = null;
              element.focus();
            }
          }}
          onChange={(next) => onChange(targets.map((item) => (item.id === field.id ? next : item)))}
          onRemove={() => onChange(targets.filter((item) => item.id !== field.id))}
        />
      ))}
      <button type="button" className="button" onClick={add}>
        + {t.editTargetAdd}
      </button>
    </fieldset>
  );
}

type ItemProps = {
  field: TargetField;
  index: number;
  errors: Record<string, FieldError>;
  focusRef: (element: HTMLInputElement | null) => void;
  onChange: (field: TargetField) => void;
  onRemove: () => void;
};

function TargetItem({ field, index, errors, focusRef, onChange, onRemove }: ItemProps) {
  const { t, language } = useI18n();
  const errorText = useFieldErrorText();
  const id = useId();
  const number = String(index + 1);
  const set = (next: Partial<TargetField>) => onChange({ ...field, ...next });
  const error = (name: keyof TargetField) => errors[`targets.${index}.${name}`];
  const invalid = (name: keyof TargetField) => (error(name) ? true : undefined);
  const unitLabel = (unit: Unit) => (unit === 'count' ? t.editUnitCount : units.label(unit, language));
  // A unit the record holds that the list does not offer stays choosable, so opening the form loses nothing.
  const unitChoices: Unit[] =
    field.unit === '' || (targetUnits as readonly Unit[]).includes(field.unit)
      ? [...targetUnits]
      : [...targetUnits, field.unit];
  const errorsOf = (...names: (keyof TargetField)[]) =>
    names.map((name) => {
      const found = error(name);
      return (
        found && (
          <span key={name} className="field-error">
            {errorText(found)}
          </span>
        )
      );
    });

  return (
    <fieldset className="edit-target" data-target-index={index}>
      <legend>{t.editTargetItem.replace('{number}', number)}</legend>
      <label className="edit-row">
        <span>{t.editTargetKind}</span>
        <select
          name={`targets.${index}.kind`}
          value={field.kind}
          onChange={(event) => set({ kind: event.target.value as TargetKind })}
        >
          {targetKinds.codes.map((kind) => (
            <option key={kind} value={kind}>
              {targetKinds.label(kind, language)}
            </option>
          ))}
        </select>
      </label>
      <label className="edit-row">
        <span>{t.editTargetVi}</span>
        <input
          ref={focusRef}
          type="text"
          lang="vi"
          name={`targets.${index}.vi`}
          value={field.vi}
          required
          aria-invalid={invalid('vi')}
          onChange={(event) => set({ vi: event.target.value })}
        />
      </label>
      {errorsOf('vi')}
      <label className="edit-row">
        <span>{t.editTargetEn}</span>
        <input
          type="text"
          lang="en"
          name={`targets.${index}.en`}
          value={field.en}
          placeholder={t.editTargetEnHelp}
          onChange={(event) => set({ en: event.target.value })}
        />
      </label>
      <div className="edit-row">
        <label htmlFor={`${id}-value`}>{t.editTargetValue}</label>
        <input
          id={`${id}-value`}
          type="text"
          inputMode="decimal"
          name={`targets.${index}.value`}
          value={field.value}
          placeholder={t.editNone}
          aria-invalid={invalid('value')}
          onChange={(event) => set({ value: event.target.value })}
        />
        <select
          name={`targets.${index}.unit`}
          aria-label={t.editTargetUnit}
          value={field.unit}
          aria-invalid={invalid('unit')}
          onChange={(event) => set({ unit: event.target.value as Unit | '' })}
        >
          <option value="">{t.editTargetChooseUnit}</option>
          {unitChoices.map((unit) => (
            <option key={unit} value={unit}>
              {unitLabel(unit)}
            </option>
          ))}
        </select>
      </div>
      {errorsOf('value', 'unit')}
      <div className="edit-row">
        <label htmlFor={`${id}-deadline`}>{t.deadline}</label>
        <input
          id={`${id}-deadline`}
          type="date"
          name={`targets.${index}.deadline`}
          value={field.deadline}
          disabled={field.noDeadline}
          aria-invalid={invalid('deadline')}
          onChange={(event) => set({ deadline: event.target.value })}
        />
        <label className="edit-check">
          <input
            type="checkbox"
            name={`targets.${index}.noDeadline`}
            checked={field.noDeadline}
            onChange={(event) => set({ noDeadline: event.target.checked, deadline: '' })}
          />
          {t.editTargetNoDeadline}
        </label>
      </div>
      {errorsOf('deadline')}
      <button type="button" className="link-button" onClick={onRemove}>
        {t.editTargetRemove.replace('{number}', number)}
      </button>
    </fieldset>
  );
}
