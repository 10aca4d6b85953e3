import {
  applyDecorators,
  Injectable,
  Logger,
  SetMetadata,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { EventPattern } from '@nestjs/microservices';
import { catchError, defer, from, map, Observable, retry, timer } from 'rxjs';
import { AppError } from '@app/errors';
import type { KafkaMessageContext } from '../kafka/kafka-context.js';
import { deadLetterMessage } from './dead-letter-message.js';

const DEAD_LETTER_TOPIC = 'messaging:dead-letter-topic';

export interface DeadLetterPolicy {
  topic: string;
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Delay before the n-th retry grows as `baseDelayMs * n`. */
  baseDelayMs: number;
}

export const DEFAULT_MAX_ATTEMPTS = 3;

/**
 * Marks a handler of domain events: payload validated, retried a bounded number of times,
 * then sent to the service's dead-letter topic and committed, so one poison message never
 * blocks its partition. An invalid payload goes straight to the dead letters.
 */
export function ConsumeEvent(topic: string, deadLetterTopic: string): MethodDecorator {
  return applyDecorators(
    EventPattern(topic) as MethodDecorator,
    SetMetadata(DEAD_LETTER_TOPIC, deadLetterTopic),
    UseInterceptors(DeadLetterInterceptor),
  );
}

@Injectable()
export class DeadLetterInterceptor implements NestInterceptor {
  private readonly logger = new Logger('DeadLetter');
  static maxAttempts = Number(process.env.EVENT_MAX_ATTEMPTS ?? DEFAULT_MAX_ATTEMPTS);
  static baseDelayMs = Number(process.env.EVENT_RETRY_DELAY_MS ?? 200);

  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const deadLetterTopic = this.reflector.get<string>(DEAD_LETTER_TOPIC, context.getHandler());
    const kafka = context.switchToRpc().getContext<KafkaMessageContext>();
    const maxAttempts = DeadLetterInterceptor.maxAttempts;
    return defer(() => next.handle()).pipe(
      retry({
        count: maxAttempts - 1,
        delay: (error: unknown, retryCount: number) => {
          if (!isRetriable(error)) throw error;
          this.logger.warn({
            msg: 'event handler failed; retrying',
            topic: kafka.getTopic(),
            attempt: retryCount,
            err: error,
          });
          return timer(DeadLetterInterceptor.baseDelayMs * retryCount);
        },
      }),
      // Emit one value: Nest awaits the last value of an event handler's stream, and an
      // empty stream would fail there and block the partition after all.
      catchError((error: unknown) =>
        from(this.sendToDeadLetters(kafka, deadLetterTopic, error)).pipe(map(() => undefined)),
      ),
    );
  }

  private async sendToDeadLetters(
    kafka: KafkaMessageContext,
    deadLetterTopic: string,
    error: unknown,
  ): Promise<void> {
    const message = kafka.getMessage();
    const reason = error instanceof Error ? error.message : JSON.stringify(error);
    const code = error instanceof AppError ? error.code : 'HANDLER_FAILED';
    this.logger.error({
      msg: 'event sent to dead letters',
      topic: kafka.getTopic(),
      partition: kafka.getPartition(),
      offset: message.offset,
      code,
      reason,
    });
    await kafka.getProducer().send([
      {
        topic: deadLetterTopic,
        messages: [
          deadLetterMessage({
            topic: kafka.getTopic(),
            partition: kafka.getPartition(),
            offset: message.offset,
            key: message.key?.toString('utf8') ?? null,
            value: message.value,
            code,
            reason,
          }),
        ],
      },
    ]);
  }
}

/** Invalid payloads fail the same way every time: no point retrying them. */
function isRetriable(error: unknown): boolean {
  return !(error instanceof AppError && error.kind === 'invalid');
}
