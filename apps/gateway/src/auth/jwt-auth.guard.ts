import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { AccessTokenClaims } from '@app/contracts';
import { AppError } from '@app/errors';
import {
  ALLOWED_WHILE_PASSWORD_CHANGE_REQUIRED,
  passwordChangeRequired,
} from './password-change.decorator.js';
import { IS_PUBLIC } from './public.decorator.js';

/** The one 401 body for any refused bearer token: it tells a caller nothing about why. */
export const unauthenticated = (): AppError =>
  new AppError('UNAUTHENTICATED', 'unauthenticated', 'A valid bearer token is required');

/**
 * Global guard: every route needs a valid bearer token unless marked `@Public()`. A token
 * whose account must change its password (`pwc`) opens only the routes marked
 * `@AllowedWhilePasswordChangeRequired()`: decided from the claim, with no round trip.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  private readonly logger = new Logger(JwtAuthGuard.name);

  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext): ReturnType<CanActivate['canActivate']> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    return isPublic ? true : this.authenticate(context);
  }

  private async authenticate(context: ExecutionContext): Promise<boolean> {
    const authenticated = await (super.canActivate(context) as Promise<boolean>);
    const user = context.switchToHttp().getRequest<{ user?: AccessTokenClaims }>().user;
    if (authenticated && user?.pwc === true) {
      const allowed = this.reflector.getAllAndOverride<boolean>(
        ALLOWED_WHILE_PASSWORD_CHANGE_REQUIRED,
        [context.getHandler(), context.getClass()],
      );
      if (!allowed) throw passwordChangeRequired();
    }
    return authenticated;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false, info: unknown): TUser {
    if (error || !user) {
      // The token library's reason ("jwt expired", "invalid signature", …) goes to the log
      // only: in a body it would tell a forger which check failed.
      const reason =
        info instanceof Error ? info.message : error instanceof Error ? error.message : 'refused';
      this.logger.log({ msg: 'bearer token refused', reason });
      throw unauthenticated();
    }
    return user;
  }
}
