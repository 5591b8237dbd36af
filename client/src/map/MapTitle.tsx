import type { ProvinceDetail } from '../../../domain/api.ts';
import { useI18n } from '../i18n/I18nContext.tsx';

/** Which province the map shows, and how many of its planned clusters the data holds. */
export function MapTitle({ detail }: { detail: ProvinceDetail }) {
  const { t, text, number } = useI18n();
  const held = Object.entries(detail.clusterCountsByStage)
    .filter(([stage]) => stage !== 'removed')
    .reduce((sum, [, count]) => sum + count, 0);
  const planned = detail.province.figures.find((figure) => figure.key === 'plannedClusterCount');
  return (
    <div className="map-title" role="status">
      <strong>{text(detail.province.name)}</strong>
      <span>
        {planned
          ? t.clustersHeldOfPlanned
              .replace('{held}', number(held))
              .replace('{planned}', number(planned.value))
          : t.clustersHeld.replace('{held}', number(held))}
      </span>
    </div>
  );
}
