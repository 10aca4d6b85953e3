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
      secretOrKey: config.JWT_SECRET,
      algorithms: ['HS256'],
    });
  }

  validate(claims: AccessTokenClaims): AccessTokenClaims {
    return { sub: claims.sub, role: claims.role, org: claims.org };
  }
}
