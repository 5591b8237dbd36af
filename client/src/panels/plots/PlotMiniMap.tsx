import type { ClusterGeometry } from '../../../../domain/cluster.ts';
import type { PlotGeometry, PlotStatus } from '../../../../domain/plot.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { plotStatusColors } from '../../map/plotColors.ts';
import { miniMapPaths } from '../../plots/mini-map.ts';

type Props = { plot: PlotGeometry; status: PlotStatus; cluster: ClusterGeometry | null };

/** The plot inside its cluster's outline, drawn as SVG so it prints sharp with no map tiles. */
export function PlotMiniMap({ plot, status, cluster }: Props) {
  const { t } = useI18n();
  const shapes = cluster ? [cluster, plot] : [plot];
  const paths = miniMapPaths(shapes, 320, 220, 12);
  const plotPath = paths[paths.length - 1];
  return (
    <figure className="plot-mini-map">
      <svg viewBox="0 0 320 220" width="320" height="220" role="img" aria-label={t.miniMapCaption}>
        <rect width="320" height="220" fill="#fbf9f3" />
        {cluster && (
          <path d={paths[0]} fill="#eef0f2" stroke="#5f6b76" strokeWidth="1.5" strokeDasharray="5 4" />
        )}
        <path d={plotPath} fill={plotStatusColors[status]} stroke="#000" strokeWidth="2" />
        <text x="306" y="24" fontSize="14" textAnchor="middle">
          N
        </text>
        <path d="M306 28 L301 40 L306 37 L311 40 Z" fill="#000" />
      </svg>
      <figcaption className="muted small">{t.miniMapCaption}</figcaption>
    </figure>
  );
}
