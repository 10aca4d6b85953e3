import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { BaseConfig, EnvBoolean } from '@app/config';

export class StudyToursConfig extends BaseConfig {
  @IsInt()
  @Min(1)
  @Max(64)
  CONSUMER_CONCURRENCY: number = 12;

  /** One teacher per this many students, where the designating bureau has set nothing. */
  @IsInt()
  @Min(1)
  @Max(100)
  DEFAULT_STUDENTS_PER_TEACHER: number = 15;

  /** A submitted booking the base has not answered this many hours after submission expires. */
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  DECISION_HOURS: number = 72;

  /**
   * ... and at the latest this many days before the visit's first day (00:00 Asia/Shanghai),
   * so the school still has time to plan; a booking submitted later than that has until the
   * visit begins (and DECISION_HOURS).
   */
  @IsInt()
  @Min(0)
  @Max(60)
  DECISION_DAYS_BEFORE_VISIT: number = 3;

  /** A waiting-list offer holds the freed places this many hours (or until the visit begins). */
  @IsInt()
  @Min(1)
  @Max(24 * 14)
  OFFER_HOURS: number = 24;

  /** Period of the scheduled expiry of undecided bookings. */
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  JOB_INTERVAL_MS: number = 60_000;

  /** Designate the demo museum, publish a programme and book a demo visit (idempotent). */
  @EnvBoolean()
  @IsBoolean()
  SEED_DEMO: boolean = false;
}

export const SERVICE_NAME = 'study-tours';
