import type { Request } from 'express';
import { HttpError } from '../errors.ts';

/** West, south, east, north in degrees of longitude and latitude (CRS84). */
export type Bbox = [number, number, number, number];

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

/** A 400 for a parameter whose value is wrong, quoting (the start of) the value and saying what fits. */
export const invalidParameter = (name: string, value: string, vi: string, en: string) =>
  new HttpError(
    400,
    'invalid_parameter',
    `Tham số "${name}" không hợp lệ: "${value.slice(0, 80)}". ${vi}`,
    `Invalid "${name}": "${value.slice(0, 80)}". ${en}`,
  );

/**
 * A whole number in [min, max], `fallback` when absent, or a 400 naming the parameter; above
 * `max` the message says what the most is and how to page instead.
 */
export function wholeNumberParameter(
  request: Request,
  name: string,
  range: { min: number; max: number; fallback: number },
): number {
  const text = singleRawValue(request, name);
  if (text === undefined) return range.fallback;
  if (!/^\d{1,12}$/.test(text) || Number(text) < range.min) {
    throw invalidParameter(
      name,
      text,
      `Cần một số nguyên từ ${range.min}.`,
      `Expected a whole number from ${range.min}.`,
    );
  }
  const value = Number(text);
  if (value > range.max) {
    throw new HttpError(
      400,
      'limit_exceeded',
      `Tham số "${name}" tối đa là ${range.max} (đã gửi ${value}). Hãy lấy từng trang bằng "offset".`,
      `"${name}" is at most ${range.max} (got ${value}). Page through the results with "offset".`,
    );
  }
  return value;
}

/** `bbox=west,south,east,north` in CRS84 degrees (a 6-number 3D bbox is read without its heights). */
export function bboxParameter(request: Request): Bbox | undefined {
  const text = singleRawValue(request, 'bbox');
  if (text === undefined) return undefined;
  const parts = text.split(',');
  const numeric = parts.every((part) => /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(part));
  const numbers = parts.map(Number);
  const [west = Number.NaN, south = Number.NaN, east = Number.NaN, north = Number.NaN] =
    numbers.length === 6 ? [numbers[0], numbers[1], numbers[3], numbers[4]] : numbers;
  const inRange =
    numeric &&
    (numbers.length === 4 || numbers.length === 6) &&
    west >= -180 &&
    east <= 180 &&
    south >= -90 &&
    north <= 90 &&
    west <= east &&
    south <= north;
  if (!inRange) {
    throw invalidParameter(
      'bbox',
      text,
      'Cần "tây,nam,đông,bắc" bằng độ kinh/vĩ (CRS84), tây ≤ đông, nam ≤ bắc, ví dụ "108.9,12.2,109.1,12.4".',
      'Expected "west,south,east,north" in degrees of longitude/latitude (CRS84), west ≤ east, south ≤ north, e.g. "108.9,12.2,109.1,12.4".',
    );
  }
  return [west, south, east, north];
}
