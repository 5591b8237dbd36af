import type { ClusterProperties } from '../../../../domain/cluster.ts';
import type { PlotSort } from '../../../../domain/plot-api.ts';
import { plotStatuses } from '../../../../domain/vocabulary.ts';
import { useI18n } from '../../i18n/I18nContext.tsx';
import {
  type InfrastructureThreshold,
  infrastructureThresholds,
  type PlotFilter,
} from '../../plots/plot-filter.ts';
import { AreaInput } from './AreaInput.tsx';
import { StatusChip } from './StatusChip.tsx';

type Props = {
  filter: PlotFilter;
  clusters: ClusterProperties[];
  onChange: (filter: PlotFilter) => void;
};

/** The investor's conditions: cluster, status, area, infrastructure, wastewater plant, order. */
export function PlotFilters({ filter, clusters, onChange }: Props) {
  const { t, text } = useI18n();
  const set = (change: Partial<PlotFilter>) => onChange({ ...filter, ...change });
  const sortLabels: Record<PlotSort, string> = {
    area: t.sortArea,
    '-area': t.sortAreaDescending,
    label: t.sortLabel,
    cluster: t.sortCluster,
  };
  return (
    <form className="plot-filters" aria-label={t.plotFilters} onSubmit={(event) => event.preventDefault()}>
      <label className="filter-row">
        <span>{t.cluster}</span>
        <select
          name="cluster"
          value={filter.clusterIds[0] ?? ''}
          onChange={(event) => set({ clusterIds: event.target.value ? [event.target.value] : [] })}
        >
          <option value="">{t.allClusters}</option>
          {clusters.map((cluster) => (
            <option key={cluster.id} value={cluster.id}>
              {text(cluster.name)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="filter-row">
        <legend>{t.plotStatus}</legend>
        {plotStatuses.codes.map((status) => (
          <label key={status} className="checkbox">
            <input
              type="checkbox"
              name="status"
              value={status}
              checked={filter.statuses.includes(status)}
              onChange={(event) =>
                set({
                  statuses: plotStatuses.codes.filter((code) =>
                    code === status ? event.target.checked : filter.statuses.includes(code),
                  ),
                })
              }
            />
            <StatusChip status={status} />
          </label>
        ))}
      </fieldset>
      <fieldset className="filter-row area-range">
        <legend>{t.areaRangeHa}</legend>
        <AreaInput label={t.from} value={filter.minAreaHa} onCommit={(minAreaHa) => set({ minAreaHa })} />
        <AreaInput label={t.to} value={filter.maxAreaHa} onCommit={(maxAreaHa) => set({ maxAreaHa })} />
      </fieldset>
      <label className="filter-row">
        <span>{t.infrastructureAtLeast}</span>
        <select
          name="infrastructure"
          value={filter.minInfrastructurePercent}
          onChange={(event) =>
            set({ minInfrastructurePercent: Number(event.target.value) as InfrastructureThreshold })
          }
        >
          {infrastructureThresholds.map((value) => (
            <option key={value} value={value}>
              {value === 0 ? t.anyInfrastructure : `${value}%`}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox filter-row">
        <input
          type="checkbox"
          name="wastewater"
          checked={filter.wastewaterCompliant}
          onChange={(event) => set({ wastewaterCompliant: event.target.checked })}
        />
        {t.wastewaterCompliantOnly}
      </label>
      <label className="filter-row">
        <span>{t.sortBy}</span>
        <select
          name="sort"
          value={filter.sort}
          onChange={(event) => set({ sort: event.target.value as PlotSort })}
        >
          {Object.entries(sortLabels).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
