import { ParseUUIDPipe } from '@nestjs/common';
import { AppError } from '@app/errors';

/** For `:id` path parameters: anything but a UUID is a 400 VALIDATION_FAILED. */
export const uuidParam = (name = 'id'): ParseUUIDPipe =>
  new ParseUUIDPipe({
    exceptionFactory: () =>
      new AppError('VALIDATION_FAILED', 'invalid', `${name} must be a UUID`, {
        fields: [{ field: name, errors: [`${name} must be a UUID`] }],
      }),
  });
