import { IsEmail, ValidateNested, validateSync } from 'class-validator';
import { plainToInstance, Type } from 'class-transformer';
import { AppError, httpStatusOf, isErrorBody, validationFailed, type ErrorKind } from './index.js';

class Address {
  @IsEmail()
  email!: string;
}
class Person {
  @ValidateNested()
  @Type(() => Address)
  address!: Address;
}

describe('errors', () => {
  it('maps every kind to its HTTP status', () => {
    const kinds: Record<ErrorKind, number> = {
      invalid: 400,
      too_large: 413,
      unauthenticated: 401,
      forbidden: 403,
      not_found: 404,
      conflict: 409,
      locked: 423,
      rate_limited: 429,
      internal: 500,
      unavailable: 503,
      timeout: 504,
    };
    for (const [kind, status] of Object.entries(kinds))
      expect(httpStatusOf(kind as ErrorKind)).toBe(status);
  });

  it('lists nested field errors with dotted paths', () => {
    const person = plainToInstance(Person, { address: { email: 'nope' } });
    const error = validationFailed(validateSync(person));
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      kind: 'invalid',
      message: 'Invalid fields: address.email',
    });
    expect(error.details).toEqual({
      fields: [{ field: 'address.email', errors: ['email must be an email'] }],
    });
  });

  it('puts only code, message and details on the wire', () => {
    const body = new AppError('SLOT_FULL', 'conflict', 'No places left', {
      placesLeft: 0,
    }).toBody();
    expect(body).toEqual({
      code: 'SLOT_FULL',
      message: 'No places left',
      details: { placesLeft: 0 },
    });
    expect(isErrorBody(body)).toBe(true);
    expect(isErrorBody({ code: 1 })).toBe(false);
  });
});
