import type { Request } from 'express';
import {
  bboxParameter,
  invalidParameter as invalid,
  rejectUnknownParameters,
  singleRawValue,
  wholeNumberParameter,
} from '../routes/query-params.ts';
import type { OgcCollection } from './collections.ts';
import type { ItemsQuery } from './feature-source.ts';

/** Features per page when `limit` is not given, and the most one page may hold. */
export const ITEMS_LIMIT_DEFAULT = 100;
export const ITEMS_LIMIT_MAX = 1000;
/** Parameters every items request may carry besides the collection's queryables. */
export const itemsParameters = ['f', 'bbox', 'limit', 'offset'] as const;

/** The value of a queryable, checked against the catalog's allow-list or id pattern. */
function queryableValue(request: Request, collection: OgcCollection, name: string): string | undefined {
  const property = collection.properties.find((candidate) => candidate.name === name);
  const rule = property?.queryable;
  const value = singleRawValue(request, name);
  if (value === undefined || !rule) return undefined;
  if (rule.kind === 'enum' && !rule.values.includes(value)) {
    const allowed = rule.values.join(', ');
    throw invalid(name, value, `Giá trị hợp lệ: ${allowed}.`, `Allowed values: ${allowed}.`);
  }
  if (rule.kind === 'id' && !new RegExp(rule.pattern).test(value)) {
    throw invalid(
      name,
      value,
      'Mã gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ "khanh-hoa".',
      'An id has lower-case letters, digits and hyphens, e.g. "khanh-hoa".',
    );
  }
  return value;
}

/** Names of a collection's queryable properties, in catalog order. */
export function queryableNames(collection: OgcCollection): string[] {
  return collection.properties.filter((property) => property.queryable).map((property) => property.name);
}

/**
 * Reads and checks the query of `GET /ogc/collections/{id}/items`. Unknown parameters are refused
 * with a 400 that names them and lists the allowed ones; values never reach SQL as text.
 */
export function parseItemsQuery(request: Request, collection: OgcCollection): ItemsQuery {
  rejectUnknownParameters(request, [...itemsParameters, ...queryableNames(collection)]);
  const filters: Record<string, string> = {};
  for (const name of queryableNames(collection)) {
    const value = queryableValue(request, collection, name);
    if (value !== undefined) filters[name] = value;
  }
  const bbox = bboxParameter(request);
  return {
    limit: wholeNumberParameter(request, 'limit', {
      min: 1,
      max: ITEMS_LIMIT_MAX,
      fallback: ITEMS_LIMIT_DEFAULT,
    }),
    offset: wholeNumberParameter(request, 'offset', { min: 0, max: 1_000_000_000, fallback: 0 }),
    filters,
    ...(bbox ? { bbox } : {}),
  };
}
