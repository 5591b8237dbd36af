import express, { type Request } from 'express';
import type { z } from 'zod';
import { HttpError } from '../errors.ts';

/** JSON bodies up to 1 MB; anything unreadable becomes the error handler's bilingual 400. */
export const jsonBody = express.json({ limit: '1mb' });

/**
 * The request's JSON body parsed with `schema`, or a 400 that names the first field at fault.
 *
 * @example const login = parseBody(request, LoginRequest);
 */
export function parseBody<T extends z.ZodType>(request: Request, schema: T): z.infer<T> {
  const parsed = schema.safeParse(request.body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : null;
  const detail = issue?.message ?? 'invalid';
  throw new HttpError(
    400,
    'invalid_body',
    field ? `Trường "${field}" không hợp lệ: ${detail}.` : `Nội dung gửi lên không hợp lệ: ${detail}.`,
    field ? `Invalid field "${field}": ${detail}.` : `Invalid body: ${detail}.`,
  );
}
