import { ValidationPipe } from '@nestjs/common';
import { validationFailed } from './validation.js';

/**
 * The one validation pipe of the suite, for HTTP bodies at the gateway and for every payload
 * a service receives: unknown fields rejected, types converted, errors listed per field.
 */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => validationFailed(errors),
  });
}
