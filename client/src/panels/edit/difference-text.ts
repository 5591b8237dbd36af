import type { ClusterFigureKey } from '../../../../domain/cluster-change.ts';
import type { ReportedFigure } from '../../../../domain/figure.ts';
import type { Target } from '../../../../domain/target.ts';
import type { Language, LocalizedText } from '../../../../domain/text.ts';
import {
  geometrySources,
  infrastructureComponents,
  infrastructureStates,
  obstacleKinds,
  stages,
  wastewaterPlantStates,
} from '../../../../domain/vocabulary.ts';
import type { Messages } from '../../i18n/messages.ts';
import { targetsText } from './target-text.ts';

/** The interface text that names each cluster figure. */
export const figureLabels: Record<ClusterFigureKey, keyof Messages> = {
  plannedAreaHa: 'plannedArea',
  establishedAreaHa: 'establishedArea',
  leasableIndustrialLandHa: 'leasableLand',
  leasedIndustrialLandHa: 'leasedLand',
  clearedSharePercent: 'clearedShare',
  productionFacilityCount: 'productionFacilities',
  workerCount: 'workers',
};

type Words = {
  t: Messages;
  language: Language;
  format: (value: number, unit: ReportedFigure['unit'], approximate?: boolean) => string;
  date?: (isoDate: string) => string;
};

/**
 * A fact's path in the record (`figures.leasedIndustrialLandHa`, `infrastructure.powerSupply`,
 * `stage`…) in the interface's words.
 */
export function pathLabel(path: string, { t, language }: Words): string {
  const [head, key] = path.split('.');
  if (head === 'figures' && key && key in figureLabels) return t[figureLabels[key as ClusterFigureKey]];
  if (head === 'infrastructure' && key && key in infrastructureComponents.labels)
    return `${t.infrastructure}: ${infrastructureComponents.label(key as never, language)}`;
  const labels: Record<string, string> = {
    stage: t.stage,
    wastewaterPlant: t.wastewaterPlant,
    clearance: t.clearance,
    obstacles: t.obstacles,
    targets: t.targets,
    locality: t.locality,
    name: t.clusterName,
    boundary: t.boundary,
    geometrySource: t.geometrySourceLabel,
  };
  return labels[path] ?? path;
}

type Sourced = { value?: unknown };
const yesNo = (value: unknown, t: Messages) => (value == null ? t.unknown : value ? t.yes : t.no);

/** A fact's value as a difference shows it: figures with their unit, states by label, null as unknown. */
export function valueText(path: string, value: unknown, words: Words): string {
  const { t, language, format } = words;
  if (value == null) return t.unknown;
  const [head] = path.split('.');
  const inner = (value as Sourced).value;
  switch (head) {
    case 'stage':
      return stages.label(value as never, language);
    case 'figures': {
      const figure = value as ReportedFigure;
      return format(figure.value, figure.unit, figure.approximate);
    }
    case 'infrastructure':
      return infrastructureStates.label(inner as never, language);
    case 'wastewaterPlant': {
      const plant = inner as { state: string; capacityM3PerDay?: number };
      const state = wastewaterPlantStates.label(plant.state as never, language);
      return plant.capacityM3PerDay === undefined
        ? state
        : `${state}, ${format(plant.capacityM3PerDay, 'm3/day')}`;
    }
    case 'clearance': {
      const needs = inner as { compensationNeeded: boolean | null; resettlementNeeded: boolean | null };
      return `${t.compensation}: ${yesNo(needs.compensationNeeded, t)}; ${t.resettlement}: ${yesNo(needs.resettlementNeeded, t)}`;
    }
    case 'obstacles': {
      const kinds = (value as { kind: string }[]).map((item) =>
        obstacleKinds.label(item.kind as never, language),
      );
      return kinds.length > 0 ? kinds.join(', ') : t.editNone;
    }
    case 'targets':
      return targetsText(value as Target[], words);
    case 'locality':
      return (inner as LocalizedText)[language];
    case 'name':
      return (value as LocalizedText)[language];
    case 'boundary':
      return `${format((value as { areaHa: number }).areaHa, 'ha')}`;
    case 'geometrySource':
      return geometrySources.label(value as never, language);
    default:
      return JSON.stringify(value);
  }
}
