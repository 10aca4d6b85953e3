import { Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy, type WritePacket } from '@nestjs/microservices';
import { isObservable, lastValueFrom, type Observable, throwError } from 'rxjs';
import { replyTopicOf, requestTopicOf } from '@app/contracts';
import { AppError, type ErrorBody } from '@app/errors';
import { toErrorBody } from '../rpc/error-body.js';
import { RpcHeaders } from '../rpc/headers.js';
import { sealedPlace, type PayloadCipher } from '../rpc/payload-cipher.js';
import type {
  GroupConsumer,
  IncomingMessage,
  KafkaClient,
  MessageProducer,
} from './client/kafka-client.js';
import { coalesceSends } from './coalescing-producer.js';
import { KafkaMessageContext } from './kafka-context.js';

/** How many requests of one partition a service instance handles at once. */
const MAX_CONCURRENT_REQUESTS = 64;

export interface KafkaServerOptions {
  service: string;
  client: KafkaClient;
  /** Opens the service's requests and seals its replies. */
  cipher: PayloadCipher;
  /** How many partitions an instance works on at once. */
  concurrency?: number;
}

/**
 * A service's Kafka transport for Nest. Its commands come on one request topic (the command
 * in a header) and are read by the service's consumer group (`<service>`); the event topics
 * its handlers consume are read by a second group, `<service>.events`, so that a burst of
 * events (a roster import sends thousands) never holds up the requests. Requests of a
 * partition are handled concurrently (up to 64 at once); events one after the other, so
 * order holds per partition (and so per key). Offsets are committed after the work.
 * Replies are sealed (PayloadCipher) and share produce requests under load.
 */
export class KafkaServer extends Server implements CustomTransportStrategy {
  /** Event handler failures reach the consumer, which pauses the partition and retries. */
  override readonly propagatesEventHandlerErrors = true;
  private readonly serverLogger = new Logger('KafkaServer');
  private readonly requestTopic: string;
  private readonly replyTopic: string;
  private producer: MessageProducer | null = null;
  private consumers: GroupConsumer[] = [];

  constructor(private readonly options: KafkaServerOptions) {
    super();
    this.requestTopic = requestTopicOf(options.service);
    this.replyTopic = replyTopicOf(options.service);
  }

  listen(callback: (error?: unknown) => void): void {
    this.start().then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  async close(): Promise<void> {
    const consumers = this.consumers;
    this.consumers = [];
    await Promise.all(consumers.map((c) => c.stop()));
    await this.producer?.disconnect();
    this.producer = null;
  }

  on(): never {
    throw new Error('KafkaServer emits no events');
  }

  unwrap<T>(): T {
    return this.options.client as T;
  }

  private async start(): Promise<void> {
    const { client, service } = this.options;
    const producer = coalesceSends(client.producer());
    await producer.connect();
    this.producer = producer;
    const handlers = [...this.getHandlers().entries()];
    const eventTopics = handlers.filter(([, h]) => h.isEventHandler).map(([pattern]) => pattern);
    if (handlers.some(([, h]) => !h.isEventHandler)) {
      this.consumers.push(
        client.consumer({
          groupId: service,
          topics: [this.requestTopic],
          fromBeginning: true,
          perPartitionConcurrency: MAX_CONCURRENT_REQUESTS,
          partitionsAtOnce: this.options.concurrency,
          commit: true,
          handle: (message) => this.answer(message, producer),
        }),
      );
    }
    if (eventTopics.length > 0) {
      this.consumers.push(
        client.consumer({
          groupId: `${service}.events`,
          topics: eventTopics,
          fromBeginning: true,
          perPartitionConcurrency: 1,
          partitionsAtOnce: this.options.concurrency,
          commit: true,
          handle: (message) => this.consumeEvent(message, producer),
        }),
      );
    }
    await Promise.all(this.consumers.map((c) => c.start()));
  }

  /** Handles one request and sends its reply; never throws (a request is not retried). */
  private async answer(message: IncomingMessage, producer: MessageProducer): Promise<void> {
    const id = message.headers[RpcHeaders.correlationId];
    const replyPartition = Number(message.headers[RpcHeaders.replyPartition]);
    if (
      !id ||
      message.headers[RpcHeaders.replyTopic] !== this.replyTopic ||
      !Number.isInteger(replyPartition)
    ) {
      this.serverLogger.warn({ msg: 'request without a reply address dropped', id });
      return;
    }
    const respond = (packet: WritePacket) =>
      this.reply(producer, id, replyPartition, packet).catch((err: unknown) =>
        this.serverLogger.error({ msg: 'reply not sent', err }),
      );
    const command = message.headers[RpcHeaders.command] ?? '';
    let data: unknown;
    try {
      const sealed = message.value?.toString('utf8') ?? '';
      data = parseJson(
        this.options.cipher.open(this.options.service, sealedPlace.request(command, id), sealed),
      );
    } catch (error) {
      this.serverLogger.error({ msg: 'a request could not be opened', command, err: error });
      await respond({ err: noHandler(command), isDisposed: true });
      return;
    }
    const handler = this.getHandlerByPattern(command);
    if (!handler || handler.isEventHandler) {
      await respond({ err: noHandler(command), isDisposed: true });
      return;
    }
    const context = new KafkaMessageContext([message, producer]);
    let response$: Observable<unknown>;
    try {
      response$ = this.transformToObservable(await handler(data, context)) as Observable<unknown>;
    } catch (error) {
      response$ = throwError(() => error);
    }
    // The partition goes on once the answer is ready; the reply leaves in the background
    // (in order, coalesced), so a produce round trip does not hold up the next requests.
    await new Promise<void>((resolve) => {
      this.send(response$, (packet) => {
        void respond(packet);
        if (packet.isDisposed) resolve();
      });
    });
  }

  private async reply(
    producer: MessageProducer,
    id: string,
    partition: number,
    packet: WritePacket,
  ): Promise<void> {
    const { cipher, service } = this.options;
    const headers: Record<string, string> = { [RpcHeaders.correlationId]: id };
    if (packet.isDisposed) headers[RpcHeaders.last] = '1';
    if (packet.err !== undefined && packet.err !== null) {
      const body = toErrorBody(packet.err, this.serverLogger);
      headers[RpcHeaders.error] = cipher.seal(service, sealedPlace.error(id), JSON.stringify(body));
    }
    const plain = packet.response === undefined ? 'null' : JSON.stringify(packet.response);
    const value = cipher.seal(service, sealedPlace.reply(id), plain);
    await producer.send([{ topic: this.replyTopic, messages: [{ value, headers, partition }] }]);
  }

  /** Handles one event; a failure rejects, and the consumer retries it (dead letters are the handler's). */
  private async consumeEvent(message: IncomingMessage, producer: MessageProducer): Promise<void> {
    const handler = this.getHandlerByPattern(message.topic);
    if (!handler) {
      this.serverLogger.error({ msg: 'no handler for event topic', topic: message.topic });
      return;
    }
    const data = message.value === null ? null : parseJson(message.value.toString('utf8'));
    const result: unknown = await handler(data, new KafkaMessageContext([message, producer]));
    if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
  }
}

function noHandler(command: string): ErrorBody {
  return new AppError('NO_HANDLER', 'unavailable', 'No service handles this request', {
    command,
  }).toBody();
}

/** The value as JSON where it is JSON, as text otherwise. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
