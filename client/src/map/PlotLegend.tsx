import { plotStatuses } from '../../../domain/vocabulary.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { plotStatusColors } from './plotColors.ts';
import { PLOTS_MIN_ZOOM } from './plotLayers.ts';

type Props = { zoom: number; illustrativeClusters: boolean };

/** Plot status colours, the faded non-matches, the dashed illustrative plots and clusters. */
export function PlotLegend({ zoom, illustrativeClusters }: Props) {
  const { t, language } = useI18n();
  return (
    <section className="legend plot-legend" aria-label={t.plotLegendTitle} data-layer="plots">
      <h2>{t.plotLegendTitle}</h2>
      <ul>
        {plotStatuses.codes.map((status) => (
          <li key={status} data-class={status}>
            <span
              className="swatch swatch-square"
              style={{ background: plotStatusColors[status] }}
              aria-hidden="true"
            />
            <span className="legend-label">{plotStatuses.label(status, language)}</span>
          </li>
        ))}
        <li data-class="faded">
          <span className="swatch swatch-square swatch-faded" aria-hidden="true" />
          <span className="legend-label">{t.plotLegendFaded}</span>
        </li>
        <li data-class="generated">
          <span className="swatch swatch-square swatch-dashed" aria-hidden="true" />
          <span className="legend-label">
            <span className="generated-badge">{t.generatedBadge}</span> {t.plotLegendGenerated}
          </span>
        </li>
      </ul>
      {zoom < PLOTS_MIN_ZOOM && (
        <p className="legend-notice" data-notice="zoom">
          {t.zoomInForPlots.replace('{zoom}', String(PLOTS_MIN_ZOOM))}
        </p>
      )}
      {illustrativeClusters && <p className="legend-notice">{t.illustrativeNotice}</p>}
    </section>
  );
}
