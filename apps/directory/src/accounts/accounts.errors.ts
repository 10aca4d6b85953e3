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

export const ownAccountChange = (what: string): AppError =>
  new AppError('OWN_ACCOUNT_CHANGE', 'conflict', `You cannot ${what} your own account`);

export const lastPlatformAdmin = (): AppError =>
  new AppError(
    'LAST_PLATFORM_ADMIN',
    'conflict',
    'This is the last active platform admin; it stays active',
  );

export const passwordUnchanged = (): AppError =>
  new AppError(
    'PASSWORD_UNCHANGED',
    'invalid',
    'The new password must differ from the current one',
  );

export const nothingToUpdate = (): AppError =>
  new AppError('VALIDATION_FAILED', 'invalid', 'Give a displayName, a role or both', {
    fields: [{ field: 'displayName', errors: ['displayName or role is required'] }],
  });

export const roleAboveOwn = (): AppError =>
  new AppError('FORBIDDEN', 'forbidden', 'You cannot give a role above your own');
