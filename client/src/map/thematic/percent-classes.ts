import { completenessClass } from '../../../../domain/infrastructure.ts';
import type { LocalizedText } from '../../../../domain/text.ts';
import { viridis5 } from './palette.ts';
import { type ThematicClass, unknownClass } from './types.ts';

/** Five ordered classes for a share in percent, then unknown. Keys match `percentClass`. */
export function percentClasses(top: LocalizedText): ThematicClass[] {
  return [
    { key: '0-25', color: viridis5[0], label: { vi: 'Dưới 25%', en: 'Under 25%' } },
    { key: '25-50', color: viridis5[1], label: { vi: '25% – dưới 50%', en: '25% – under 50%' } },
    { key: '50-75', color: viridis5[2], label: { vi: '50% – dưới 75%', en: '50% – under 75%' } },
    { key: '75-100', color: viridis5[3], label: { vi: '75% – dưới 100%', en: '75% – under 100%' } },
    { key: '100', color: viridis5[4], label: top },
    unknownClass,
  ];
}

/** The class of a share in percent, same bounds as infrastructure completeness; null is unknown, never 0. */
export const percentClass = (percent: number | null): string => completenessClass(percent);
