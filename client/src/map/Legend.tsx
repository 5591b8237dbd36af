import type { ProvinceDetail } from '../../../domain/api.ts';
import { stages } from '../../../domain/vocabulary.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { stageColors } from './stageColors.ts';

/** Stage colours with how many clusters of each the data holds, and the illustrative-geometry warning. */
export function Legend({
  counts,
  illustrative,
}: {
  counts: ProvinceDetail['clusterCountsByStage'] | null;
  illustrative: boolean;
}) {
  const { t, language } = useI18n();
  return (
    <section className="legend" aria-label={t.legendTitle}>
      <h2>{t.legendTitle}</h2>
      <ul>
        {stages.codes
          .filter((stage) => stage !== 'removed')
          .map((stage) => (
            <li key={stage} data-stage={stage}>
              <span className="swatch" style={{ background: stageColors[stage] }} />
              <span className="legend-label">{stages.label(stage, language)}</span>
              <span className="legend-count">{counts ? counts[stage] : '…'}</span>
            </li>
          ))}
      </ul>
      {illustrative && <p className="legend-notice">{t.illustrativeNotice}</p>}
    </section>
  );
}
