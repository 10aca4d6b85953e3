import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { AppError } from '@app/errors';

export const ALLOWED_WHILE_PASSWORD_CHANGE_REQUIRED = 'auth:allowedWhilePasswordChangeRequired';

/**
 * Opens a route to an account that must change its password (token claim `pwc`): only
 * `GET /me`, `POST /me/password` and `POST /auth/logout` carry it.
 */
export const AllowedWhilePasswordChangeRequired = (): MethodDecorator =>
  applyDecorators(
    SetMetadata(ALLOWED_WHILE_PASSWORD_CHANGE_REQUIRED, true),
    ApiExtension(PASSWORD_CHANGE_EXTENSION, true),
  );

/** In the OpenAPI document: every other guarded route documents 403 PASSWORD_CHANGE_REQUIRED. */
export const PASSWORD_CHANGE_EXTENSION = 'x-allowed-while-password-change-required';

export const passwordChangeRequired = (): AppError =>
  new AppError(
    'PASSWORD_CHANGE_REQUIRED',
    'forbidden',
    'Your password was reset: choose a new one at POST /me/password first',
  );
