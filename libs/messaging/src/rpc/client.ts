import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import type { KafkaConnection } from '@app/config';
import { commandRoutes, ErrorCatalog, type ServiceCommands } from '@app/contracts';
import { AppError, isErrorBody } from '@app/errors';
import { currentRequestId } from '@app/logging';
import { createKafkaClient, type KafkaClient } from '../kafka/client/index.js';
import { KafkaClientProxy, type KafkaRequest } from '../kafka/kafka-client-proxy.js';
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

/**
 * Request-reply from the gateway to the services over Kafka. Every call carries the request
 * id and a deadline, and ends within the timeout: with the reply, the service's own error
 * (code, message, details), 504 UPSTREAM_TIMEOUT, or 503 when the broker or the reply
 * channel is not there.
 */
export class RpcClient {
  private readonly logger = new Logger('RpcClient');
  private readonly client: KafkaClient;
  readonly kafka: KafkaClientProxy;

  constructor(private readonly options: RpcClientOptions) {
    this.client = createKafkaClient(options.kafka, options.clientId);
    this.kafka = new KafkaClientProxy({
      client: this.client,
      groupId: options.groupId,
      routes: commandRoutes(options.services),
      cipher: options.cipher,
    });
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
          .send<TReply, KafkaRequest>(command, { value: payload, headers })
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
    if (this.client.isBrokerError(error)) {
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
