import type { ReportedFigure } from '../../../domain/figure.ts';
import type { Source } from '../../../domain/source.ts';
import { units } from '../../../domain/vocabulary.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { SourceRef } from './SourceRef.tsx';

/** A value with its unit, in the interface's number format. */
export function useFormatValue() {
  const { language, number, t } = useI18n();
  return (value: number, unit: ReportedFigure['unit'], approximate = false) => {
    const label = units.label(unit, language);
    const shown = `${number(value)}${unit === 'percent' ? '%' : label ? ` ${label}` : ''}`;
    return approximate ? `${t.approximate} ${shown}` : shown;
  };
}

/**
 * A reported figure with its source and as-of date, or "chưa có số liệu" when there is none:
 * an unknown is never shown as 0.
 */
export function FigureValue({ figure, sources }: { figure: ReportedFigure | undefined; sources: Source[] }) {
  const { t, date, text } = useI18n();
  const format = useFormatValue();
  if (!figure) return <span className="unknown">{t.unknown}</span>;
  const source = sources.find((item) => item.id === figure.sourceId);
  return (
    <span className="figure">
      <span className="figure-value">{format(figure.value, figure.unit, figure.approximate)}</span>
      <span className="figure-source">
        {t.source}: <SourceRef source={source} /> ·{' '}
        <span title={figure.asOfNote ? text(figure.asOfNote) : undefined}>
          {figure.asOf ? `${t.asOf} ${date(figure.asOf)}` : t.asOfUnknown}
        </span>
      </span>
      {figure.note && <span className="figure-note">{text(figure.note)}</span>}
    </span>
  );
}
