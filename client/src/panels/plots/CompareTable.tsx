import type { ReactNode } from 'react';
import type { Source } from '../../../../domain/source.ts';
import { stages } from '../../../../domain/vocabulary.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import type { CompareColumn } from '../../plots/compare-columns.ts';
import { SourceRef } from '../SourceRef.tsx';
import { GeneratedBadge } from './GeneratedBadge.tsx';
import { StatusChip } from './StatusChip.tsx';
import { usePlotFormat } from './usePlotFormat.ts';

type Props = { columns: CompareColumn[]; sources: Source[]; onRemove: (column: CompareColumn) => void };

/** Plots and clusters side by side, the key figures in rows; unknowns say so. */
export function CompareTable({ columns, sources, onRemove }: Props) {
  const { t, text, number, language } = useI18n();
  const format = usePlotFormat();
  const unknown = <span className="unknown">{t.unknown}</span>;
  const cite = (id: string | null | undefined) =>
    id ? (
      <span className="muted small">
        {' '}
        · <SourceRef source={sources.find((source) => source.id === id)} />
      </span>
    ) : null;
  const rows: { key: string; label: string; cell: (column: CompareColumn) => ReactNode }[] = [
    { key: 'area', label: t.areas, cell: (c) => (c.areaHa === null ? unknown : format.hectares(c.areaHa)) },
    {
      key: 'status',
      label: t.plotStatus,
      cell: (c) =>
        c.status ? <StatusChip status={c.status} /> : <span className="muted">{t.notApplicable}</span>,
    },
    {
      key: 'stage',
      label: t.clusterStage,
      cell: (c) => (c.stage ? stages.label(c.stage, language) : unknown),
    },
    {
      key: 'infrastructure',
      label: t.infrastructure,
      cell: (c) => (c.infrastructure ? format.infrastructure(c.infrastructure) : unknown),
    },
    {
      key: 'wastewater',
      label: t.wastewaterPlant,
      cell: (c) =>
        c.wastewaterPlant ? (
          <>
            {format.wastewater(c.wastewaterPlant)}
            {cite(c.wastewaterPlant.sourceId)}
          </>
        ) : (
          unknown
        ),
    },
    {
      key: 'occupancy',
      label: t.occupancy,
      cell: (c) =>
        c.occupancy ? (
          <>
            {number(c.occupancy.percent, 0)}%{cite(c.occupancy.sourceId)}
          </>
        ) : (
          unknown
        ),
    },
    {
      key: 'contact',
      label: t.contact,
      cell: (c) => {
        const line = c.contact ? format.contact(c.contact) : null;
        return line ? (
          <>
            {line}
            {cite(c.contact?.sourceId)}
          </>
        ) : (
          unknown
        );
      },
    },
  ];
  return (
    <table className="compare-table">
      <thead>
        <tr>
          <td />
          {columns.map((column) => (
            <th
              key={`${column.item.kind}:${column.item.id}`}
              scope="col"
              data-compare={`${column.item.kind}:${column.item.id}`}
            >
              <span className="muted small">{column.item.kind === 'plot' ? t.kindPlot : t.kindCluster}</span>
              <div>
                {column.plotLabel !== null && `${t.plot} ${column.plotLabel} — `}
                {column.name ? text(column.name) : column.item.id}
              </div>
              {column.generated && <GeneratedBadge origin="generated" />}
              <button type="button" className="link-button small" onClick={() => onRemove(column)}>
                {t.compareRemove}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-row={row.key}>
            <th scope="row">{row.label}</th>
            {columns.map((column) => (
              <td key={`${column.item.kind}:${column.item.id}`}>{row.cell(column)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
