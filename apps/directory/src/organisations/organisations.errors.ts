import { AppError } from '@app/errors';

export const parentNotFound = (): AppError =>
  new AppError('PARENT_ORGANISATION_NOT_FOUND', 'not_found', 'No such parent organisation');

export const invalidHierarchy = (reason: string): AppError =>
  new AppError('INVALID_ORGANISATION_HIERARCHY', 'invalid', reason);
