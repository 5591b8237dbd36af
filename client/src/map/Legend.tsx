import type { ClusterProperties } from '../../../domain/cluster.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import type { ThematicLayer } from './thematic/types.ts';
import { UNKNOWN_CLASS } from './thematic/types.ts';

type Props = {
  layer: ThematicLayer;
  clusters: ClusterProperties[] | null;
  illustrative: boolean;
  showRemoved: boolean;
  /** Offer the "show removed" switch (the app); an embed leaves it out. */
  onShowRemoved?: (show: boolean) => void;
};

function Swatch({ color, unknown, droplet }: { color: string; unknown: boolean; droplet: boolean }) {
  const className = ['swatch', unknown ? 'swatch-unknown' : '', droplet ? 'swatch-droplet' : ''].join(' ');
  return (
    <span className={className} style={unknown ? undefined : { background: color }} aria-hidden="true" />
  );
}

/** The active layer's classes with how many clusters fall in each, the ring, and the geometry warning. */
export function Legend({ layer, clusters, illustrative, showRemoved, onShowRemoved }: Props) {
  const { t, text, number } = useI18n();
  const counts = new Map<string, number>();
  for (const cluster of clusters ?? []) {
    const key = layer.classify(cluster);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const classes = layer.classes.filter((item) => showRemoved || item.key !== 'removed');
  const ringed = layer.ring ? (clusters ?? []).filter((cluster) => layer.ring?.test(cluster)).length : 0;
  return (
    <section className="legend" aria-label={text(layer.title)} data-layer={layer.id}>
      <h2>{text(layer.title)}</h2>
      <p className="legend-description">{text(layer.description)}</p>
      <ul>
        {classes.map((item) => (
          <li key={item.key} data-class={item.key}>
            <Swatch
              color={item.color}
              unknown={item.key === UNKNOWN_CLASS}
              droplet={layer.symbol === 'droplet'}
            />
            <span className="legend-label">{text(item.label)}</span>
            <span className="legend-count">{clusters ? number(counts.get(item.key) ?? 0) : '…'}</span>
          </li>
        ))}
        {layer.ring && (
          <li data-class="ring">
            <span className="swatch swatch-ring" aria-hidden="true" />
            <span className="legend-label">{text(layer.ring.label)}</span>
            <span className="legend-count">{number(ringed)}</span>
          </li>
        )}
      </ul>
      {layer.id === 'stage' && onShowRemoved && (
        <label className="legend-toggle">
          <input
            type="checkbox"
            checked={showRemoved}
            onChange={(event) => onShowRemoved(event.target.checked)}
          />
          {t.showRemoved}
        </label>
      )}
      {illustrative && <p className="legend-notice">{t.illustrativeNotice}</p>}
    </section>
  );
}
