import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AccessTokenClaims } from '@app/contracts';
import { GatewayConfig } from '../config.js';
import { SessionRevocations } from './session-revocations.js';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(
    @Inject(GatewayConfig) config: GatewayConfig,
    private readonly revocations: SessionRevocations,
  ) {
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
    // A revoked session (logout, reused refresh token) ends its tokens before they expire.
    if (claims.sid !== undefined && this.revocations.isRevoked(claims.sid)) {
      throw new Error('session revoked');
    }
    return {
      sub: claims.sub,
      role: claims.role,
      org: claims.org,
      stu: claims.stu ?? null,
      ...(claims.sid !== undefined ? { sid: claims.sid } : {}),
      ...(claims.pwc === true ? { pwc: true as const } : {}),
    };
  }
}
