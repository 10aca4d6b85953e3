import { Logger } from '@nestjs/common';
import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import type { CommandRoute } from '@app/contracts';
import { AppError } from '@app/errors';
import { RpcHeaders } from '../rpc/headers.js';
import { sealedPlace, type PayloadCipher } from '../rpc/payload-cipher.js';
import type {
  Assignment,
  GroupConsumer,
  IncomingMessage,
  KafkaClient,
  MessageProducer,
} from './client/kafka-client.js';
import { coalesceSends } from './coalescing-producer.js';
import { parseJson } from './kafka-server.js';

export interface KafkaClientProxyOptions {
  client: KafkaClient;
  /** Consumer group of the replies; instances of one gateway share it and split reply partitions. */
  groupId: string;
  routes: ReadonlyMap<string, CommandRoute>;
  /** Seals requests and opens replies. */
  cipher: PayloadCipher;
}

/** What `send` takes: the payload, and headers to add (request id, deadline). */
export interface KafkaRequest {
  value: unknown;
  headers: Record<string, string>;
}

/**
 * The gateway's Kafka transport for Nest. A command goes to the request topic of the service
 * that answers it, with the command in the `x-command` header, and its reply comes back on
 * that service's reply topic, on a partition this instance owns (each gateway instance owns
 * its own share of the reply partitions in the group `groupId`). Requests share produce
 * requests under load. A reply that does not open (wrong key, tampered) becomes an error
 * for the caller, never a silently wrong answer.
 */
export class KafkaClientProxy extends ClientProxy {
  private readonly proxyLogger = new Logger('KafkaClientProxy');
  private readonly replyTopicList: string[];
  private producer: MessageProducer | null = null;
  private consumer: GroupConsumer | null = null;
  private connecting: Promise<void> | null = null;
  /** Which reply partition to name next, per reply topic (spread over the owned ones). */
  private turn = 0;

  constructor(private readonly options: KafkaClientProxyOptions) {
    super();
    this.replyTopicList = [...new Set([...options.routes.values()].map((r) => r.replyTopic))];
  }

  /** The reply topics this client listens on. */
  replyTopics(): string[] {
    return [...this.replyTopicList];
  }

  /** The reply partitions this instance owns, by topic. */
  getConsumerAssignments(): Assignment {
    return this.consumer?.assignment() ?? {};
  }

  connect(): Promise<void> {
    this.connecting ??= this.start().catch((error: unknown) => {
      this.connecting = null;
      throw error;
    });
    return this.connecting;
  }

  async close(): Promise<void> {
    const { consumer, producer } = this;
    this.consumer = null;
    this.producer = null;
    this.connecting = null;
    await consumer?.stop();
    await producer?.disconnect();
  }

  override on(): never {
    throw new Error('KafkaClientProxy emits no events');
  }

  unwrap<T>(): T {
    return this.options.client as T;
  }

  private async start(): Promise<void> {
    const producer = coalesceSends(this.options.client.producer());
    await producer.connect();
    this.producer = producer;
    this.consumer = this.options.client.consumer({
      groupId: this.options.groupId,
      topics: this.replyTopicList,
      // Replies older than this instance are answers nobody waits for, and worth nothing
      // after a restart: offsets are never committed.
      fromBeginning: false,
      commit: false,
      perPartitionConcurrency: 1024,
      handle: (message) => Promise.resolve(this.onReply(message)),
    });
    await this.consumer.start();
  }

  protected publish(partial: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    const packet = this.assignPacketId(partial);
    const command = this.normalizePattern(packet.pattern as string);
    const route = this.options.routes.get(command);
    if (!route) {
      callback({
        err: new AppError('NO_HANDLER', 'unavailable', 'No service handles this request', {
          command,
        }),
      });
      return () => undefined;
    }
    const owned = this.consumer?.assignment()[route.replyTopic];
    if (!this.producer || !owned?.length) {
      callback({
        err: new AppError(
          'SERVICE_UNAVAILABLE',
          'unavailable',
          'The gateway is not yet ready to receive replies',
          { command },
        ),
      });
      return () => undefined;
    }
    const replyPartition = owned[this.turn++ % owned.length];
    const request = packet.data as KafkaRequest;
    const plain = request.value === undefined ? 'null' : JSON.stringify(request.value);
    const value = this.options.cipher.seal(
      route.service,
      sealedPlace.request(command, packet.id),
      plain,
    );
    const headers = {
      ...request.headers,
      [RpcHeaders.command]: command,
      [RpcHeaders.correlationId]: packet.id,
      [RpcHeaders.replyTopic]: route.replyTopic,
      [RpcHeaders.replyPartition]: String(replyPartition),
    };
    this.routingMap.set(packet.id, callback);
    const cleanup = () => this.routingMap.delete(packet.id);
    this.producer
      .send([{ topic: route.requestTopic, messages: [{ value, headers }] }])
      .catch((err: unknown) => {
        cleanup();
        callback({ err });
      });
    return cleanup;
  }

  protected dispatchEvent(): Promise<never> {
    return Promise.reject(new Error('Events leave through the outbox, not the request client'));
  }

  private onReply(message: IncomingMessage): void {
    const id = message.headers[RpcHeaders.correlationId];
    const callback = id === undefined ? undefined : this.routingMap.get(id);
    if (!id || !callback) return;
    const service = message.topic.replace(/\.replies$/, '');
    const { cipher } = this.options;
    let packet: WritePacket;
    try {
      const sealedError = message.headers[RpcHeaders.error];
      if (sealedError !== undefined) {
        packet = {
          err: parseJson(cipher.open(service, sealedPlace.error(id), sealedError)),
          isDisposed: true,
        };
      } else {
        const sealed = message.value?.toString('utf8') ?? '';
        packet = {
          response: parseJson(cipher.open(service, sealedPlace.reply(id), sealed)),
          isDisposed: message.headers[RpcHeaders.last] !== undefined,
        };
      }
    } catch (error) {
      this.proxyLogger.error({ msg: 'a reply could not be opened', service, err: error });
      packet = { err: 'The reply could not be opened', isDisposed: true };
    }
    if (packet.isDisposed) this.routingMap.delete(id);
    (callback as (packet: WritePacket) => void)(packet);
  }
}
