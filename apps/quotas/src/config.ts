import { Transform } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { SCHOOL_STAGES, type SchoolStage } from '@app/contracts';
import { BaseConfig, EnvBoolean } from '@app/config';

export class QuotasConfig extends BaseConfig {
  /** Partitions of the directory topics worked on at once. */
  @IsInt()
  @Min(1)
  @Max(64)
  CONSUMER_CONCURRENCY: number = 12;

  /**
   * Consumer group of the ledger (attendance, participation, visits, bookings). A new name
   * reads the topics from the beginning again: the replay path of a rebuild (README).
   */
  @IsString()
  @Matches(/^[a-z0-9._-]+$/)
  LEDGER_GROUP_ID: string = 'quotas-ledger';

  /**
   * Events applied per database transaction at most (a fetched batch is cut into these).
   * 8 000 rather than 2 000: a chunk of 4.6 times the events took 2.4 times as long (its
   * statements are set-based), so a backlog drains faster (docs/benchmarks.md, quotas).
   */
  @IsInt()
  @Min(1)
  @Max(20000)
  LEDGER_CHUNK_SIZE: number = 8000;

  /** Partitions of the ledger topics worked on at once. */
  @IsInt()
  @Min(1)
  @Max(64)
  LEDGER_CONCURRENCY: number = 3;

  /** The scheduled "student short" check runs this many days before a term's last day. */
  @IsInt()
  @Min(0)
  @Max(120)
  SHORT_NOTICE_DAYS_BEFORE_TERM_END: number = 14;

  /** Period of the scheduled check. */
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  JOB_INTERVAL_MS: number = 3_600_000;

  /**
   * School stages the default film rule (2 films a term) covers, comma-separated; written
   * onto the default rule at boot, so `GET /quotas/rules` shows them. Every stage that has
   * students by default, special education included (issue 18: it was left out).
   */
  @Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
    const value = obj[key];
    if (Array.isArray(value)) return value as unknown[];
    return [
      ...new Set(
        String(value)
          .split(',')
          .map((stage) => stage.trim())
          .filter((stage) => stage !== ''),
      ),
    ];
  })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(SCHOOL_STAGES, { each: true })
  DEFAULT_FILM_RULE_STAGES: SchoolStage[] = [...SCHOOL_STAGES];

  /** Seeds nothing today: the default rule comes with the migrations (kept for symmetry). */
  @EnvBoolean()
  @IsBoolean()
  SEED_DEMO: boolean = false;
}

export const SERVICE_NAME = 'quotas';
