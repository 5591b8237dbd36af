import type { Source } from '../../../domain/source.ts';
import type { Target } from '../../../domain/target.ts';
import { isPastDeadline, targetStatus, targetStatuses } from '../../../domain/target-status.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { useFormatValue } from './FigureValue.tsx';
import { SourceRef } from './SourceRef.tsx';

type Props = {
  targets: Target[];
  sources: Source[];
  /** The date the status is judged at (ISO). */
  asOf: string;
  /** The figure each target is measured by, where the data has it (e.g. current occupancy). */
  currentOf: (target: Target) => number | null;
};

/** Targets with deadline and status as of a date; a passed deadline with no figure says so. */
export function TargetList({ targets, sources, asOf, currentOf }: Props) {
  const { t, text, date, language } = useI18n();
  const format = useFormatValue();
  return (
    <ul className="target-list">
      {targets.map((target) => {
        const current = currentOf(target);
        const status = targetStatus(target, { current, asOf });
        return (
          <li
            key={`${target.kind}-${target.deadline}-${target.value}`}
            data-target={target.kind}
            data-status={status}
          >
            <div>
              {text(target.description)}{' '}
              <span className={`status status-target-${status}`}>
                {targetStatuses.label(status, language)}
              </span>
            </div>
            <div className="muted small">
              {t.deadline}: {target.deadline ? date(target.deadline) : t.noDeadline}
              {status === 'unknown' && isPastDeadline(target, asOf) && (
                <span className="overdue"> — {t.pastDeadline}</span>
              )}
              {' · '}
              {t.currentValue}: {current === null ? t.unknown : format(current, target.unit ?? 'percent')}
              {' · '}
              {t.source}: <SourceRef source={sources.find((source) => source.id === target.sourceId)} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
