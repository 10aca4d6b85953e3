import { SetMetadata } from '@nestjs/common';
import { AppError } from '@app/errors';

export const ALLOWED_WHILE_PASSWORD_CHANGE_REQUIRED = 'auth:allowedWhilePasswordChangeRequired';

/**
 * Opens a route to an account that must change its password (token claim `pwc`): only
 * `GET /me`, `POST /me/password` and `POST /auth/logout` carry it.
 */
export const AllowedWhilePasswordChangeRequired = (): MethodDecorator =>
  SetMetadata(ALLOWED_WHILE_PASSWORD_CHANGE_REQUIRED, true);

export const passwordChangeRequired = (): AppError =>
  new AppError(
    'PASSWORD_CHANGE_REQUIRED',
    'forbidden',
    'Your password was reset: choose a new one at POST /me/password first',
  );
