import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AppError } from '@app/errors';
import { IS_PUBLIC } from './public.decorator.js';

/** The one 401 body for any refused bearer token: it tells a caller nothing about why. */
export const unauthenticated = (): AppError =>
  new AppError('UNAUTHENTICATED', 'unauthenticated', 'A valid bearer token is required');

/** Global guard: every route needs a valid bearer token unless marked `@Public()`. */
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
    return isPublic ? true : super.canActivate(context);
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
