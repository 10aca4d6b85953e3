import type { PipeTransform } from '@nestjs/common';
import { isLocalDate } from '@app/contracts';
import { AppError } from '@app/errors';

/** For `:date` path parameters: anything but a real `YYYY-MM-DD` date is a 400 VALIDATION_FAILED. */
class LocalDateParamPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (isLocalDate(value)) return value;
    const error = `${this.name} must be a real date written YYYY-MM-DD`;
    throw new AppError('VALIDATION_FAILED', 'invalid', error, {
      fields: [{ field: this.name, errors: [error] }],
    });
  }
}

export const localDateParam = (name = 'date'): PipeTransform<string, string> =>
  new LocalDateParamPipe(name);
