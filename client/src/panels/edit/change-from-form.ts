import type {
  ClusterProperties,
  InfrastructureComponent,
  InfrastructureState,
  ObstacleKind,
  Stage,
  WastewaterPlantState,
} from '../../../../domain/cluster.ts';
import {
  type ClusterChangeInput,
  type ClusterFigureKey,
  clusterFigureUnits,
} from '../../../../domain/cluster-change.ts';
import type { Language } from '../../../../domain/text.ts';
import { infrastructureComponents, obstacleKinds } from '../../../../domain/vocabulary.ts';
import { numberText, parseDecimal } from './number-text.ts';
import {
  sameTargetFields,
  sameTargets,
  type TargetError,
  type TargetField,
  targetFields,
  targetsFromFields,
} from './target-form.ts';

// They moved to number-text.ts so target-form.ts can use them without importing this module back.
export { numberText, parseDecimal };

export const figureKeys = Object.keys(clusterFigureUnits) as ClusterFigureKey[];
export type YesNoUnknown = 'yes' | 'no' | 'unknown';
/** A figure as typed: empty text means "chưa có số liệu" (sent as null when there was one). */
export type FigureField = { text: string; approximate: boolean };

/** What the edit form holds: text as typed, states as chosen, `unknown` where nothing is known. */
export type ClusterForm = {
  stage: Stage;
  figures: Record<ClusterFigureKey, FigureField>;
  infrastructure: Record<InfrastructureComponent, InfrastructureState | 'unknown'>;
  wastewater: { state: WastewaterPlantState | 'unknown'; capacity: string };
  compensation: YesNoUnknown;
  resettlement: YesNoUnknown;
  obstacles: ObstacleKind[];
  targets: TargetField[];
  sourceId: string;
  asOf: string;
};

/** Why a field cannot be sent, as a key of the interface text. */
export type FieldError = 'invalidNumber' | 'sourceRequired' | 'asOfRequired' | TargetError;

const yesNo = (value: boolean | null | undefined): YesNoUnknown =>
  value == null ? 'unknown' : value ? 'yes' : 'no';
const fromYesNo = (value: YesNoUnknown) => (value === 'unknown' ? null : value === 'yes');

/** The form as it opens on a cluster: every field shows what the record holds now. */
export function formFromCluster(cluster: ClusterProperties, language: Language, today: string): ClusterForm {
  const figure = (key: ClusterFigureKey): FigureField => {
    const current = cluster.figures[key];
    return current
      ? { text: numberText(current.value, language), approximate: current.approximate }
      : { text: '', approximate: false };
  };
  const plant = cluster.wastewaterPlant?.value;
  return {
    stage: cluster.stage,
    figures: Object.fromEntries(figureKeys.map((key) => [key, figure(key)])) as ClusterForm['figures'],
    infrastructure: Object.fromEntries(
      infrastructureComponents.codes.map((code) => [code, cluster.infrastructure[code]?.value ?? 'unknown']),
    ) as ClusterForm['infrastructure'],
    wastewater: {
      state: plant?.state ?? 'unknown',
      capacity: plant?.capacityM3PerDay === undefined ? '' : numberText(plant.capacityM3PerDay, language),
    },
    compensation: yesNo(cluster.clearance?.value.compensationNeeded),
    resettlement: yesNo(cluster.clearance?.value.resettlementNeeded),
    obstacles: obstacleKinds.codes.filter((kind) => cluster.obstacles.some((item) => item.kind === kind)),
    targets: targetFields(cluster.targets, language),
    sourceId: '',
    asOf: today,
  };
}

export type FormResult = {
  /** What to send; null when the form changes nothing or has errors. */
  change: ClusterChangeInput | null;
  /** Whether any fact differs from the record (even if the form has errors). */
  changed: boolean;
  /** By field: `figures.leasedIndustrialLandHa`, `wastewater.capacity`, `targets.0.vi`, `sourceId`, `asOf`. */
  errors: Record<string, FieldError>;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The ClusterChange a form makes of a cluster: only the facts that differ from the record, `null`
 * for a fact the editor made unknown, and the source and as-of date the change cites.
 */
export function changeFromForm(
  form: ClusterForm,
  cluster: ClusterProperties,
  language: Language,
): FormResult {
  const errors: Record<string, FieldError> = {};
  const change: Omit<ClusterChangeInput, 'source'> = {};
  if (form.stage !== cluster.stage) change.stage = form.stage;

  const figures: NonNullable<ClusterChangeInput['figures']> = {};
  for (const key of figureKeys) {
    const field = form.figures[key];
    const current = cluster.figures[key];
    if (field.text.trim() === '') {
      if (current) figures[key] = null;
      continue;
    }
    const value = parseDecimal(field.text, language);
    if (value === null) errors[`figures.${key}`] = 'invalidNumber';
    else if (!current || current.value !== value || current.approximate !== field.approximate)
      figures[key] = { value, approximate: field.approximate };
  }
  if (Object.keys(figures).length > 0) change.figures = figures;

  const infrastructure: NonNullable<ClusterChangeInput['infrastructure']> = {};
  for (const code of infrastructureComponents.codes) {
    const chosen = form.infrastructure[code];
    const current = cluster.infrastructure[code]?.value ?? 'unknown';
    if (chosen !== current) infrastructure[code] = chosen === 'unknown' ? null : chosen;
  }
  if (Object.keys(infrastructure).length > 0) change.infrastructure = infrastructure;

  const capacityText = form.wastewater.capacity.trim();
  const capacity = capacityText === '' ? undefined : parseDecimal(capacityText, language);
  if (capacity === null || capacity === 0) errors['wastewater.capacity'] = 'invalidNumber';
  const plant =
    form.wastewater.state === 'unknown'
      ? null
      : { state: form.wastewater.state, ...(capacity ? { capacityM3PerDay: capacity } : {}) };
  if (!same(plant, cluster.wastewaterPlant?.value)) change.wastewaterPlant = plant;

  const clearance =
    form.compensation === 'unknown' && form.resettlement === 'unknown'
      ? null
      : {
          compensationNeeded: fromYesNo(form.compensation),
          resettlementNeeded: fromYesNo(form.resettlement),
        };
  if (!same(clearance, cluster.clearance?.value)) change.clearance = clearance;

  const obstacles = obstacleKinds.codes.filter((kind) => form.obstacles.includes(kind));
  const currentObstacles = obstacleKinds.codes.filter((kind) =>
    cluster.obstacles.some((o) => o.kind === kind),
  );
  if (!same(obstacles, currentObstacles)) change.obstacles = obstacles;

  // Targets the editor left as they opened are neither checked nor sent, whatever the record holds.
  if (!sameTargetFields(form.targets, targetFields(cluster.targets, language))) {
    const typed = targetsFromFields(form.targets, language);
    Object.assign(errors, typed.errors);
    const invalid = Object.keys(typed.errors).length > 0;
    if (invalid || !sameTargets(typed.targets, cluster.targets)) change.targets = typed.targets;
  }

  const changed = Object.keys(change).length > 0;
  if (changed && form.sourceId === '') errors.sourceId = 'sourceRequired';
  if (changed && !/^\d{4}-\d{2}-\d{2}$/.test(form.asOf)) errors.asOf = 'asOfRequired';
  const ok = changed && Object.keys(errors).length === 0;
  return {
    change: ok ? { ...change, source: { sourceId: form.sourceId, asOf: form.asOf } } : null,
    changed,
    errors,
  };
}

/**
 * The form moved onto a newer record (after a 412): fields the editor changed keep the editor's
 * input; fields they left alone take the newer record's value, so nobody else's change is undone.
 */
export function rebaseForm(
  form: ClusterForm,
  older: ClusterProperties,
  newer: ClusterProperties,
  language: Language,
): ClusterForm {
  const before = formFromCluster(older, language, form.asOf);
  const after = formFromCluster(newer, language, form.asOf);
  const pick = <T>(mine: T, base: T, latest: T): T => (same(mine, base) ? latest : mine);
  const pickEach = <T extends Record<string, unknown>>(mine: T, base: T, latest: T): T =>
    Object.fromEntries(Object.keys(mine).map((key) => [key, pick(mine[key], base[key], latest[key])])) as T;
  return {
    ...form,
    stage: pick(form.stage, before.stage, after.stage),
    figures: pickEach(form.figures, before.figures, after.figures),
    infrastructure: pickEach(form.infrastructure, before.infrastructure, after.infrastructure),
    wastewater: pick(form.wastewater, before.wastewater, after.wastewater),
    compensation: pick(form.compensation, before.compensation, after.compensation),
    resettlement: pick(form.resettlement, before.resettlement, after.resettlement),
    obstacles: pick(form.obstacles, before.obstacles, after.obstacles),
    // The list goes as a whole: the editor's when they changed any target, else the latest.
    targets: sameTargetFields(form.targets, before.targets) ? after.targets : form.targets,
  };
}
