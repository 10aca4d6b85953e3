import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator.js';
import { ApiErrors } from '../http/api-errors.js';
import { RateLimit } from '../http/rate-limit.guard.js';
import { HealthService, Readiness } from './health.service.js';

/** `GET /health/live`. */
export class Liveness {
  @ApiProperty({ enum: ['live'], example: 'live' })
  status!: 'live';
}

@ApiTags('health')
@Controller('health')
@Public()
@RateLimit('none')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the gateway process answers' })
  @ApiOkResponse({ type: Liveness, description: 'The gateway process answers' })
  live(): Liveness {
    return { status: 'live' };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: Kafka, the reply channel and every service answer',
    description:
      'Each service must answer a ping within READINESS_TIMEOUT_MS. When a check is down the ' +
      'answer is 503 NOT_READY, with the state of each check in details.',
  })
  @ApiOkResponse({ type: Readiness, description: 'Every check is up' })
  @ApiErrors('NOT_READY')
  ready(): Promise<Readiness> {
    return this.health.assertReady();
  }
}
