import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import type { ClusterProperties } from '../../../domain/cluster.ts';
import { matchesSearch } from '../../../domain/search.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import type { ThematicLayer } from '../map/thematic/types.ts';
import { UNKNOWN_CLASS } from '../map/thematic/types.ts';

type Props = {
  clusters: ClusterProperties[];
  layer: ThematicLayer;
  selectedId: string | null;
  onSelect: (id: string) => void;
};

/**
 * The clusters as a list beside the map, searchable without diacritics ("dien tho" finds
 * "Diên Thọ"); arrow keys walk it, Enter opens a card.
 */
export function ClusterList({ clusters, layer, selectedId, onSelect }: Props) {
  const { t, text, language } = useI18n();
  const [query, setQuery] = useState('');
  const listRef = useRef<HTMLUListElement>(null);
  const shown = useMemo(() => {
    // One collator for the whole sort: `localeCompare` with a locale makes one per comparison.
    const collator = new Intl.Collator(language);
    // No query, no filter: folding every name for nothing cost the first map ~100 ms of a slowed CPU.
    const found = query.trim()
      ? clusters.filter((cluster) =>
          matchesSearch(`${cluster.name.vi} ${cluster.name.en} ${cluster.aliases.join(' ')}`, query),
        )
      : [...clusters];
    return found.sort((a, b) => collator.compare(a.name[language], b.name[language]));
  }, [clusters, query, language]);

  const moveFocus = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...(listRef.current?.querySelectorAll('button') ?? [])];
    if (buttons.length === 0) return;
    event.preventDefault();
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = event.key === 'ArrowDown' ? Math.min(index + 1, buttons.length - 1) : Math.max(index - 1, 0);
    buttons[index === -1 ? 0 : next]?.focus();
  };

  return (
    <section className="cluster-list" aria-label={t.clusterList}>
      <input
        type="search"
        className="cluster-search"
        placeholder={t.searchPlaceholder}
        aria-label={t.searchPlaceholder}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={moveFocus}
      />
      <p className="muted small" aria-live="polite">
        {t.searchCount.replace('{shown}', String(shown.length)).replace('{total}', String(clusters.length))}
      </p>
      <ul ref={listRef} onKeyDown={moveFocus}>
        {shown.map((cluster) => {
          const classKey = layer.classify(cluster);
          const item = layer.classes.find((entry) => entry.key === classKey);
          return (
            <li key={cluster.id}>
              <button
                type="button"
                data-cluster-id={cluster.id}
                aria-current={cluster.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(cluster.id)}
              >
                <span
                  className={`swatch${classKey === UNKNOWN_CLASS ? ' swatch-unknown' : ''}`}
                  style={classKey === UNKNOWN_CLASS ? undefined : { background: item?.color }}
                  aria-hidden="true"
                />
                <span className="cluster-list-name">{text(cluster.name)}</span>
                <span className="muted small">{item ? text(item.label) : ''}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
