// One error handler (DESIGN convention 4): every failure leaves as
// {"error": {"code", "message" (Chinese), "requestId", "details"?}} with the code's HTTP status.
import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { DxeError, ERROR_CODES, type ErrorCode } from '../core/errors.js';
import { issueMessageZh } from '../core/rules/issue-text.js';

export function errorBody(code: ErrorCode, message: string, requestId: string, details?: unknown) {
  return { error: { code, message, requestId, ...(details === undefined ? {} : { details }) } };
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | DxeError | ZodError | Error, request, reply) => {
    let code: ErrorCode = 'INTERNAL';
    let message: string = ERROR_CODES.INTERNAL.zh;
    let details: unknown;
    if (err instanceof DxeError) {
      code = err.code;
      message = err.message;
      details = err.details;
    } else if (err instanceof ZodError) {
      code = 'VALIDATION_FAILED';
      // Chinese, one per issue (core/rules/issue-text.ts); zod's English never reaches the user.
      details = err.issues.map((i) => ({ path: i.path.join('.'), message: issueMessageZh(i) }));
      message = `${ERROR_CODES.VALIDATION_FAILED.zh}: ${err.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || '(请求体)'} ${issueMessageZh(i)}`)
        .join('；')}`;
    } else {
      const fe = err as FastifyError;
      if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (fe.statusCode === 400 && err instanceof SyntaxError)) {
        code = 'MALFORMED_JSON';
        message = ERROR_CODES.MALFORMED_JSON.zh;
      } else if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        code = 'PAYLOAD_TOO_LARGE';
        message = ERROR_CODES.PAYLOAD_TOO_LARGE.zh;
      } else if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
        code = 'VALIDATION_FAILED';
        message = '不支持的内容类型，请使用 application/json';
      } else if (fe.statusCode === 429) {
        code = 'RATE_LIMITED';
        message = ERROR_CODES.RATE_LIMITED.zh;
      } else if (fe.validation) {
        code = 'VALIDATION_FAILED';
        message = `${ERROR_CODES.VALIDATION_FAILED.zh}: ${fe.message}`;
      } else if (fe.statusCode === 404) {
        code = 'NOT_FOUND';
        message = ERROR_CODES.NOT_FOUND.zh;
      }
    }
    const status = ERROR_CODES[code].status;
    if (status >= 500) request.log.error({ err }, 'request failed');
    else request.log.info({ code }, 'request rejected');
    void reply.status(status).send(errorBody(code, message, request.id, details));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send(errorBody('NOT_FOUND', ERROR_CODES.NOT_FOUND.zh, request.id));
  });
}
