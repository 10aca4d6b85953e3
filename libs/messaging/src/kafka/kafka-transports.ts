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
 * A service's Kafka server. Its commands come on one request topic (the command in a
 * header) and are read by the service's consumer group (`<service>`); the event topics its
 * handlers consume are read by a second consumer, group `<service>.events`, so that a burst
 * of events (a roster import sends thousands) never holds up the requests: kafkajs fetches
 * again only when every batch of the last fetch is done. Requests of a fetched batch are
 * handled concurrently; events one after the other, so order holds per partition (and so
 * per key). Replies share produce requests under load.
 */
export class ServiceServerKafka extends ServerKafka {
  private readonly serviceLogger = new Logger('ServiceServerKafka');
  private eventConsumer: Consumer | null = null;

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
    const subscribe = this.options.subscribe ?? {};
    const run = { ...(this.options.run ?? {}), eachBatchAutoResolve: false };
    if (handlers.some(([, handler]) => !handler.isEventHandler)) {
      await consumer.subscribe({ ...subscribe, topics: [this.requestTopic] });
      await consumer.run({ ...run, eachBatch: (payload) => this.handleRequests(payload) });
    }
    if (eventTopics.length > 0 && this.client) {
      const events = this.client.consumer({
        ...(this.options.consumer ?? {}),
        groupId: `${this.groupId}.events`,
      });
      this.eventConsumer = events;
      await events.connect();
      await events.subscribe({ ...subscribe, topics: eventTopics });
      await events.run({ ...run, eachBatch: (payload) => this.handleEvents(payload) });
    }
  }

  override async close(): Promise<void> {
    const events = this.eventConsumer;
    this.eventConsumer = null;
    await events?.disconnect();
    await super.close();
  }

  private async handleRequests(payload: EachBatchPayload): Promise<void> {
    const { messages } = payload.batch;
    for (let i = 0; i < messages.length; i += MAX_CONCURRENT_REQUESTS) {
      if (!payload.isRunning() || payload.isStale()) return;
      const chunk = messages.slice(i, i + MAX_CONCURRENT_REQUESTS);
      const outcomes = await Promise.allSettled(
        chunk.map((message) => this.handleMessage(messageOf(payload, message))),
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
  }

  private async handleEvents(payload: EachBatchPayload): Promise<void> {
    for (const message of payload.batch.messages) {
      if (!payload.isRunning() || payload.isStale()) return;
      await this.handleMessage(messageOf(payload, message));
      payload.resolveOffset(message.offset);
      await payload.heartbeat();
    }
  }
}

/** One message of a batch, as Nest's `handleMessage` takes it. */
const messageOf = (payload: EachBatchPayload, message: KafkaMessage) => ({
  topic: payload.batch.topic,
  partition: payload.batch.partition,
  message,
  heartbeat: () => payload.heartbeat(),
  pause: () => payload.pause(),
});
