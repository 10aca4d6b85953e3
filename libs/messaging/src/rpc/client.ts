import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { KafkaOptions } from '@nestjs/microservices';
import { InvalidKafkaClientTopicException } from '@nestjs/microservices/errors/invalid-kafka-client-topic.exception.js';
import kafkajs from 'kafkajs';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import type { KafkaConnection } from '@app/config';
import { commandRoutes, ErrorCatalog, type ServiceCommands } from '@app/contracts';
import { AppError, isErrorBody } from '@app/errors';
import { currentRequestId } from '@app/logging';
import { RoutingClientKafka } from '../kafka/kafka-transports.js';
import { RpcHeaders } from './headers.js';
import type { PayloadCipher } from './payload-cipher.js';

export interface RpcClientOptions {
  /** Consumer group of the replies; instances of one gateway share it and split reply partitions. */
  groupId: string;
  clientId: string;
  kafka: KafkaConnection;
  /** Seals requests and opens replies (`gatewayPayloadCipher`). */
  cipher: PayloadCipher;
  /** The services this client sends commands to, with their commands. */
  services: readonly ServiceCommands[];
  timeoutMs: number;
}

export function rpcClientTransport(
  options: RpcClientOptions,
): NonNullable<KafkaOptions['options']> {
  return {
    postfixId: '',
    client: {
      clientId: options.clientId,
      brokers: options.kafka.brokers,
      ...(options.kafka.sasl ? { sasl: options.kafka.sasl } : {}),
      // Restart the reply consumer whatever made it crash: without it, the gateway never
      // receives a reply again (it crashed for good on a new broker's missing coordinator).
      retry: { initialRetryTime: 100, retries: 8, restartOnFailure: () => Promise.resolve(true) },
    },
    consumer: {
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      // A restarted or crashed instance is replaced in seconds, not the default 30 s.
      sessionTimeout: 10000,
      rebalanceTimeout: 10000,
      heartbeatInterval: 1000,
      maxWaitTimeInMs: 100,
    },
    producer: {
      allowAutoTopicCreation: false,
      retry: { retries: 2 },
      createPartitioner: kafkajs.Partitioners.DefaultPartitioner,
    },
    // Replies older than this instance are answers nobody waits for.
    subscribe: { fromBeginning: false },
    // Replies are worth nothing after a restart, so their offsets are never committed:
    // kafkajs would otherwise send an offset commit after every fetched batch.
    run: { partitionsConsumedConcurrently: 4, autoCommit: false },
  };
}

/**
 * Request-reply from the gateway to the services over Kafka. Every call carries the request
 * id and a deadline, and ends within the timeout: with the reply, the service's own error
 * (code, message, details), 504 UPSTREAM_TIMEOUT, or 503 when the broker or the reply
 * channel is not there.
 */
export class RpcClient {
  private readonly logger = new Logger('RpcClient');
  readonly kafka: RoutingClientKafka;

  constructor(private readonly options: RpcClientOptions) {
    this.kafka = new RoutingClientKafka(
      rpcClientTransport(options),
      commandRoutes(options.services),
      options.cipher,
    );
  }

  async connect(): Promise<void> {
    await this.kafka.connect();
  }

  async close(): Promise<void> {
    await this.kafka.close();
  }

  /** True once this instance owns a partition of every reply topic, i.e. replies can reach it. */
  isReady(): boolean {
    const assigned = this.kafka.getConsumerAssignments();
    return this.kafka.replyTopics().every((topic) => assigned[topic] !== undefined);
  }

  async send<TReply>(
    command: string,
    payload: object,
    timeoutMs = this.options.timeoutMs,
  ): Promise<TReply> {
    const headers = {
      [RpcHeaders.requestId]: currentRequestId() ?? randomUUID(),
      [RpcHeaders.deadline]: String(Date.now() + timeoutMs),
    };
    try {
      return await firstValueFrom(
        this.kafka
          .send<TReply>(command, { value: payload, headers })
          .pipe(timeout({ first: timeoutMs })),
      );
    } catch (error) {
      throw this.toAppError(error, command, timeoutMs);
    }
  }

  private toAppError(error: unknown, command: string, timeoutMs: number): AppError {
    if (error instanceof AppError) return error;
    if (error instanceof TimeoutError) {
      return new AppError(
        'UPSTREAM_TIMEOUT',
        'timeout',
        `No answer from the service within ${timeoutMs} ms`,
        { command },
      );
    }
    if (isErrorBody(error)) {
      const kind = ErrorCatalog[error.code];
      if (kind === undefined) {
        this.logger.error({
          msg: 'service sent an error code the catalog does not know',
          command,
          code: error.code,
        });
        return new AppError('INTERNAL', 'internal', 'Internal error', { errorId: error.errorId });
      }
      const details = error.errorId
        ? { ...(error.details as object | undefined), errorId: error.errorId }
        : error.details;
      return new AppError(error.code, kind, error.message, details);
    }
    if (error === 'There is no matching message handler defined in the remote service.') {
      return new AppError('NO_HANDLER', 'unavailable', 'No service handles this request', {
        command,
      });
    }
    if (error instanceof InvalidKafkaClientTopicException) {
      return new AppError(
        'SERVICE_UNAVAILABLE',
        'unavailable',
        'The gateway is not yet ready to receive replies',
        { command },
      );
    }
    if (error instanceof kafkajs.KafkaJSError) {
      this.logger.error({ msg: 'broker error', command, err: error });
      return new AppError(
        'BROKER_UNAVAILABLE',
        'unavailable',
        'The message broker is not reachable',
        { command },
      );
    }
    this.logger.error({ msg: 'unexpected rpc failure', command, err: error });
    return new AppError('SERVICE_UNAVAILABLE', 'unavailable', 'The service could not be reached', {
      command,
    });
  }
}
