import type { ReportedFigure } from '../../../../domain/figure.ts';
import type { Target } from '../../../../domain/target.ts';
import type { Language } from '../../../../domain/text.ts';
import type { Messages } from '../../i18n/messages.ts';

type Words = {
  t: Messages;
  language: Language;
  format: (value: number, unit: ReportedFigure['unit'], approximate?: boolean) => string;
  /** A date in the interface's format; the ISO date when not given. */
  date?: (isoDate: string) => string;
};

/**
 * A cluster's targets as a change shows them: how many, then each with its value and deadline, so
 * that a changed deadline or value is seen, not only a changed count.
 *
 * @example targetsText([occupancy45], words) // "1 mục tiêu: Phấn đấu tỷ lệ lấp đầy 45% (45%, không nêu thời hạn)"
 */
export function targetsText(targets: readonly Omit<Target, 'sourceId'>[], words: Words): string {
  const { t, language, format, date = (isoDate: string) => isoDate } = words;
  if (targets.length === 0) return t.editNone;
  const items = targets.map((target) => {
    const details = [
      ...(target.value === undefined ? [] : [format(target.value, target.unit ?? 'percent')]),
      target.deadline ? t.editTargetDue.replace('{date}', date(target.deadline)) : t.noDeadline,
    ];
    return `${target.description[language]} (${details.join(', ')})`;
  });
  return `${t.editTargetCount.replace('{count}', String(targets.length))}: ${items.join('; ')}`;
}
