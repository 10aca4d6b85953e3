import { ValidationPipe } from '@nestjs/common';
import { validationFailed } from '@app/errors';

/** Bodies and queries: unknown fields rejected, types converted, errors listed per field. */
export function httpValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => validationFailed(errors),
  });
}
