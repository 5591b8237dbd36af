import { useEffect, useRef } from 'react';
import type { PlotSummary } from '../../../../domain/plot-api.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { GeneratedBadge } from './GeneratedBadge.tsx';
import { StatusChip } from './StatusChip.tsx';
import { usePlotFormat } from './usePlotFormat.ts';

type Props = {
  plots: PlotSummary[];
  numberMatched: number;
  loadingMore: boolean;
  hoveredId: string | null;
  selectedId: string | null;
  onHover: (id: string | null) => void;
  onSelect: (plot: PlotSummary) => void;
  onLoadMore: () => void;
};

/** The matching plots, a page at a time; hover and selection mirror the map's. */
export function PlotList(props: Props) {
  const { plots, numberMatched, hoveredId, selectedId } = props;
  const { t, text, number } = useI18n();
  const format = usePlotFormat();
  const listRef = useRef<HTMLOListElement>(null);

  // A plot hovered on the map scrolls its row into view, if the row is loaded.
  useEffect(() => {
    if (!hoveredId) return;
    const row = listRef.current?.querySelector(`[data-plot-id="${CSS.escape(hoveredId)}"]`);
    row?.scrollIntoView({ block: 'nearest' });
  }, [hoveredId]);

  return (
    <section className="plot-list" aria-label={t.plotList}>
      <p className="plot-count">
        <strong>{t.plotsMatched.replace('{count}', number(numberMatched))}</strong>
        {plots.length < numberMatched && (
          <span className="muted"> · {t.plotsShown.replace('{shown}', number(plots.length))}</span>
        )}
      </p>
      <ol ref={listRef} onMouseLeave={() => props.onHover(null)}>
        {plots.map((plot) => (
          <li key={plot.properties.id}>
            <button
              type="button"
              data-plot-id={plot.properties.id}
              data-hovered={hoveredId === plot.properties.id}
              aria-current={selectedId === plot.properties.id}
              onMouseEnter={() => props.onHover(plot.properties.id)}
              onFocus={() => props.onHover(plot.properties.id)}
              onClick={() => props.onSelect(plot)}
            >
              <span className="plot-row-head">
                <strong className="plot-label">
                  {t.plot} {plot.properties.label}
                </strong>
                <GeneratedBadge origin={plot.properties.origin} />
              </span>
              <span className="muted">{text(plot.cluster.name)}</span>
              <span className="plot-row-foot">
                <span className="plot-area">{format.hectares(plot.areaHa)}</span>
                <StatusChip status={plot.properties.status} />
              </span>
            </button>
          </li>
        ))}
      </ol>
      {plots.length < numberMatched && (
        <button
          type="button"
          className="button load-more"
          onClick={props.onLoadMore}
          disabled={props.loadingMore}
        >
          {props.loadingMore ? t.loading : t.loadMore}
        </button>
      )}
    </section>
  );
}
