import { IsInt, IsString, Max, Min } from 'class-validator';
import { BaseConfig } from '@app/config';

export class GatewayConfig extends BaseConfig {
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @IsString()
  HOST: string = '127.0.0.1';

  /** Requests per minute per client address, all routes together. */
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE: number = 1200;

  /** Login attempts per minute per client address. */
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT_PER_MINUTE: number = 20;

  /** Reply consumer group shared by gateway instances; each takes its own reply partitions. */
  @IsString()
  GATEWAY_GROUP_ID: string = 'gateway';

  /** How long /health/ready waits for each service's ping. */
  @IsInt()
  @Min(100)
  READINESS_TIMEOUT_MS: number = 1500;
}
