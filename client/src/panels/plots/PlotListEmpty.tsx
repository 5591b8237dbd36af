import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';

/**
 * Why the list is empty: the filter is too narrow (offer a reset), or the province has no plots at
 * all yet (say where plots come from).
 */
export function PlotListEmpty({ provinceId, onReset }: { provinceId: string; onReset: () => void }) {
  const { t } = useI18n();
  const any = useApi(`any-plot:${provinceId}`, (signal) =>
    api.plots(`province=${encodeURIComponent(provinceId)}&status=available,reserved,leased&limit=1`, signal),
  );
  if (any.state === 'loading') return <p className="muted">{t.loading}</p>;
  if (any.state === 'ready' && any.data.numberMatched === 0)
    return (
      <p className="empty-state" data-empty="province">
        {t.noPlotsInProvince}
      </p>
    );
  return (
    <div className="empty-state" data-empty="filter">
      <p>{t.noPlotsMatch}</p>
      <button type="button" className="button" onClick={onReset}>
        {t.resetFilters}
      </button>
    </div>
  );
}
