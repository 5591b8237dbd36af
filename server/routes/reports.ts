import { stringify } from 'csv-stringify/sync';
import { Router } from 'express';
import { nationalReport, nationalReportHeaders } from '../../domain/national-report.ts';
import { parseReportingPeriodId } from '../../domain/reporting-period.ts';
import { HttpError, notFound } from '../errors.ts';
import { csvCell } from '../export/csv.ts';
import type { AtlasStore } from '../store/store.ts';
import { rejectUnknownParameters, singleValue } from './query-params.ts';

const ID_PATTERN = /^[a-z0-9-]{1,64}$/;
const reportParameters = ['province', 'period', 'format'] as const;
const formats = ['csv', 'json'] as const;

const missing = (name: string, exampleVi: string, exampleEn: string) =>
  new HttpError(
    400,
    'missing_parameter',
    `Thiếu tham số "${name}". ${exampleVi}`,
    `Missing parameter "${name}". ${exampleEn}`,
  );

const periodHelp = {
  vi: 'Kỳ báo cáo viết YYYY-h1 (báo cáo 6 tháng) hoặc YYYY-year (báo cáo năm), ví dụ "2024-h1".',
  en: 'A reporting period is written YYYY-h1 (six-month report) or YYYY-year (annual report), e.g. "2024-h1".',
};

/**
 * `/api/reports`: exports for reporting.
 *
 * `GET /api/reports/national-database?province=<id>&period=<YYYY-h1|YYYY-year>[&format=csv|json]`:
 * one row per cluster, shaped for the national cluster database's reporting periods (Thông tư
 * 14/2024/TT-BCT), every figure with its source and as-of date (see `nationalReportRows`). CSV by
 * default, UTF-8 with a byte-order mark so Excel shows Vietnamese intact, as an attachment named
 * `ccn-<province>-<period>.csv`; `format=json` gives `NationalReport` (`{ period, provinceId,
 * columns, rows }`). A province whose data holds no cluster (Hòa Bình: its source names none)
 * exports the header row only, and its JSON says `rows: []`: nothing is made up from its totals.
 */
export function reportRoutes(getStore: () => Promise<AtlasStore>): Router {
  const router = Router();

  router.get('/reports/national-database', async (request, response) => {
    rejectUnknownParameters(request, reportParameters);
    const provinceId = singleValue(request, 'province');
    if (provinceId === undefined)
      throw missing('province', 'Ví dụ: province=khanh-hoa.', 'For example: province=khanh-hoa.');
    if (!ID_PATTERN.test(provinceId)) {
      throw new HttpError(
        400,
        'invalid_parameter',
        `Tham số "province" không hợp lệ: "${provinceId.slice(0, 64)}". Mã tỉnh gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ "khanh-hoa".`,
        `Invalid "province": "${provinceId.slice(0, 64)}". A province id has lower-case letters, digits and hyphens, e.g. "khanh-hoa".`,
      );
    }
    const periodId = singleValue(request, 'period');
    if (periodId === undefined) throw missing('period', periodHelp.vi, periodHelp.en);
    const period = parseReportingPeriodId(periodId);
    if (!period) {
      throw new HttpError(
        400,
        'invalid_parameter',
        `Tham số "period" không hợp lệ: "${periodId.slice(0, 64)}". ${periodHelp.vi}`,
        `Invalid "period": "${periodId.slice(0, 64)}". ${periodHelp.en}`,
      );
    }
    const format = singleValue(request, 'format') ?? 'csv';
    if (!(formats as readonly string[]).includes(format)) {
      throw new HttpError(
        400,
        'invalid_parameter',
        `Tham số "format" không hợp lệ: "${format.slice(0, 64)}". Giá trị hợp lệ: ${formats.join(', ')}.`,
        `Invalid "format": "${format.slice(0, 64)}". Allowed values: ${formats.join(', ')}.`,
      );
    }

    const store = await getStore();
    const province = await store.getProvince(provinceId);
    if (!province) throw notFound({ vi: `tỉnh "${provinceId}"`, en: `Province "${provinceId}"` });
    const clusters = await store.listClusterProperties(provinceId);
    const cited = new Set(
      clusters.flatMap((cluster) => [
        cluster.stageSourceId,
        ...cluster.sourceIds,
        ...Object.values(cluster.figures).map((figure) => figure.sourceId),
        ...Object.values(cluster.infrastructure).map((component) => component.sourceId),
        ...[cluster.locality, cluster.infrastructureInvestor, cluster.wastewaterPlant].flatMap((fact) =>
          fact ? [fact.sourceId] : [],
        ),
      ]),
    );
    const report = nationalReport(provinceId, clusters, await store.getSources([...cited]), period);

    if (format === 'json') {
      response.json(report);
      return;
    }
    const csv = stringify(
      [
        nationalReportHeaders(),
        ...report.rows.map((row) => report.columns.map((column) => csvCell(row[column.key] ?? null))),
      ],
      { bom: true, record_delimiter: 'windows' },
    );
    response
      .type('text/csv; charset=utf-8')
      // Both ids are checked to [a-z0-9-], so the quoted name needs no escaping.
      .set('Content-Disposition', `attachment; filename="ccn-${provinceId}-${period.id}.csv"`)
      .send(Buffer.from(csv, 'utf8'));
  });

  return router;
}
