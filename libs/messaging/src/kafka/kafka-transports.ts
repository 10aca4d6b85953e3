import { Logger } from '@nestjs/common';
import {
  ClientKafka,
  KafkaHeaders,
  KafkaRequestDeserializer,
  KafkaResponseDeserializer,
  ServerKafka,
  type KafkaOptions,
  type ReadPacket,
  type WritePacket,
} from '@nestjs/microservices';
import type {
  Consumer,
  EachBatchPayload,
  KafkaMessage,
  Message,
  Producer,
  ProducerRecord,
} from 'kafkajs';
import { replyTopicOf, type CommandRoute } from '@app/contracts';
import { AppError } from '@app/errors';
import { RpcHeaders } from '../rpc/headers.js';
import { sealedPlace, type PayloadCipher } from '../rpc/payload-cipher.js';
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
    private readonly cipher: PayloadCipher,
  ) {
    super({ ...options, deserializer: new OpeningReplyDeserializer(cipher) });
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
          const plain = serialized.value === null ? 'null' : String(serialized.value);
          serialized.value = this.cipher.seal(
            route.service,
            sealedPlace.request(command, packet.id),
            plain,
          );
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

type ParsedMessage = { value?: unknown; headers?: Record<string, unknown>; topic?: string };

/**
 * Replies are opened before Nest reads them: the value, and the error header a service sets
 * when its handler failed. A reply that does not open (wrong key, tampered) becomes an error
 * for the caller, never a silently wrong answer.
 */
class OpeningReplyDeserializer extends KafkaResponseDeserializer {
  private readonly logger = new Logger('RoutingClientKafka');

  constructor(private readonly cipher: PayloadCipher) {
    super();
  }

  override deserialize(message: ParsedMessage, options?: Record<string, unknown>) {
    const headers = message.headers ?? {};
    const id = textOf(headers[KafkaHeaders.CORRELATION_ID]);
    const service = String(message.topic ?? '').replace(/\.replies$/, '');
    try {
      const opened: ParsedMessage = { ...message, headers: { ...headers } };
      if (typeof message.value === 'string') {
        opened.value = parseJson(this.cipher.open(service, sealedPlace.reply(id), message.value));
      }
      const err = headers[KafkaHeaders.NEST_ERR];
      if (err !== undefined && err !== null) {
        const text = this.cipher.open(service, sealedPlace.error(id), textOf(err));
        opened.headers![KafkaHeaders.NEST_ERR] = parseJson(text);
      }
      return super.deserialize(opened, options);
    } catch (error) {
      this.logger.error({ msg: 'a reply could not be opened', service, err: error });
      return { id, err: 'The reply could not be opened', isDisposed: true };
    }
  }
}

/** A header as Nest's parser left it (a string, or a Buffer) as text. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  return Buffer.isBuffer(value) ? value.toString('utf8') : '';
}

/** What Nest's parser would have made of the plain value: JSON where it is JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Requests on the service's request topic are opened (see PayloadCipher) and dispatched by
 * their `x-command` header. A request that does not open is dispatched to no handler, so the
 * caller hears at once that nobody could answer it.
 */
class CommandDeserializer extends KafkaRequestDeserializer {
  private readonly logger = new Logger('ServiceServerKafka');

  constructor(
    private readonly service: string,
    private readonly requestTopic: string,
    private readonly cipher: PayloadCipher,
  ) {
    super();
  }

  override mapToSchema(
    data: Parameters<KafkaRequestDeserializer['mapToSchema']>[0],
    options?: Record<string, unknown>,
  ): ReadPacket {
    if (options?.channel !== this.requestTopic)
      return super.mapToSchema(data, options) as ReadPacket;
    const message = data as ParsedMessage;
    const headers = message.headers ?? {};
    const command = headers[RpcHeaders.command];
    const id = textOf(headers[KafkaHeaders.CORRELATION_ID]);
    let value: unknown;
    try {
      const place = sealedPlace.request(String(command), id);
      value = parseJson(this.cipher.open(this.service, place, String(message.value)));
    } catch (error) {
      this.logger.error({ msg: 'a request could not be opened', command, err: error });
      return { ...(super.mapToSchema(data, options) as ReadPacket), pattern: '', data: null };
    }
    const packet = super.mapToSchema({ ...message, value } as typeof data, options) as ReadPacket;
    return { ...packet, pattern: typeof command === 'string' ? command : '' };
  }
}

/**
 * Seals every reply a service sends: its value and its error header (see PayloadCipher).
 * The same producer sends dead letters (`@ConsumeEvent`): those are events, left as they are.
 */
function sealReplies(producer: Producer, service: string, cipher: PayloadCipher): Producer {
  const send = producer.send.bind(producer);
  const replyTopic = replyTopicOf(service);
  const sealed = (record: ProducerRecord): ProducerRecord =>
    record.topic !== replyTopic
      ? record
      : {
          ...record,
          messages: record.messages.map((message) => {
            const headers = { ...(message.headers ?? {}) };
            const id = textOf(headers[KafkaHeaders.CORRELATION_ID]);
            const err = headers[KafkaHeaders.NEST_ERR];
            if (err !== undefined) {
              headers[KafkaHeaders.NEST_ERR] = cipher.seal(
                service,
                sealedPlace.error(id),
                String(err),
              );
            }
            const plain =
              message.value === null || message.value === undefined
                ? 'null'
                : String(message.value);
            return {
              ...message,
              headers,
              value: cipher.seal(service, sealedPlace.reply(id), plain),
            };
          }),
        };
  return Object.assign(Object.create(producer) as Producer, {
    send: (record: ProducerRecord) => send(sealed(record)),
  });
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
    private readonly service: string,
    private readonly requestTopic: string,
    private readonly cipher: PayloadCipher,
  ) {
    super({ ...options, deserializer: new CommandDeserializer(service, requestTopic, cipher) });
  }

  protected override registerProducerEventListeners(): void {
    super.registerProducerEventListeners();
    if (this.producer) {
      // sealed first, then coalesced: coalesceSends sends through the producer's sendBatch
      this.producer = sealReplies(coalesceSends(this.producer), this.service, this.cipher);
    }
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
