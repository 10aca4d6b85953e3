import { Injectable } from '@nestjs/common';
import { shanghaiDateOf } from './shanghai-time.js';

/**
 * The service's notion of "now". Every rule that depends on time asks this provider, so a
 * test or a scheduled job can move time by replacing `now` on the instance the running
 * service uses (`app.get(Clock).now = () => ...`).
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today's date in Asia/Shanghai, `YYYY-MM-DD`. */
  today(): string {
    return shanghaiDateOf(this.now());
  }
}
