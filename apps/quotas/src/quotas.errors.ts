import { AppError } from '@app/errors';

export const scopeNotFound = (what = 'No such class, school or area in your scope'): AppError =>
  new AppError('QUOTA_SCOPE_NOT_FOUND', 'not_found', what);
export const studentNotFound = (): AppError =>
  new AppError('QUOTA_STUDENT_NOT_FOUND', 'not_found', 'No such student in your scope');
export const ruleNotFound = (): AppError =>
  new AppError('QUOTA_RULE_NOT_FOUND', 'not_found', 'No such quota rule');
export const forbidden = (message: string): AppError =>
  new AppError('QUOTA_ACTION_FORBIDDEN', 'forbidden', message);
export const ruleInvalid = (message: string, details?: unknown): AppError =>
  new AppError('QUOTA_RULE_INVALID', 'invalid', message, details);
export const periodInvalid = (message: string, details?: unknown): AppError =>
  new AppError('QUOTA_PERIOD_INVALID', 'invalid', message, details);
