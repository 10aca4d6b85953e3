import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { BaseConfig, EnvBoolean } from '@app/config';

export class EmploymentAidConfig extends BaseConfig {
  @IsInt()
  @Min(1)
  @Max(64)
  CONSUMER_CONCURRENCY: number = 12;

  /**
   * Key of the difficulty categories at rest: 32 random bytes, base64
   * (`openssl rand -base64 32`). A development key is used without it; production refuses.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, {
    message: 'EMPLOYMENT_AID_ENCRYPTION_KEY must be 32 bytes, base64-encoded (44 characters)',
  })
  EMPLOYMENT_AID_ENCRYPTION_KEY?: string;

  /** A graduate without contact for longer than this is flagged. */
  @IsInt()
  @Min(1)
  @Max(365)
  FOLLOW_UP_ALERT_DAYS: number = 14;

  /** How long after logging a session its notes can still be edited. */
  @IsInt()
  @Min(0)
  @Max(24 * 30)
  SESSION_EDIT_WINDOW_HOURS: number = 24;

  /** Seed demo graduates and a mentor at 山东大学 (idempotent). */
  @EnvBoolean()
  @IsBoolean()
  SEED_DEMO: boolean = false;
}

export const SERVICE_NAME = 'employment-aid';
