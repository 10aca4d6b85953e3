import {
  Logger,
  type FactoryProvider,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type Type,
} from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import kafkajs, {
  type Admin,
  type Consumer,
  type EachBatchPayload,
  type KafkaMessage,
  type Producer,
} from 'kafkajs';
import type { DataSource } from 'typeorm';
import { withDbRetry } from '@app/database';
import { deadLetterMessage } from '../events/dead-letter-message.js';
import type { KafkaConnection } from '@app/config';
import { createKafka } from '../kafka/kafka.js';
import { ROSTER_TOPICS } from './roster-events.js';
import {
  InvalidRosterEvent,
  latestPlacements,
  placementOf,
  type RosterPlacement,
  type RosterReadModelAdapter,
} from './roster-placement.js';

export interface RosterReadModelOptions {
  /** The service's name: the consumer group is `<service>-roster`. */
  service: string;
  kafka: KafkaConnection;
  deadLetterTopic: string;
  /**
   * A group that consumed the roster topics before this one (e.g. `quotas.events`): on the
   * group's first start its committed offsets are copied, so the topics are not read again.
   */
  takeOverOffsetsFrom?: string;
  /** At most this many students per statement. */
  maxStudentsPerStatement?: number;
}

const MAX_STUDENTS_PER_STATEMENT = 1000;

/**
 * A service's copy of the directory's roster, fed by its own consumer group a batch at a
 * time: a roster import sends tens of thousands of events, and applied one by one (each in
 * its own transaction) they kept the read model minutes behind. Each batch becomes one
 * multi-row upsert of the latest placement per student, in one transaction; its offsets are
 * committed only after that transaction. Redelivery changes nothing and an older event never
 * overwrites a newer placement, since the adapter's upsert compares the events' times (the
 * four topics are ordered per student only within a topic). A message that is not a valid
 * roster event goes to the service's dead-letter topic, with the headers `@ConsumeEvent` uses.
 */
export class RosterReadModel implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RosterReadModel.name);
  private consumer: Consumer | null = null;
  private producer: Producer | null = null;
  readonly groupId: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly adapter: RosterReadModelAdapter,
    private readonly options: RosterReadModelOptions,
  ) {
    this.groupId = `${options.service}-roster`;
  }

  async onApplicationBootstrap(): Promise<void> {
    const kafka = createKafka(this.options.kafka, this.groupId);
    if (this.options.takeOverOffsetsFrom) {
      const admin = kafka.admin();
      await admin.connect();
      try {
        await this.takeOverOffsets(admin, this.options.takeOverOffsetsFrom);
      } finally {
        await admin.disconnect();
      }
    }
    this.producer = kafka.producer({
      allowAutoTopicCreation: false,
      createPartitioner: kafkajs.Partitioners.DefaultPartitioner,
    });
    this.consumer = kafka.consumer({
      groupId: this.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 10000,
      heartbeatInterval: 1000,
      maxWaitTimeInMs: 100,
    });
    await this.producer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: ROSTER_TOPICS, fromBeginning: true });
    await this.consumer.run({
      partitionsConsumedConcurrently: 4,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.applyBatch(payload),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
    this.consumer = null;
    this.producer = null;
  }

  private async applyBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const size = this.options.maxStudentsPerStatement ?? MAX_STUDENTS_PER_STATEMENT;
    for (let i = 0; i < batch.messages.length; i += size) {
      if (!payload.isRunning() || payload.isStale()) return;
      const messages = batch.messages.slice(i, i + size);
      const placements: RosterPlacement[] = [];
      for (const message of messages) {
        try {
          placements.push(placementOf(batch.topic, message.value));
        } catch (error) {
          if (!(error instanceof InvalidRosterEvent)) throw error;
          await this.deadLetter(batch.topic, batch.partition, message, error.message);
        }
      }
      const latest = latestPlacements(placements);
      if (latest.length > 0) {
        await withDbRetry(() =>
          this.dataSource.transaction((manager) => this.adapter.placeStudents(manager, latest)),
        );
        this.adapter.placementsApplied?.(latest);
      }
      // Only now, with the placements committed, may the group move past these messages.
      payload.resolveOffset(messages[messages.length - 1].offset);
      await payload.commitOffsetsIfNecessary();
      await payload.heartbeat();
    }
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    reason: string,
  ): Promise<void> {
    this.logger.error({
      msg: 'roster event sent to dead letters',
      topic,
      partition,
      offset: message.offset,
      reason,
    });
    await this.producer?.send({
      topic: this.options.deadLetterTopic,
      acks: -1,
      messages: [
        deadLetterMessage({
          topic,
          partition,
          offset: message.offset,
          key: message.key,
          value: message.value,
          code: 'VALIDATION_FAILED',
          reason,
        }),
      ],
    });
  }

  /**
   * Once, while this group has no committed offset on any roster topic: copies the previous
   * group's. Another replica doing the same at once makes `setOffsets` fail (the group is
   * no longer empty); it has copied the same offsets, so that failure is only logged.
   */
  private async takeOverOffsets(admin: Admin, previousGroup: string): Promise<void> {
    const committed = (offsets: Awaited<ReturnType<Admin['fetchOffsets']>>) =>
      offsets.map(({ topic, partitions }) => ({
        topic,
        partitions: partitions
          .filter((p) => Number(p.offset) >= 0)
          .map(({ partition, offset }) => ({ partition, offset })),
      }));
    const own = committed(
      await admin.fetchOffsets({ groupId: this.groupId, topics: ROSTER_TOPICS }),
    );
    if (own.some((t) => t.partitions.length > 0)) return;
    const previous = committed(
      await admin.fetchOffsets({ groupId: previousGroup, topics: ROSTER_TOPICS }),
    );
    for (const { topic, partitions } of previous) {
      if (partitions.length === 0) continue;
      try {
        await admin.setOffsets({ groupId: this.groupId, topic, partitions });
      } catch (error) {
        this.logger.warn({
          msg: 'roster offsets not taken over',
          topic,
          previousGroup,
          err: error,
        });
        return;
      }
    }
    this.logger.log({ msg: 'roster offsets taken over', previousGroup, groupId: this.groupId });
  }
}

/**
 * The provider of a service's roster read model: `adapter` (a provider of the same module)
 * writes the service's table. Started and stopped with the app.
 */
export function rosterReadModel(
  options: RosterReadModelOptions & { adapter: Type<RosterReadModelAdapter> },
): FactoryProvider<RosterReadModel> {
  return {
    provide: RosterReadModel,
    inject: [getDataSourceToken(), options.adapter],
    useFactory: (dataSource: DataSource, adapter: RosterReadModelAdapter) =>
      new RosterReadModel(dataSource, adapter, options),
  };
}
