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

/** Turns whatever a handler threw into `{error: {code, message_vi, message_en}}`; never leaks a stack. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, request, response, _next) => {
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
