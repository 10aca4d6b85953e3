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

  /** Designate the demo museum, publish a programme and book a demo visit (idempotent). */
  @EnvBoolean()
  @IsBoolean()
  SEED_DEMO: boolean = false;
}

export const SERVICE_NAME = 'study-tours';
