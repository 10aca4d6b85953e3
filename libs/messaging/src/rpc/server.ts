import { randomUUID } from 'node:crypto';
import {
  Catch,
  Injectable,
  Logger,
  type ArgumentsHost,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type RpcExceptionFilter,
} from '@nestjs/common';
import type { CustomStrategy } from '@nestjs/microservices';
import { Observable, throwError } from 'rxjs';
import type { KafkaConnection } from '@app/config';
import { AppError } from '@app/errors';
import { runWithRequestContext } from '@app/logging';
import { createKafkaClient } from '../kafka/client/index.js';
import type { KafkaMessageContext } from '../kafka/kafka-context.js';
import { KafkaServer } from '../kafka/kafka-server.js';
import { toErrorBody } from './error-body.js';
import { RpcHeaders } from './headers.js';
import type { PayloadCipher } from './payload-cipher.js';

export interface ServiceTransportOptions {
  service: string;
  kafka: KafkaConnection;
  /** Opens the service's requests and seals its replies (`servicePayloadCipher`). */
  cipher: PayloadCipher;
  /** How many partitions a service instance works on at once. */
  concurrency?: number;
}

/**
 * The Kafka transport of a service: its commands on `<service>.requests`, its events on their
 * own topics, replies coalesced into shared produce requests.
 */
export function serviceTransport(options: ServiceTransportOptions): CustomStrategy {
  return {
    strategy: new KafkaServer({
      service: options.service,
      client: createKafkaClient(options.kafka, options.service),
      cipher: options.cipher,
      concurrency: options.concurrency,
    }),
  };
}

function headerOf(context: KafkaMessageContext, name: string): string | undefined {
  return context.header(name);
}

/**
 * Around every message a service handles: restores the caller's request id for the logs,
 * refuses requests whose caller has already given up (deadline passed), and logs the outcome.
 */
@Injectable()
export class RpcContextInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Rpc');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const kafka = context.switchToRpc().getContext<KafkaMessageContext>();
    const requestId = headerOf(kafka, RpcHeaders.requestId) ?? randomUUID();
    const deadline = Number(headerOf(kafka, RpcHeaders.deadline));
    const topic = headerOf(kafka, RpcHeaders.command) ?? kafka.getTopic();
    return new Observable((subscriber) =>
      runWithRequestContext({ requestId }, () => {
        if (Number.isFinite(deadline) && deadline > 0 && Date.now() > deadline) {
          this.logger.warn({
            msg: 'dropped expired request',
            topic,
            lateByMs: Date.now() - deadline,
          });
          subscriber.error(
            new AppError(
              'DEADLINE_EXCEEDED',
              'timeout',
              'The caller stopped waiting for this request',
            ),
          );
          return;
        }
        const started = performance.now();
        return next.handle().subscribe({
          next: (value) => subscriber.next(value),
          error: (error: unknown) => {
            this.logger.debug({
              msg: 'handled',
              topic,
              ok: false,
              ms: Math.round(performance.now() - started),
            });
            subscriber.error(error);
          },
          complete: () => {
            this.logger.debug({
              msg: 'handled',
              topic,
              ok: true,
              ms: Math.round(performance.now() - started),
            });
            subscriber.complete();
          },
        });
      }),
    );
  }
}

/**
 * Turns every error a handler throws into `{ code, message, details }` for the caller.
 * An unexpected error is logged in full under an error id, and only the id crosses the hop.
 */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('RpcErrorFilter');

  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => toErrorBody(exception, this.logger));
  }
}
