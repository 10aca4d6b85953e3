import {
  IsBoolean,
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';
import { BaseConfig, EnvBoolean } from '@app/config';

export class DirectoryConfig extends BaseConfig {
  /** Lifetime of an access token in seconds. */
  @IsInt()
  @Min(60)
  @Max(86400)
  ACCESS_TOKEN_TTL_SECONDS: number = 900;

  /** Lifetime of a refresh token in seconds (default 14 days). */
  @IsInt()
  @Min(300)
  @Max(90 * 86400)
  REFRESH_TOKEN_TTL_SECONDS: number = 14 * 86400;

  /** Wrong passwords in a row that lock an account. */
  @IsInt()
  @Min(3)
  @Max(20)
  LOCKOUT_THRESHOLD: number = 5;

  /** How long a lock lasts unless an admin lifts it sooner. */
  @IsInt()
  @Min(1)
  @Max(1440)
  LOCKOUT_MINUTES: number = 15;

  /**
   * Key of the national ids at rest: 32 random bytes, base64 (`openssl rand -base64 32`).
   * Unset: a development key, refused when NODE_ENV=production.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, {
    message: 'ROSTER_ENCRYPTION_KEY must be 32 bytes, base64-encoded (44 characters)',
  })
  ROSTER_ENCRYPTION_KEY?: string;

  /** Seed the demo admin account at start (idempotent). */
  @EnvBoolean()
  @IsBoolean()
  SEED_DEMO: boolean = false;

  @IsEmail()
  DEMO_ADMIN_EMAIL: string = 'admin@studentpass.local';

  @IsString()
  @MinLength(10)
  DEMO_ADMIN_PASSWORD: string = 'Demo-Admin-2026!';

  /**
   * The first platform admin of a suite without demo data (production): created at start
   * while no platform admin exists (`FirstAdmin`). Set both or neither.
   */
  @IsOptional()
  @IsEmail()
  BOOTSTRAP_ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  @IsInt()
  @Min(1)
  @Max(64)
  CONSUMER_CONCURRENCY: number = 12;
}

export const SERVICE_NAME = 'directory';
