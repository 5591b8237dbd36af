import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ApiError } from '../domain/api.ts';

/** An error a handler throws to answer with a 4xx/5xx and a message a planner can read. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(messageEn);
  }
}

export const notFound = (what: { vi: string; en: string }) =>
  new HttpError(404, 'not_found', `Không tìm thấy ${what.vi}.`, `${what.en} not found.`);

const body = (code: string, message_vi: string, message_en: string): ApiError => ({
  error: { code, message_vi, message_en },
});

/**
 * Error codes meaning the database cannot be reached, not that the request was wrong: the socket's
 * (refused, reset, timed out, unknown host) and PostgreSQL's own (57P01 admin_shutdown, 57P02
 * crash_shutdown, 57P03 cannot_connect_now, class 08 connection_exception, 53300
 * too_many_connections).
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300',
]);

/** node-postgres's messages for a connection that is gone or never came (they carry no code). */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect|Cannot use a pool after calling end/i;

/** Whether `error` (or what it wraps) says the database is unreachable; a retry may well succeed. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const { code, message, errors, cause } = error as {
    code?: unknown;
    message?: unknown;
    errors?: unknown;
    cause?: unknown;
  };
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  // AggregateError (every address of a host refused), or an error wrapping the real one.
  if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return cause !== undefined && isDatabaseUnavailable(cause, depth + 1);
}

/** Seconds a client is asked to wait while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** 503 while the database cannot be reached: the app stays up and reconnects by itself. */
export const databaseUnavailable = () =>
  new HttpError(
    503,
    'database_unavailable',
    'Tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít giây; nếu bạn vừa sửa dữ liệu, hãy tải lại trang để kiểm tra trước khi gửi lại.',
    'The database cannot be reached right now. Please try again in a few seconds; if you were saving a change, reload to check it before sending it again.',
    { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) },
  );

/** Turns whatever a handler threw into `{error: {code, message_vi, message_en}}`; never leaks a stack. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, request, response, _next) => {
    if (!(error instanceof HttpError) && isDatabaseUnavailable(error)) {
      logger.warn({ err: error, url: request.originalUrl }, 'database unavailable');
      error = databaseUnavailable();
    }
    if (error instanceof HttpError) {
      response.set(error.headers);
      response.status(error.status).json(body(error.code, error.messageVi, error.messageEn));
      return;
    }
    // body-parser and friends mark client errors with a 4xx status.
    const status = typeof error?.status === 'number' ? error.status : 500;
    if (status === 413) {
      response
        .status(413)
        .json(
          body(
            'too_large',
            'Nội dung gửi lên quá lớn; hãy chia nhỏ hoặc đơn giản hóa rồi gửi lại.',
            'The request body is too large; split or simplify it and send it again.',
          ),
        );
      return;
    }
    if (status >= 400 && status < 500) {
      response
        .status(status)
        .json(
          body(
            'bad_request',
            'Yêu cầu không hợp lệ: nội dung gửi lên không đọc được.',
            'Bad request: the body could not be read.',
          ),
        );
      return;
    }
    logger.error({ err: error, url: request.originalUrl }, 'unhandled error');
    response
      .status(500)
      .json(
        body(
          'internal',
          'Lỗi máy chủ. Thao tác chưa được thực hiện; vui lòng thử lại.',
          'Server error. Nothing was changed; please try again.',
        ),
      );
  };
}

/** Data that cannot be stored as given (an invalid geometry, an unknown cluster): 422, nothing written. */
export const invalidData = (messageVi: string, messageEn: string) =>
  new HttpError(422, 'invalid_data', messageVi, messageEn);
