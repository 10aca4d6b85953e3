import { Injectable } from '@nestjs/common';

/** The time, injectable so tests and jobs can move it. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
