import express, { type Request } from 'express';
import type { z } from 'zod';
import { HttpError } from '../errors.ts';

/** JSON bodies up to 1 MB; anything unreadable becomes the error handler's bilingual 400. */
export const jsonBody = express.json({ limit: '1mb' });

/**
 * The request's JSON body parsed with `schema`, or an error that names the first field at fault:
 * 422 `invalid_geometry` when it is the GeoJSON geometry (readable JSON, but no valid shape, as the
 * geometry checks after it answer), else 400 `invalid_body`.
 *
 * @example const login = parseBody(request, LoginRequest);
 */
export function parseBody<T extends z.ZodType>(request: Request, schema: T): z.infer<T> {
  const parsed = schema.safeParse(request.body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : null;
  const detail = issue?.message ?? 'invalid';
  if (issue?.path[0] === 'geometry') {
    throw new HttpError(
      422,
      'invalid_geometry',
      `Hình dạng (GeoJSON) không hợp lệ ở trường "${field}": ${detail}.`,
      `Invalid GeoJSON geometry at field "${field}": ${detail}.`,
    );
  }
  throw new HttpError(
    400,
    'invalid_body',
    field ? `Trường "${field}" không hợp lệ: ${detail}.` : `Nội dung gửi lên không hợp lệ: ${detail}.`,
    field ? `Invalid field "${field}": ${detail}.` : `Invalid body: ${detail}.`,
  );
}
