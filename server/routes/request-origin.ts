import type { Request } from 'express';
import { HttpError } from '../errors.ts';

const HOST = /^[a-z0-9.-]+(:[0-9]{1,5})?$|^\[[0-9a-f:.]+\](:[0-9]{1,5})?$/i;

/**
 * This server as the client reached it, for the absolute URLs TileJSON and OGC API links need.
 * The Host header is checked first: a forged one must not end up in a link another client follows.
 *
 * @example requestOrigin(request) // 'http://localhost:8080'
 */
export function requestOrigin(request: Request): string {
  const host = request.get('host') ?? '';
  if (!HOST.test(host)) {
    throw new HttpError(
      400,
      'invalid_host',
      'Tiêu đề Host của yêu cầu không hợp lệ.',
      'The request has an invalid Host header.',
    );
  }
  return `${request.protocol}://${host}`;
}
