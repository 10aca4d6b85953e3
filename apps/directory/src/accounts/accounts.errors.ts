import { AppError } from '@app/errors';

export const accountNotFound = (id: string): AppError =>
  new AppError('ACCOUNT_NOT_FOUND', 'not_found', 'No such account', { accountId: id });
