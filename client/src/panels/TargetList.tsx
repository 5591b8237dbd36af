import type { Source } from '../../../domain/source.ts';
import type { Target } from '../../../domain/target.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { SourceRef } from './SourceRef.tsx';

/** Targets with their deadlines; a passed deadline says so, since no source reports the outcome. */
export function TargetList({
  targets,
  sources,
  today,
}: {
  targets: Target[];
  sources: Source[];
  today: string;
}) {
  const { t, text, date } = useI18n();
  return (
    <ul className="target-list">
      {targets.map((target) => (
        <li key={`${target.kind}-${target.deadline}-${target.value}`}>
          <div>{text(target.description)}</div>
          <div className="muted small">
            {t.deadline}: {target.deadline ? date(target.deadline) : t.noDeadline}
            {target.deadline && target.deadline < today && (
              <span className="overdue"> — {t.pastDeadline}</span>
            )}
            {' · '}
            {t.source}: <SourceRef source={sources.find((source) => source.id === target.sourceId)} />
          </div>
        </li>
      ))}
    </ul>
  );
}
