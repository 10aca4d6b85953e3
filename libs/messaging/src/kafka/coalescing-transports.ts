import { Logger } from '@nestjs/common';
import {
  ClientKafka,
  KafkaHeaders,
  KafkaRequestDeserializer,
  ServerKafka,
  type KafkaOptions,
  type ReadPacket,
  type WritePacket,
} from '@nestjs/microservices';
import type { Consumer, EachBatchPayload, KafkaMessage, Message, Producer } from 'kafkajs';
import type { CommandRoute } from '@app/contracts';
import { AppError } from '@app/errors';
import { RpcHeaders } from '../rpc/headers.js';
import { coalesceSends } from './coalescing-producer.js';

type KafkaTransportOptions = NonNullable<KafkaOptions['options']>;

/**
 * The gateway's Kafka client. A command goes to the request topic of the service that
 * answers it, with the command in the `x-command` header, and its reply comes back on that
 * service's reply topic. Requests share produce requests under load (see coalesceSends).
 */
export class RoutingClientKafka extends ClientKafka {
  constructor(
    options: KafkaTransportOptions,
    private readonly routes: ReadonlyMap<string, CommandRoute>,
  ) {
    super(options);
    for (const replyTopic of new Set([...routes.values()].map((r) => r.replyTopic))) {
      this.responsePatterns.push(replyTopic);
    }
  }

  /** The reply topics this client listens on. */
  replyTopics(): string[] {
    return [...this.responsePatterns];
  }

  protected override registerProducerEventListeners(): void {
    super.registerProducerEventListeners();
    if (this._producer) this._producer = coalesceSends(this._producer);
  }

  protected override publish(
    partialPacket: ReadPacket,
    callback: (packet: WritePacket) => unknown,
  ): () => void {
    const packet = this.assignPacketId(partialPacket);
    const command = this.normalizePattern(partialPacket.pattern as string);
    const route = this.routes.get(command);
    if (!route) {
      callback({
        err: new AppError('NO_HANDLER', 'unavailable', 'No service handles this request', {
          command,
        }),
      });
      return () => undefined;
    }
    this.routingMap.set(packet.id, callback);
    const cleanup = () => this.routingMap.delete(packet.id);
    try {
      const replyPartition = this.getReplyTopicPartition(route.replyTopic);
      const data = packet.data as Parameters<typeof this.serializer.serialize>[0];
      Promise.resolve(this.serializer.serialize(data, { pattern: command }))
        .then((serialized: Message & { headers: Record<string, string> }) => {
          serialized.headers[KafkaHeaders.CORRELATION_ID] = packet.id;
          serialized.headers[KafkaHeaders.REPLY_TOPIC] = route.replyTopic;
          serialized.headers[KafkaHeaders.REPLY_PARTITION] = replyPartition;
          serialized.headers[RpcHeaders.command] = command;
          return this.producer.send({ topic: route.requestTopic, messages: [serialized] });
        })
        .catch((err: unknown) => {
          cleanup();
          callback({ err });
        });
      return cleanup;
    } catch (err) {
      cleanup();
      callback({ err });
      return () => undefined;
    }
  }
}

/** Requests on the service's request topic are dispatched by their `x-command` header. */
class CommandDeserializer extends KafkaRequestDeserializer {
  constructor(private readonly requestTopic: string) {
    super();
  }

  override mapToSchema(
    data: Parameters<KafkaRequestDeserializer['mapToSchema']>[0],
    options?: Record<string, unknown>,
  ): ReadPacket {
    const packet = super.mapToSchema(data, options) as ReadPacket;
    if (options?.channel !== this.requestTopic) return packet;
    const command = (data as { headers?: Record<string, unknown> }).headers?.[RpcHeaders.command];
    return { ...packet, pattern: typeof command === 'string' ? command : '' };
  }
}

/** How many requests of one partition a service instance handles at once. */
const MAX_CONCURRENT_REQUESTS = 64;

/**
 * A service's Kafka server. It reads its commands from one request topic (the command in a
 * header) and the event topics its handlers consume. Requests are independent, so those of
 * a fetched batch are handled concurrently; events are handled one after the other, so
 * order holds per partition (and so per key). Replies share produce requests under load.
 */
export class ServiceServerKafka extends ServerKafka {
  private readonly serviceLogger = new Logger('ServiceServerKafka');

  constructor(
    options: KafkaTransportOptions,
    private readonly requestTopic: string,
  ) {
    super({ ...options, deserializer: new CommandDeserializer(requestTopic) });
  }

  protected override registerProducerEventListeners(): void {
    super.registerProducerEventListeners();
    if (this.producer) this.producer = coalesceSends(this.producer satisfies Producer);
  }

  override async bindEvents(consumer: Consumer): Promise<void> {
    const handlers = [...this.messageHandlers.entries()];
    const eventTopics = handlers
      .filter(([pattern, handler]) => handler.isEventHandler && typeof pattern === 'string')
      .map(([pattern]) => pattern);
    const answersCommands = handlers.some(([, handler]) => !handler.isEventHandler);
    const topics = [...(answersCommands ? [this.requestTopic] : []), ...eventTopics];
    if (topics.length > 0) {
      await consumer.subscribe({ ...(this.options.subscribe ?? {}), topics });
    }
    await consumer.run({
      ...(this.options.run ?? {}),
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const isRunning = () => payload.isRunning() && !payload.isStale();
    const asMessage = (message: KafkaMessage) => ({
      topic: batch.topic,
      partition: batch.partition,
      message,
      heartbeat: () => payload.heartbeat(),
      pause: () => payload.pause(),
    });
    if (batch.topic === this.requestTopic) {
      for (let i = 0; i < batch.messages.length; i += MAX_CONCURRENT_REQUESTS) {
        if (!isRunning()) return;
        const chunk = batch.messages.slice(i, i + MAX_CONCURRENT_REQUESTS);
        const outcomes = await Promise.allSettled(
          chunk.map((message) => this.handleMessage(asMessage(message))),
        );
        for (const outcome of outcomes) {
          if (outcome.status === 'rejected') {
            const err: unknown = outcome.reason;
            this.serviceLogger.error({ msg: 'request not handled', err });
          }
        }
        payload.resolveOffset(chunk[chunk.length - 1].offset);
        await payload.heartbeat();
      }
      return;
    }
    for (const message of batch.messages) {
      if (!isRunning()) return;
      await this.handleMessage(asMessage(message));
      payload.resolveOffset(message.offset);
      await payload.heartbeat();
    }
  }
}
