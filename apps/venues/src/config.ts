import { IsBoolean, IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { BaseConfig, EnvBoolean } from '@app/config';

export class VenuesConfig extends BaseConfig {
  @IsInt()
  @Min(1)
  @Max(64)
  CONSUMER_CONCURRENCY: number = 12;

  /** Days ahead (today included) for which slots exist. */
  @IsInt()
  @Min(1)
  @Max(90)
  SLOT_WINDOW_DAYS: number = 14;

  /** Individual bookings a student may make in any 30 days. */
  @IsInt()
  @Min(1)
  @Max(1000)
  INDIVIDUAL_BOOKINGS_PER_30_DAYS: number = 8;

  /** No-shows within NO_SHOW_WINDOW_DAYS that bar individual bookings for NO_SHOW_BAR_DAYS. */
  @IsInt()
  @Min(1)
  @Max(100)
  NO_SHOW_LIMIT: number = 3;

  @IsInt()
  @Min(1)
  @Max(365)
  NO_SHOW_WINDOW_DAYS: number = 90;

  @IsInt()
  @Min(1)
  @Max(365)
  NO_SHOW_BAR_DAYS: number = 30;

  /** The booker may cancel until this many minutes before the slot starts. */
  @IsInt()
  @Min(0)
  @Max(10080)
  CANCEL_CUTOFF_MINUTES: number = 120;

  /** A group request not decided within this many hours (or by the slot's start) expires. */
  @IsInt()
  @Min(1)
  @Max(720)
  GROUP_DECISION_HOURS: number = 48;

  /** A waiting-list offer holds a freed place this long (or until the slot starts). */
  @IsInt()
  @Min(1)
  @Max(1440)
  WAITLIST_OFFER_MINUTES: number = 30;

  /** A group waiting-list offer holds the freed group places this long (or until the slot starts). */
  @IsInt()
  @Min(1)
  @Max(168)
  GROUP_WAITLIST_OFFER_HOURS: number = 24;

  /** Check-in opens this many minutes before the slot starts and closes when it ends. */
  @IsInt()
  @Min(0)
  @Max(525600)
  CHECKIN_EARLY_MINUTES: number = 30;

  /**
   * Key of the QR tokens' HMAC-SHA256 (32+ characters). Unset: a development key, refused
   * when NODE_ENV=production.
   */
  @IsOptional()
  @IsString()
  @MinLength(32)
  CHECKIN_TOKEN_KEY?: string;

  /** Period of the background job: expiries, no-shows, and rolling the slot window. */
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  JOB_INTERVAL_MS: number = 30_000;

  /**
   * The outbox relay waits this long after a batch that was not full, so that events
   * committed meanwhile leave in the same transaction and produce request (0: at once).
   */
  @IsInt()
  @Min(0)
  @Max(1000)
  OUTBOX_LINGER_MS: number = 5;

  /** Create the demo venue of 山东博物馆 when its organisation appears (idempotent). */
  @EnvBoolean()
  @IsBoolean()
  SEED_DEMO: boolean = false;
}

export const SERVICE_NAME = 'venues';
