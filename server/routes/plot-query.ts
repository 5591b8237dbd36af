import type { Request } from 'express';
import { PlotStatus } from '../../domain/plot.ts';
import {
  PLOT_BBOX_SPAN_MAX_DEGREES,
  PLOT_PAGE_LIMIT_DEFAULT,
  PLOT_PAGE_LIMIT_MAX,
  type PlotQuery,
  PlotSort,
  plotQueryParameters,
  plotSortKeys,
} from '../../domain/plot-api.ts';
import { plotStatuses } from '../../domain/vocabulary.ts';
import { HttpError } from '../errors.ts';
import {
  bboxParameter,
  invalidParameter as invalid,
  queryValues,
  rejectUnknownParameters,
  singleValue,
  wholeNumberParameter,
} from './query-params.ts';

const ID_PATTERN = /^[a-z0-9-]{1,80}$/;

/** A finite number in [min, max], or a 400 naming the parameter and the range. */
function numberParameter(request: Request, name: string, min: number, max: number): number | undefined {
  const text = singleValue(request, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) || !Number.isFinite(value) || value < min || value > max) {
    throw invalid(name, text, `Cần một số từ ${min} đến ${max}.`, `Expected a number from ${min} to ${max}.`);
  }
  return value;
}

function idList(request: Request, name: string): string[] | undefined {
  const values = queryValues(request, name);
  for (const value of values) {
    if (!ID_PATTERN.test(value)) {
      throw invalid(
        name,
        value,
        'Mã gồm chữ thường không dấu, số và dấu gạch ngang.',
        'An id has lower-case letters, digits and hyphens.',
      );
    }
  }
  return values.length > 0 ? values : undefined;
}

/** The shared bbox, no wider than the plot list allows: wider asks go through province or cluster. */
function plotBbox(request: Request): PlotQuery['bbox'] {
  const bbox = bboxParameter(request);
  if (!bbox) return undefined;
  const [west, south, east, north] = bbox;
  if (east - west > PLOT_BBOX_SPAN_MAX_DEGREES || north - south > PLOT_BBOX_SPAN_MAX_DEGREES) {
    throw new HttpError(
      400,
      'bbox_too_large',
      `Vùng "bbox" quá rộng: mỗi cạnh tối đa ${PLOT_BBOX_SPAN_MAX_DEGREES}°. Hãy phóng to bản đồ hoặc lọc theo tỉnh, cụm.`,
      `"bbox" is too large: each side is at most ${PLOT_BBOX_SPAN_MAX_DEGREES}°. Zoom in, or filter by province or cluster.`,
    );
  }
  return bbox;
}

/** Reads and checks the query of `GET /api/plots`; every problem is a 400 that names the parameter. */
export function parsePlotQuery(request: Request): PlotQuery {
  rejectUnknownParameters(request, plotQueryParameters);
  const query: PlotQuery = {
    sort: 'label',
    limit: wholeNumberParameter(request, 'limit', {
      min: 1,
      max: PLOT_PAGE_LIMIT_MAX,
      fallback: PLOT_PAGE_LIMIT_DEFAULT,
    }),
    offset: wholeNumberParameter(request, 'offset', { min: 0, max: 10_000_000, fallback: 0 }),
  };
  const province = idList(request, 'province');
  if (province && province.length > 1) {
    throw invalid('province', province.join(','), 'Chỉ một tỉnh.', 'One province only.');
  }
  if (province) query.provinceId = province[0];
  const clusters = idList(request, 'cluster');
  if (clusters) query.clusterIds = clusters;

  const statuses = queryValues(request, 'status');
  if (statuses.length > 0) {
    query.statuses = statuses.map((value) => {
      const parsed = PlotStatus.safeParse(value);
      if (!parsed.success) {
        const allowed = plotStatuses.codes.join(', ');
        throw invalid('status', value, `Giá trị hợp lệ: ${allowed}.`, `Allowed values: ${allowed}.`);
      }
      return parsed.data;
    });
  }

  const minAreaHa = numberParameter(request, 'minAreaHa', 0, 1000);
  const maxAreaHa = numberParameter(request, 'maxAreaHa', 0, 1000);
  if (minAreaHa !== undefined && maxAreaHa !== undefined && minAreaHa > maxAreaHa) {
    throw invalid(
      'minAreaHa',
      String(minAreaHa),
      `Diện tích tối thiểu lớn hơn tối đa (${maxAreaHa} ha).`,
      `The minimum area is larger than the maximum (${maxAreaHa} ha).`,
    );
  }
  if (minAreaHa !== undefined) query.minAreaHa = minAreaHa;
  if (maxAreaHa !== undefined) query.maxAreaHa = maxAreaHa;
  const minInfrastructurePercent = numberParameter(request, 'minInfrastructurePercent', 0, 100);
  if (minInfrastructurePercent !== undefined) query.minInfrastructurePercent = minInfrastructurePercent;

  const wastewater = singleValue(request, 'wastewater');
  if (wastewater !== undefined) {
    if (wastewater !== 'compliant') {
      throw invalid(
        'wastewater',
        wastewater,
        'Giá trị hợp lệ: compliant (trạm xử lý nước thải đạt quy chuẩn).',
        'Allowed value: compliant (a wastewater plant meeting the national standard).',
      );
    }
    query.wastewaterCompliant = true;
  }

  const bbox = plotBbox(request);
  if (bbox) query.bbox = bbox;
  const sort = singleValue(request, 'sort');
  if (sort !== undefined) {
    const parsed = PlotSort.safeParse(sort);
    if (!parsed.success) {
      const allowed = plotSortKeys.join(', ');
      throw invalid('sort', sort, `Giá trị hợp lệ: ${allowed}.`, `Allowed values: ${allowed}.`);
    }
    query.sort = parsed.data;
  }
  return query;
}
