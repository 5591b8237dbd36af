import type { Unit } from '../../../../domain/figure.ts';
import type { Target, TargetKind } from '../../../../domain/target.ts';
import { IsoDate, type Language } from '../../../../domain/text.ts';
import { numberText, parseDecimal } from './number-text.ts';

/**
 * The units a target can be set in: shares, areas, plant capacity, counts. The card judges progress
 * in percent only (target-progress.ts); a target in another unit shows "chưa đánh giá được".
 */
export const targetUnits = ['percent', 'ha', 'm3/day', 'count'] as const satisfies readonly Unit[];
export type TargetUnit = (typeof targetUnits)[number];

/** A target as typed. Empty English falls back to the Vietnamese; an empty value makes a milestone. */
export type TargetField = {
  /** Keys the form's list; not part of the target. */
  id: string;
  kind: TargetKind;
  vi: string;
  en: string;
  value: string;
  unit: Unit | '';
  noDeadline: boolean;
  deadline: string;
};

/** Why a target cannot be sent, as a key of the interface text. */
export type TargetError =
  | 'invalidNumber'
  | 'descriptionRequired'
  | 'unitRequired'
  | 'deadlineRequired'
  | 'invalidDate';

/** A target as a change sends it: the change's source is cited by the whole change. */
export type SentTarget = Omit<Target, 'sourceId'>;

let added = 0;

/** A blank target for the editor to fill in: an occupancy share, deadline still to be typed. */
export function newTargetField(): TargetField {
  added += 1;
  return {
    id: `new-${added}`,
    kind: 'occupancy',
    vi: '',
    en: '',
    value: '',
    unit: 'percent',
    noDeadline: false,
    deadline: '',
  };
}

/** The form's fields for the record's targets. English equal to the Vietnamese shows empty: it was a fallback. */
export function targetFields(targets: readonly Target[], language: Language): TargetField[] {
  return targets.map((target, index) => ({
    id: `target-${index}`,
    kind: target.kind,
    vi: target.description.vi,
    en: target.description.en === target.description.vi ? '' : target.description.en,
    value: target.value === undefined ? '' : numberText(target.value, language),
    unit: target.unit ?? '',
    noDeadline: target.deadline === null,
    deadline: target.deadline ?? '',
  }));
}

/**
 * The targets the fields make, and the errors by field (`targets.0.vi`, `targets.1.value`,
 * `targets.1.unit`, `targets.2.deadline`). A unit is sent only with a value: alone it says nothing.
 */
export function targetsFromFields(
  fields: readonly TargetField[],
  language: Language,
): { targets: SentTarget[]; errors: Record<string, TargetError> } {
  const errors: Record<string, TargetError> = {};
  const targets = fields.map((field, index): SentTarget => {
    const at = (name: string) => `targets.${index}.${name}`;
    const vi = field.vi.trim();
    if (vi === '') errors[at('vi')] = 'descriptionRequired';
    const valueText = field.value.trim();
    const value = valueText === '' ? undefined : parseDecimal(valueText, language);
    if (value === null) errors[at('value')] = 'invalidNumber';
    if (valueText !== '' && field.unit === '') errors[at('unit')] = 'unitRequired';
    if (!field.noDeadline && field.deadline === '') errors[at('deadline')] = 'deadlineRequired';
    else if (!field.noDeadline && !IsoDate.safeParse(field.deadline).success)
      errors[at('deadline')] = 'invalidDate';
    return {
      kind: field.kind,
      description: { vi, en: field.en.trim() || vi },
      ...(value != null && field.unit !== '' ? { value, unit: field.unit } : {}),
      deadline: field.noDeadline ? null : field.deadline,
    };
  });
  return { targets, errors };
}

/** One target's facts in a fixed order, so that key order and a unit without a value do not count. */
const canonical = (target: SentTarget) => ({
  kind: target.kind,
  vi: target.description.vi,
  en: target.description.en,
  value: target.value ?? null,
  unit: target.value === undefined ? null : (target.unit ?? null),
  deadline: target.deadline,
});

/** Whether two target lists state the same targets, in the same order. */
export function sameTargets(a: readonly SentTarget[], b: readonly SentTarget[]): boolean {
  return JSON.stringify(a.map(canonical)) === JSON.stringify(b.map(canonical));
}

/** Whether two lists of fields hold the same input, whatever their ids. */
export function sameTargetFields(a: readonly TargetField[], b: readonly TargetField[]): boolean {
  const input = (fields: readonly TargetField[]) =>
    JSON.stringify(fields.map(({ id: _id, ...rest }) => rest));
  return input(a) === input(b);
}
