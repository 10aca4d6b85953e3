import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator.js';
import { ErrorBodyDto } from '../http/error-body.dto.js';
import { RateLimit } from '../http/rate-limit.guard.js';
import { HealthService, type Readiness } from './health.service.js';

@ApiTags('health')
@Controller('health')
@Public()
@RateLimit('none')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('live')
  @ApiOkResponse({
    description: 'The gateway process answers',
    schema: { example: { status: 'live' } },
  })
  live(): { status: 'live' } {
    return { status: 'live' };
  }

  @Get('ready')
  @ApiOkResponse({
    description: 'Kafka, the reply channel and every service answer',
    schema: {
      example: {
        ready: true,
        checks: { kafka: 'up', replies: 'up', revocations: 'up', directory: 'up' },
      },
    },
  })
  @ApiResponse({
    status: 503,
    type: ErrorBodyDto,
    description: 'NOT_READY, with the state of each check in details',
  })
  ready(): Promise<Readiness> {
    return this.health.assertReady();
  }
}
