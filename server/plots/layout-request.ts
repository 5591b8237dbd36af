import type { Request } from 'express';
import { type PlotLayoutField, PlotLayoutRequest, plotLayoutFields } from '../../domain/plot-layout-api.ts';
import { HttpError } from '../errors.ts';

/** What each field is, in the words of the editor's form. */
const fieldNames: Record<PlotLayoutField, { vi: string; en: string; unit: string }> = {
  plotWidthM: { vi: 'Chiều rộng lô (mặt tiền)', en: 'Plot width (frontage)', unit: ' m' },
  plotDepthM: { vi: 'Chiều sâu lô', en: 'Plot depth', unit: ' m' },
  roadWidthM: { vi: 'Bề rộng đường nội bộ', en: 'Internal road width', unit: ' m' },
  minShare: { vi: 'Tỷ lệ tối thiểu của lô bị cắt', en: 'Minimum share of a clipped plot', unit: '' },
};

const badRequest = (vi: string, en: string) => new HttpError(400, 'invalid_body', vi, en);

/** The value as sent, short enough to quote in a message. */
const quoted = (value: unknown) => JSON.stringify(value)?.slice(0, 40) ?? 'undefined';

/**
 * The body of `POST /api/clusters/{id}/plot-layout`, or a 400 in both languages that names the
 * field, its bounds and what was sent, e.g. "Chiều sâu lô (plotDepthM) phải là một số từ 10 đến
 * 500 m; đã gửi: 5."
 */
export function parseLayoutRequest(request: Request): PlotLayoutRequest {
  const body: unknown = request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest(
      'Nội dung gửi lên phải là một đối tượng JSON: { plotWidthM, plotDepthM, roadWidthM, minShare?, dryRun }.',
      'The body must be a JSON object: { plotWidthM, plotDepthM, roadWidthM, minShare?, dryRun }.',
    );
  }
  const parsed = PlotLayoutRequest.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => `"${key.slice(0, 40)}"`).join(', ');
    throw badRequest(
      `Trường không được nhận: ${keys}. Các trường: plotWidthM, plotDepthM, roadWidthM, minShare, dryRun.`,
      `Unknown field: ${keys}. The fields are plotWidthM, plotDepthM, roadWidthM, minShare, dryRun.`,
    );
  }
  const field = String(issue?.path[0] ?? '');
  const sent = quoted((body as Record<string, unknown>)[field]);
  if (field in fieldNames) {
    const name = fieldNames[field as PlotLayoutField];
    const { min, max } = plotLayoutFields[field as PlotLayoutField];
    throw badRequest(
      `${name.vi} (${field}) phải là một số từ ${min} đến ${max}${name.unit}; đã gửi: ${sent}.`,
      `${name.en} (${field}) must be a number from ${min} to ${max}${name.unit}; sent: ${sent}.`,
    );
  }
  throw badRequest(
    `Trường "dryRun" phải là true (xem trước, không ghi) hoặc false (ghi); đã gửi: ${sent}.`,
    `"dryRun" must be true (preview, nothing written) or false (write); sent: ${sent}.`,
  );
}
