import { IsBoolean, IsEmail, IsInt, IsString, Max, Min, MinLength } from 'class-validator';
import { BaseConfig, EnvBoolean } from '@app/config';

export class DirectoryConfig extends BaseConfig {
  /** Lifetime of an access token in seconds. */
  @IsInt()
  @Min(60)
  @Max(86400)
  ACCESS_TOKEN_TTL_SECONDS: number = 900;

  /** Seed the demo admin account at start (idempotent). */
  @EnvBoolean()
  @IsBoolean()
  SEED_DEMO: boolean = false;

  @IsEmail()
  DEMO_ADMIN_EMAIL: string = 'admin@studentpass.local';

  @IsString()
  @MinLength(10)
  DEMO_ADMIN_PASSWORD: string = 'Demo-Admin-2026!';

  @IsInt()
  @Min(1)
  @Max(64)
  CONSUMER_CONCURRENCY: number = 12;
}

export const SERVICE_NAME = 'directory';
