import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Consumer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { kafkaOf } from '@app/config';
import { withDbRetry } from '@app/database';
import { createKafka, ROSTER_TOPICS } from '@app/messaging';
import { QuotasConfig, SERVICE_NAME } from '../config.js';
import { ReadModelRepository } from './read-model.repository.js';
import { latestNames, studentNamesOf, type StudentNames } from './roster-names.js';

/** Names per statement at most. */
const MAX_STUDENTS_PER_STATEMENT = 1000;

/**
 * Keeps who each roster student is (name, student number, class name) in `q_student_names`,
 * from the directory's roster events, for the rows a report lists. The shared
 * `RosterReadModel` carries placements only, so this is a consumer group of its own
 * (`quotas-roster-names`, from the beginning), a batch at a time like that one: one upsert of
 * the latest names per student, committed before the offsets; a row changes only for an event
 * not older than the one it holds. Invalid events are skipped here (the roster read model
 * sends them to the dead letters).
 */
@Injectable()
export class RosterNamesConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RosterNamesConsumer.name);
  private consumer: Consumer | null = null;
  static readonly groupId = `${SERVICE_NAME}-roster-names`;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly readModel: ReadModelRepository,
    private readonly config: QuotasConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const kafka = createKafka(kafkaOf(this.config, SERVICE_NAME), RosterNamesConsumer.groupId);
    this.consumer = kafka.consumer({
      groupId: RosterNamesConsumer.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 10000,
      heartbeatInterval: 1000,
      maxWaitTimeInMs: 100,
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: ROSTER_TOPICS, fromBeginning: true });
    await this.consumer.run({
      partitionsConsumedConcurrently: 4,
      eachBatchAutoResolve: false,
      eachBatch: async (payload) => {
        const { batch } = payload;
        for (let i = 0; i < batch.messages.length; i += MAX_STUDENTS_PER_STATEMENT) {
          if (!payload.isRunning() || payload.isStale()) return;
          const messages = batch.messages.slice(i, i + MAX_STUDENTS_PER_STATEMENT);
          const names = latestNames(
            messages
              .map((m) => studentNamesOf(batch.topic, m.value))
              .filter((n): n is StudentNames => n !== null),
          );
          if (names.length > 0) {
            await withDbRetry(() =>
              this.dataSource.transaction((manager) => this.readModel.saveNames(manager, names)),
            );
          }
          payload.resolveOffset(messages[messages.length - 1].offset);
          await payload.commitOffsetsIfNecessary();
          await payload.heartbeat();
        }
      },
    });
    this.logger.log({ msg: 'roster names consumer started', groupId: RosterNamesConsumer.groupId });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = null;
  }
}
