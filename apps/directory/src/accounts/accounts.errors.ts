import { AppError } from '@app/errors';

export const accountNotFound = (id: string): AppError =>
  new AppError('ACCOUNT_NOT_FOUND', 'not_found', 'No such account', { accountId: id });

export const emailTaken = (email: string): AppError =>
  new AppError('EMAIL_TAKEN', 'conflict', 'An account with this email exists', { email });

export const studentAccountExists = (studentId: string): AppError =>
  new AppError('STUDENT_ACCOUNT_EXISTS', 'conflict', 'This student already has an account', {
    studentId,
  });

export const roleNotAllowed = (reason: string): AppError =>
  new AppError('ROLE_NOT_ALLOWED', 'invalid', reason);
