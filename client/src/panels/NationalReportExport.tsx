import { useMemo, useState } from 'react';
import { endedReportingPeriods, reportingPeriodLabel } from '../../../domain/reporting-period.ts';
import { nationalReportUrl } from '../api/client.ts';
import { useI18n } from '../i18n/I18nContext.tsx';

/** How many ended periods the select offers: three years of six-month and annual reports. */
const PERIODS_OFFERED = 6;

type Props = { provinceId: string; clusterCount: number; today: string };

/**
 * The export for the national cluster database (Thông tư 14/2024/TT-BCT): a reporting period,
 * latest ended first and chosen by default, and links to its CSV and JSON.
 */
export function NationalReportExport({ provinceId, clusterCount, today }: Props) {
  const { t, text } = useI18n();
  const periods = useMemo(() => endedReportingPeriods(today, PERIODS_OFFERED), [today]);
  const [periodId, setPeriodId] = useState(periods[0]?.id ?? '');
  return (
    <section className="national-report" aria-labelledby="national-report-title">
      <h3 id="national-report-title">{t.nationalReportTitle}</h3>
      <p className="muted small">{t.nationalReportHelp}</p>
      <label className="report-period">
        {t.reportingPeriod}{' '}
        <select value={periodId} onChange={(event) => setPeriodId(event.target.value)}>
          {periods.map((period) => (
            <option key={period.id} value={period.id}>
              {text(reportingPeriodLabel(period))}
            </option>
          ))}
        </select>
      </label>
      {clusterCount === 0 && <p className="notice">{t.nationalReportHeaderOnly}</p>}
      <p className="report-links">
        <a className="report-csv" href={nationalReportUrl(provinceId, periodId, 'csv')} download>
          {t.downloadCsv}
        </a>
        {' · '}
        <a
          className="report-json"
          href={nationalReportUrl(provinceId, periodId, 'json')}
          target="_blank"
          rel="noopener"
        >
          {t.openJson}
        </a>
      </p>
    </section>
  );
}
