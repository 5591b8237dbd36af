import type { Request } from 'express';
import { HttpError } from '../errors.ts';
import { singleRawValue } from '../routes/query-params.ts';

/** How an answer is written: JSON for programs, an HTML page for people. */
export type ResponseFormat = 'json' | 'html';

/**
 * `?f=json` or `?f=html` decide; otherwise an HTML page when the Accept header prefers `text/html`
 * over the resource's JSON types (a browser), and JSON for everything else (GDAL, curl's `*\/*`).
 */
export function responseFormat(request: Request, jsonTypes: readonly string[]): ResponseFormat {
  const f = singleRawValue(request, 'f');
  if (f !== undefined) {
    if (f === 'json' || f === 'html') return f;
    throw new HttpError(
      400,
      'invalid_parameter',
      `Tham số "f" không hợp lệ: "${f.slice(0, 40)}". Giá trị hợp lệ: json, html.`,
      `Invalid "f": "${f.slice(0, 40)}". Allowed values: json, html.`,
    );
  }
  return request.accepts([...jsonTypes, 'text/html']) === 'text/html' ? 'html' : 'json';
}
