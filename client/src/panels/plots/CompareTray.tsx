import { useState } from 'react';
import type { ClusterProperties } from '../../../../domain/cluster.ts';
import type { Province } from '../../../../domain/province.ts';
import type { Source } from '../../../../domain/source.ts';
import { api } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import { type CompareItem, removeFromCompare, writeCompare } from '../../plots/compare.ts';
import { compareColumns } from '../../plots/compare-columns.ts';
import { CompareTable } from './CompareTable.tsx';

type Props = {
  items: CompareItem[];
  clusters: ClusterProperties[];
  province: Province | null;
  sources: Source[];
  onChange: (items: CompareItem[]) => void;
};

/** The compare drawer over the map's foot: the chosen items, and the side-by-side table on demand. */
export function CompareTray({ items, clusters, province, sources, onChange }: Props) {
  const { t } = useI18n();
  // Folded at first: the map stays in sight until the investor asks for the table.
  const [open, setOpen] = useState(false);
  const plotIds = items.filter((item) => item.kind === 'plot').map((item) => item.id);
  const plots = useApi(plotIds.length > 0 ? writeCompare(items) : 'none', (signal) =>
    Promise.all(plotIds.map((id) => api.plot(id, signal).catch(() => null))),
  );
  if (items.length === 0) return null;
  const details = plots.state === 'ready' ? plots.data.filter((plot) => plot !== null) : [];
  const columns = compareColumns(items, details, clusters, province);
  return (
    <section className="compare-tray" aria-label={t.compareTitle.replace('{count}', String(items.length))}>
      <header className="compare-head">
        <strong>{t.compareTitle.replace('{count}', String(items.length))}</strong>
        <button type="button" className="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t.compareHide : t.compareShow}
        </button>
        <button type="button" className="button" onClick={() => onChange([])}>
          {t.compareClear}
        </button>
      </header>
      {open && (
        <div className="compare-body">
          {plots.state === 'loading' && plotIds.length > 0 ? (
            <p className="muted">{t.loading}</p>
          ) : (
            <CompareTable
              columns={columns}
              sources={sources}
              onRemove={(column) => onChange(removeFromCompare(items, column.item))}
            />
          )}
        </div>
      )}
    </section>
  );
}
