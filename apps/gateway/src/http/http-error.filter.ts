import { randomUUID } from 'node:crypto';
import {
  Catch,
  HttpException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { errorLanguageOf, errorMessageOf } from '@app/contracts';
import { AppError, httpStatusOf, type ErrorBody } from '@app/errors';
import { currentRequestId } from '@app/logging';

/**
 * The one place where errors become HTTP responses: an AppError's kind gives the status,
 * framework exceptions get codes of their own, and anything unexpected is a 500 whose body
 * holds only an error id (the stack goes to the log).
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const { status, body } = this.toResponse(exception, request);
    if (status === 503 || status === 504) {
      this.logger.warn({ msg: 'upstream failure', status, code: body.code, path: request.path });
    }
    const language = errorLanguageOf(request.headers['accept-language']);
    response.setHeader('Content-Language', language);
    response.vary('Accept-Language');
    response.status(status).json({
      ...body,
      message: messageIn(language, body),
      requestId: currentRequestId() ?? null,
    });
  }

  private toResponse(exception: unknown, request: Request): { status: number; body: ErrorBody } {
    if (exception instanceof AppError) {
      return { status: httpStatusOf(exception.kind), body: exception.toBody() };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 404) {
        return {
          status,
          body: { code: 'ROUTE_NOT_FOUND', message: `No route ${request.method} ${request.path}` },
        };
      }
      if (status === 413) return { status, body: tooLargeBody(exception.message) };
      if (status === 400 || status === 415) {
        // Body-parser failures (bad JSON, wrong type) arrive as HttpExceptions.
        return { status, body: { code: 'MALFORMED_REQUEST', message: exception.message } };
      }
      if (status < 500) {
        return { status, body: { code: `HTTP_${status}`, message: exception.message } };
      }
    }
    if (isBodyParserError(exception)) {
      return {
        status: exception.status,
        body:
          exception.status === 413
            ? tooLargeBody(exception.message)
            : { code: 'MALFORMED_REQUEST', message: exception.message },
      };
    }
    const errorId = randomUUID();
    this.logger.error({ msg: 'unexpected error', errorId, path: request.path, err: exception });
    return { status: 500, body: { code: 'INTERNAL', message: 'Internal error', errorId } };
  }
}

/**
 * The message in the asked language (Accept-Language, zh-CN by default): Chinese from the
 * catalogue (`ErrorMessages`); English keeps the service's own text, which names the
 * specifics, and takes the catalogue's where there is none. `details` are the same in both.
 */
function messageIn(language: 'zh-CN' | 'en', body: ErrorBody): string {
  const catalogued = errorMessageOf(body.code, language);
  if (language === 'en') return body.message || catalogued || body.code;
  return catalogued ?? body.message;
}

/** A body cut off by a parser's limit while it was read (no Content-Length to refuse it by). */
const tooLargeBody = (message: string): ErrorBody => ({ code: 'PAYLOAD_TOO_LARGE', message });

function isBodyParserError(e: unknown): e is { status: number; message: string; type: string } {
  const candidate = e as { status?: unknown; type?: unknown } | null;
  return (
    typeof candidate?.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500 &&
    typeof candidate.type === 'string'
  );
}
