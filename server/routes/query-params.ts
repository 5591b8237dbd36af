import type { Request } from 'express';
import { HttpError } from '../errors.ts';

/**
 * Reads a query parameter's values: repeated (`?a=1&a=2`) and comma-separated (`?a=1,2`) forms
 * both work. Empty values are dropped.
 */
export function queryValues(request: Request, name: string): string[] {
  const raw = request.query[name];
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return list
    .flatMap((value) => (typeof value === 'string' ? value.split(',') : []))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

/** Rejects any parameter not in `allowed`, naming it: a typo must not silently widen a filter. */
export function rejectUnknownParameters(request: Request, allowed: readonly string[]) {
  for (const name of Object.keys(request.query)) {
    if (!allowed.includes(name)) {
      throw new HttpError(
        400,
        'unknown_parameter',
        `Tham số "${name}" không được hỗ trợ. Các tham số hợp lệ: ${allowed.join(', ')}.`,
        `Unknown parameter "${name}". Supported parameters: ${allowed.join(', ')}.`,
      );
    }
  }
}

/** At most one value, or a 400 naming the parameter. */
export function singleValue(request: Request, name: string): string | undefined {
  const values = queryValues(request, name);
  if (values.length > 1) {
    throw new HttpError(
      400,
      'invalid_parameter',
      `Tham số "${name}" chỉ nhận một giá trị.`,
      `Parameter "${name}" takes a single value.`,
    );
  }
  return values[0];
}

/** At most one value, taken whole (commas included, as in `bbox=w,s,e,n`), or a 400 naming it. */
export function singleRawValue(request: Request, name: string): string | undefined {
  const raw = request.query[name];
  if (Array.isArray(raw)) {
    throw new HttpError(
      400,
      'invalid_parameter',
      `Tham số "${name}" chỉ nhận một giá trị.`,
      `Parameter "${name}" takes a single value.`,
    );
  }
  return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : undefined;
}
