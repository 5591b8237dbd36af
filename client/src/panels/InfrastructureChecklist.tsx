import type { ClusterProperties } from '../../../domain/cluster.ts';
import { infrastructureCompleteness } from '../../../domain/infrastructure.ts';
import type { Source } from '../../../domain/source.ts';
import { infrastructureComponents, infrastructureStates } from '../../../domain/vocabulary.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { SourceRef } from './SourceRef.tsx';

/** The ten components a plan lists, each with its state or "chưa có số liệu", and the derived score. */
export function InfrastructureChecklist({
  cluster,
  sources,
}: {
  cluster: ClusterProperties;
  sources: Source[];
}) {
  const { t, language, number } = useI18n();
  const completeness = infrastructureCompleteness(cluster.infrastructure);
  return (
    <>
      <p data-section="infrastructure-score">
        {t.completeness}:{' '}
        {completeness.percent === null ? (
          <>
            <span className="unknown">{t.unknown}</span>{' '}
            <span className="muted small">
              ({t.between} {number(completeness.minimumPercent)}% – {number(completeness.maximumPercent)}%,{' '}
              {completeness.counts.unknown} {t.componentsUnknown})
            </span>
          </>
        ) : (
          <strong>{number(completeness.percent)}%</strong>
        )}
      </p>
      <ul className="checklist">
        {infrastructureComponents.codes.map((component) => {
          const entry = cluster.infrastructure[component];
          return (
            <li key={component} data-component={component} data-state={entry?.value ?? 'unknown'}>
              <span className={`check check-${entry?.value ?? 'unknown'}`} aria-hidden="true" />
              {infrastructureComponents.label(component, language)}:{' '}
              {entry ? (
                <>
                  {infrastructureStates.label(entry.value, language)} ·{' '}
                  <SourceRef source={sources.find((source) => source.id === entry.sourceId)} />
                </>
              ) : (
                <span className="unknown">{t.unknown}</span>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
