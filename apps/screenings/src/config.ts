import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { BaseConfig, EnvBoolean } from '@app/config';

export class ScreeningsConfig extends BaseConfig {
  @IsInt()
  @Min(1)
  @Max(64)
  CONSUMER_CONCURRENCY: number = 12;

  /** Added to a film's running time to give a screening's end (seating, leaving the hall). */
  @IsInt()
  @Min(0)
  @Max(240)
  SCREENING_BUFFER_MINUTES: number = 15;

  /** Attendance may be recorded from this many minutes before the screening starts. */
  @IsInt()
  @Min(0)
  @Max(525600)
  ATTENDANCE_EARLY_MINUTES: number = 30;

  /** Marks may be recorded and corrected until this many hours after the screening ends. */
  @IsInt()
  @Min(0)
  @Max(8760)
  ATTENDANCE_CORRECTION_HOURS: number = 72;

  /** Seed demo films, approvals, a screening and attendance at the demo school (idempotent). */
  @EnvBoolean()
  @IsBoolean()
  SEED_DEMO: boolean = false;
}

export const SERVICE_NAME = 'screenings';
