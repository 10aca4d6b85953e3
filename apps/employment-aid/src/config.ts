import { IsInt, Max, Min } from 'class-validator';
import { BaseConfig } from '@app/config';

export class EmploymentAidConfig extends BaseConfig {
  @IsInt()
  @Min(1)
  @Max(64)
  CONSUMER_CONCURRENCY: number = 12;
}

export const SERVICE_NAME = 'employment-aid';
