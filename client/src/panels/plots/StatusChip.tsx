import type { PlotStatus } from '../../../../domain/plot.ts';
import { plotStatuses } from '../../../../domain/vocabulary.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { plotStatusColors } from '../../map/plotColors.ts';

/** A plot's status with the swatch the map uses for it. */
export function StatusChip({ status }: { status: PlotStatus }) {
  const { language } = useI18n();
  return (
    <span className="status-chip" data-status={status}>
      <span className="swatch" style={{ background: plotStatusColors[status] }} aria-hidden="true" />
      {plotStatuses.label(status, language)}
    </span>
  );
}
