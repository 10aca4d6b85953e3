import { applyDecorators } from '@nestjs/common';
import { ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { httpStatusOf } from '@app/errors';
import { ErrorCatalog, ErrorMessages, type ErrorCode } from '@app/contracts';
import { ErrorBodyDto } from './error-body.dto.js';

/**
 * The error responses of a route (or of every route of a controller), from their codes: one
 * response per HTTP status (taken from the error catalogue), listing its codes, with an
 * example body per code. 401, 429, 503 and 504 are added to every guarded route by the
 * document builder (`openapi.ts`), 400 `VALIDATION_FAILED` to every route with input; list
 * here what is particular to the route.
 *
 *   @ApiErrors('FILM_NOT_FOUND', 'SCREENING_ACTION_FORBIDDEN')
 *
 * A second `@ApiErrors` on the same method replaces the first for the statuses it names, so
 * give one list per method (a class-level list is overridden status by status).
 */
export function ApiErrors(...codes: ErrorCode[]): MethodDecorator & ClassDecorator {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const kind = ErrorCatalog[code];
    if (!kind) throw new Error(`ApiErrors: ${code} is not in the error catalogue`);
    const status = httpStatusOf(kind);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return applyDecorators(
    ...[...byStatus].map(([status, list]) =>
      ApiResponse({
        status,
        description: list.join(', '),
        content: {
          'application/json': {
            schema: { $ref: getSchemaPath(ErrorBodyDto) },
            examples: errorExamples(list),
          },
        },
      }),
    ),
  );
}

const EXAMPLE_REQUEST_ID = '0b6f8a8e-3c8e-4a57-9a55-1f0e7b0c2d11';

/** One example error body per code, named by the code (also used by the document builder). */
export function errorExamples(codes: readonly ErrorCode[]): Record<string, { value: object }> {
  return Object.fromEntries(
    codes.map((code) => [
      code,
      { value: { code, message: ErrorMessages[code][1], requestId: EXAMPLE_REQUEST_ID } },
    ]),
  );
}
