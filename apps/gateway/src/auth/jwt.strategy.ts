import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AccessTokenClaims } from '@app/contracts';
import { GatewayConfig } from '../config.js';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(@Inject(GatewayConfig) config: GatewayConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      ignoreExpiration: false,
      // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as a
      // public key on every verify, which was 40% of the gateway's CPU under load.
      // passport-jwt hands it to jsonwebtoken as it is; its types just do not list KeyObject.
      secretOrKey: createSecretKey(Buffer.from(config.JWT_SECRET)) as unknown as string,
      algorithms: ['HS256'],
    });
  }

  validate(claims: AccessTokenClaims): AccessTokenClaims {
    return { sub: claims.sub, role: claims.role, org: claims.org, stu: claims.stu ?? null };
  }
}
