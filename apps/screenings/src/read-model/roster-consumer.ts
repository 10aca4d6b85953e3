import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import kafkajs, {
  type Consumer,
  type EachBatchPayload,
  type KafkaMessage,
  type Producer,
} from 'kafkajs';
import type { DataSource } from 'typeorm';
import { brokersOf } from '@app/config';
import { Topics } from '@app/contracts';
import { withDbRetry } from '@app/database';
import { createKafka } from '@app/messaging';
import { ScreeningsConfig, SERVICE_NAME } from '../config.js';
import {
  StudentEnrolledEvent,
  StudentMovedEvent,
  StudentTransferredEvent,
  StudentWithdrawnEvent,
} from './directory-events.js';
import { ReadModelRepository, type Placement } from './read-model.repository.js';

const ROSTER_EVENTS = {
  [Topics.events.studentEnrolled]: { type: StudentEnrolledEvent, active: true },
  [Topics.events.studentMoved]: { type: StudentMovedEvent, active: true },
  [Topics.events.studentTransferred]: { type: StudentTransferredEvent, active: true },
  [Topics.events.studentWithdrawn]: { type: StudentWithdrawnEvent, active: false },
} as const;
type RosterTopic = keyof typeof ROSTER_EVENTS;

/**
 * The roster read model, fed by its own consumer group (`screenings-roster`), a batch at a
 * time: a roster import sends thousands of student events, and handled one by one in the
 * service's request consumer they held up its requests (its fetch loop waits for every batch).
 * Each batch is one multi-row upsert, idempotent by itself (an older placement never
 * overwrites a newer one), so a redelivered batch changes nothing. A payload that fails
 * validation goes to the service's dead-letter topic with the same headers as `@ConsumeEvent`.
 */
@Injectable()
export class RosterConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RosterConsumer.name);
  private consumer: Consumer | null = null;
  private producer: Producer | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly readModel: ReadModelRepository,
    private readonly config: ScreeningsConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const kafka = createKafka(brokersOf(this.config), `${SERVICE_NAME}-roster`);
    this.producer = kafka.producer({
      allowAutoTopicCreation: false,
      createPartitioner: kafkajs.Partitioners.DefaultPartitioner,
    });
    this.consumer = kafka.consumer({
      groupId: `${SERVICE_NAME}-roster`,
      allowAutoTopicCreation: false,
      sessionTimeout: 10000,
      heartbeatInterval: 1000,
      maxWaitTimeInMs: 100,
    });
    await this.producer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: Object.keys(ROSTER_EVENTS), fromBeginning: true });
    await this.consumer.run({
      partitionsConsumedConcurrently: 4,
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
    const kind = ROSTER_EVENTS[batch.topic as RosterTopic];
    const placements: Placement[] = [];
    for (const message of batch.messages) {
      const placement = this.placementOf(kind, message);
      if (placement) placements.push(placement);
      else await this.deadLetter(batch.topic, batch.partition, message);
    }
    await withDbRetry(() => this.readModel.placeStudents(this.dataSource.manager, placements));
    const last = batch.messages.at(-1);
    if (last) payload.resolveOffset(last.offset);
    await payload.heartbeat();
  }

  private placementOf(
    kind: (typeof ROSTER_EVENTS)[RosterTopic] | undefined,
    message: KafkaMessage,
  ): Placement | null {
    if (!kind || !message.value) return null;
    let plain: unknown;
    try {
      plain = JSON.parse(message.value.toString());
    } catch {
      return null;
    }
    const event = plainToInstance(kind.type, plain);
    if (validateSync(event).length > 0) return null;
    const at = new Date(event.occurredAt);
    return {
      placement: event.payload,
      active: kind.active,
      occurredAt: Number.isNaN(at.getTime()) ? new Date() : at,
    };
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage): Promise<void> {
    this.logger.error({
      msg: 'roster event sent to dead letters',
      topic,
      partition,
      offset: message.offset,
    });
    await this.producer?.send({
      topic: Topics.deadLetters.screenings,
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            'x-original-topic': topic,
            'x-original-partition': String(partition),
            'x-original-offset': message.offset,
            'x-error-code': 'VALIDATION_FAILED',
            'x-error-message': 'invalid roster event',
            'x-failed-at': new Date().toISOString(),
          },
        },
      ],
    });
  }
}
