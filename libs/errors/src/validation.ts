import type { ValidationError } from 'class-validator';
import { AppError } from './app-error.js';

export interface FieldError {
  field: string;
  errors: string[];
}

/** Flattens class-validator's tree into `[{ field: 'address.city', errors: [...] }]`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      out.push({ field, errors: Object.values(error.constraints) });
    }
    if (error.children?.length) {
      out.push(...flattenValidationErrors(error.children, field));
    }
  }
  return out;
}

export function validationFailed(errors: ValidationError[]): AppError {
  const fields = flattenValidationErrors(errors);
  const summary = fields.map((f) => f.field).join(', ');
  return new AppError('VALIDATION_FAILED', 'invalid', `Invalid fields: ${summary}`, { fields });
}
