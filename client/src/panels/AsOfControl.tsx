import { useMemo, useState } from 'react';
import { endedReportingPeriods, reportingPeriodLabel } from '../../../domain/reporting-period.ts';
import { IsoDate } from '../../../domain/text.ts';
import { useI18n } from '../i18n/I18nContext.tsx';

/** How many ended periods the select offers: three years of six-month and annual reports. */
const PERIODS_OFFERED = 6;

type Kind = 'now' | 'date' | 'period';

type Props = {
  /** The day the planner looks at (`YYYY-MM-DD`), or null: now. */
  asOf: string | null;
  today: string;
  onChange: (asOf: string | null) => void;
};

/**
 * Which data the planner's map and dashboard show: now, as recorded at the end of a day, or at the
 * end of an ended reporting period of Thông tư 14/2024 (its last day).
 */
export function AsOfControl({ asOf, today, onChange }: Props) {
  const { t, text } = useI18n();
  const periods = useMemo(() => endedReportingPeriods(today, PERIODS_OFFERED), [today]);
  // A day that is a period's last day shows as that period, unless the planner chose "on a day".
  const [preferDate, setPreferDate] = useState(false);
  const period = periods.find((item) => item.endDate === asOf) ?? null;
  const kind: Kind = asOf === null ? 'now' : period && !preferDate ? 'period' : 'date';
  const choose = (next: Kind) => {
    setPreferDate(next === 'date');
    if (next === 'now') onChange(null);
    else if (next === 'date') onChange(asOf ?? today);
    else onChange(period?.endDate ?? periods[0]?.endDate ?? null);
  };
  const kinds: [Kind, string][] = [
    ['now', t.asOfNow],
    ['date', t.asOfDate],
    ['period', t.asOfPeriod],
  ];
  return (
    <fieldset className="control as-of-control" aria-label={t.asOfLabel}>
      <span>{t.asOfLabel}:</span>
      {kinds.map(([value, label]) => (
        <button
          key={value}
          type="button"
          aria-pressed={kind === value}
          data-as-of={value}
          onClick={() => choose(value)}
        >
          {label}
        </button>
      ))}
      {kind === 'date' && (
        <input
          type="date"
          aria-label={t.asOfDateInput}
          value={asOf ?? ''}
          max={today}
          onChange={(event) => {
            const day = event.target.value;
            if (IsoDate.safeParse(day).success && day <= today) onChange(day);
          }}
        />
      )}
      {kind === 'period' && (
        <select
          aria-label={t.asOfPeriodSelect}
          value={period?.id ?? ''}
          onChange={(event) => {
            const chosen = periods.find((item) => item.id === event.target.value);
            if (chosen) onChange(chosen.endDate);
          }}
        >
          {periods.map((item) => (
            <option key={item.id} value={item.id}>
              {text(reportingPeriodLabel(item))}
            </option>
          ))}
        </select>
      )}
    </fieldset>
  );
}
