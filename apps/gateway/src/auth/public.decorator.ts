import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const IS_PUBLIC = 'auth:isPublic';

/** Marks an operation public in the OpenAPI document; `openapi.ts` turns it into `security: []`. */
export const PUBLIC_EXTENSION = 'x-public';

/** Opens a route to callers without a token. Every other route needs a valid JWT. */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_EXTENSION, true));
