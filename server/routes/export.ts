import { Router } from 'express';
import { Stage } from '../../domain/cluster.ts';
import { stages } from '../../domain/vocabulary.ts';
import { HttpError, notFound } from '../errors.ts';
import { toCsv } from '../export/csv.ts';
import { toGeoJson } from '../export/geojson.ts';
import { toKml } from '../export/kml.ts';
import { readClusterExport, readPlotExport } from '../export/read-export.ts';
import { type ExportCollection, exportCollections } from '../export/rows.ts';
import { toXlsx } from '../export/xlsx.ts';
import type { AtlasStore } from '../store/store.ts';
import { queryValues, rejectUnknownParameters, singleValue } from './query-params.ts';

const ID_PATTERN = /^[a-z0-9-]{1,64}$/;
const FILE_PATTERN = /^([a-z-]{1,40})\.([a-z]{1,10})$/;

/** The formats, by the file extension asked for, with their content types. */
const exportFormats = {
  geojson: 'application/geo+json',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  kml: 'application/vnd.google-earth.kml+xml',
} as const;
type ExportFormat = keyof typeof exportFormats;

const parametersOf: Record<ExportCollection, readonly string[]> = {
  clusters: ['province', 'stage'],
  plots: ['province'],
};

const invalid = (name: string, value: string, vi: string, en: string) =>
  new HttpError(
    400,
    'invalid_parameter',
    `Tham số "${name}" không hợp lệ: "${value.slice(0, 64)}". ${vi}`,
    `Invalid "${name}": "${value.slice(0, 64)}". ${en}`,
  );

/** Today in the server's time zone, for file names and the "exported on" line. */
const localDate = (now: Date) =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/**
 * `/api/export/{collection}.{format}`: a province's clusters or plots as a file to download.
 *
 * - `collection`: `clusters` or `plots`; `format`: `geojson`, `csv`, `xlsx` or `kml`.
 * - `province`: optional for clusters (all provinces when absent), required for plots; an unknown
 *   province is a 404.
 * - `stage` (clusters): as `/api/clusters`, repeated or comma-separated; removed clusters only when
 *   asked for.
 *
 * Columns are the OGC catalog's flat properties, each reported figure followed by its source and
 * as-of; unknown is an empty cell, never 0 (see `server/export/rows.ts`). The file comes as an
 * attachment named `ccn-<collection>-<province|all>-<YYYY-MM-DD>.<format>`: ASCII, since every part
 * is checked to `[a-z0-9-]`.
 */
export function exportRoutes(
  getStore: () => Promise<AtlasStore>,
  clock: () => Date = () => new Date(),
): Router {
  const router = Router();

  router.get('/export/:file', async (request, response) => {
    const file = String(request.params.file);
    const match = FILE_PATTERN.exec(file);
    const [, collectionName = '', format = ''] = match ?? [];
    if (!(exportCollections as readonly string[]).includes(collectionName)) {
      throw notFound({
        vi: `bảng dữ liệu "${file.slice(0, 64)}" để xuất (có: ${exportCollections.join(', ')})`,
        en: `Export "${file.slice(0, 64)}" (available: ${exportCollections.join(', ')})`,
      });
    }
    const collection = collectionName as ExportCollection;
    if (!Object.hasOwn(exportFormats, format)) {
      throw invalid(
        'format',
        format,
        `Định dạng hợp lệ: ${Object.keys(exportFormats).join(', ')}, ví dụ /api/export/clusters.xlsx.`,
        `Allowed formats: ${Object.keys(exportFormats).join(', ')}, e.g. /api/export/clusters.xlsx.`,
      );
    }
    rejectUnknownParameters(request, parametersOf[collection]);
    const provinceId = singleValue(request, 'province');
    if (provinceId !== undefined && !ID_PATTERN.test(provinceId)) {
      throw invalid(
        'province',
        provinceId,
        'Mã tỉnh gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ "khanh-hoa".',
        'A province id has lower-case letters, digits and hyphens, e.g. "khanh-hoa".',
      );
    }
    if (collection === 'plots' && provinceId === undefined) {
      throw new HttpError(
        400,
        'missing_parameter',
        'Thiếu tham số "province": lô đất được xuất theo từng tỉnh. Ví dụ: province=khanh-hoa.',
        'Missing parameter "province": plots are exported one province at a time. For example: province=khanh-hoa.',
      );
    }
    const wanted = queryValues(request, 'stage').map((value) => {
      const parsed = Stage.safeParse(value);
      if (!parsed.success) {
        throw invalid(
          'stage',
          value,
          `Giá trị hợp lệ: ${stages.codes.join(', ')}.`,
          `Allowed values: ${stages.codes.join(', ')}.`,
        );
      }
      return parsed.data;
    });

    const store = await getStore();
    if (provinceId !== undefined && !(await store.getProvince(provinceId))) {
      throw notFound({ vi: `tỉnh "${provinceId}"`, en: `Province "${provinceId}"` });
    }
    const data =
      collection === 'plots'
        ? await readPlotExport(store, provinceId ?? '')
        : await readClusterExport(store, {
            provinceId,
            // Removed clusters are kept for history and exported only when asked for, as /api/clusters.
            stages: wanted.length > 0 ? wanted : stages.codes.filter((stage) => stage !== 'removed'),
          });

    const today = localDate(clock());
    const body =
      format === 'csv'
        ? toCsv(data)
        : format === 'xlsx'
          ? await toXlsx(data, today)
          : format === 'kml'
            ? toKml(data)
            : toGeoJson(data);
    response
      .type(exportFormats[format as ExportFormat])
      .set(
        'Content-Disposition',
        `attachment; filename="ccn-${collection}-${provinceId ?? 'all'}-${today}.${format}"`,
      )
      .send(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
  });

  return router;
}
