import { randomUUID } from 'node:crypto';
import kafkajs, { type Producer } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import { Topics } from '@app/contracts';
import {
  ensureTopics,
  RosterReadModel,
  ROSTER_TOPICS,
  type RosterPlacement,
  type RosterReadModelAdapter,
} from '@app/messaging';
import { TopicRecorder, uniqueSuffix, waitFor } from '@app/testing';
import { openTestDatabase, testEnv, testKafka } from './it-support.js';

const run = uniqueSuffix();
const DEAD_LETTERS = `it.roster-dead-letters.${run}`;

/** The tests' adapter: `it_roster`, guarded by the event's time as the services' tables are. */
class ItRosterAdapter implements RosterReadModelAdapter {
  /** The students of each call, and those whose transaction committed. */
  readonly calls: string[][] = [];
  readonly applied = new Set<string>();
  failNext = false;

  async placeStudents(manager: EntityManager, placements: RosterPlacement[]): Promise<void> {
    this.calls.push(placements.map((p) => p.studentId));
    await manager.query(
      `INSERT INTO it_roster (student_id, school_id, class_id, enrolled, updated_at) VALUES ?
       ON DUPLICATE KEY UPDATE
         school_id = IF(VALUES(updated_at) >= updated_at, VALUES(school_id), school_id),
         class_id = IF(VALUES(updated_at) >= updated_at, VALUES(class_id), class_id),
         enrolled = IF(VALUES(updated_at) >= updated_at, VALUES(enrolled), enrolled),
         updated_at = GREATEST(updated_at, VALUES(updated_at))`,
      [
        placements.map((p) => [
          p.studentId,
          p.schoolId,
          p.classId,
          p.enrolled ? 1 : 0,
          p.occurredAt,
        ]),
      ],
    );
    // A failure after the write, inside the transaction: the write must be rolled back too.
    if (this.failNext) {
      this.failNext = false;
      throw new Error('the database went away');
    }
  }

  placementsApplied(placements: RosterPlacement[]): void {
    for (const p of placements) this.applied.add(p.studentId);
  }

  callsWithAnyOf(ids: string[]): number {
    return this.calls.filter((call) => call.some((id) => ids.includes(id))).length;
  }
}

interface Row {
  student_id: string;
  class_id: string | null;
  enrolled: number;
}

describe('the shared roster read model (real Kafka and MariaDB)', () => {
  const kafka = testKafka('it-roster');
  const schoolId = randomUUID();
  let dataSource: DataSource;
  let producer: Producer;
  let deadLetters: TopicRecorder;
  const started: RosterReadModel[] = [];
  /** The group of the first three tests, started once: it reads the topics' whole history. */
  const adapter = new ItRosterAdapter();
  let readModel: RosterReadModel;

  const start = async (
    service: string,
    adapter: RosterReadModelAdapter,
    takeOverOffsetsFrom?: string,
  ): Promise<RosterReadModel> => {
    const readModel = new RosterReadModel(dataSource, adapter, {
      service,
      kafka: testEnv.kafka,
      deadLetterTopic: DEAD_LETTERS,
      takeOverOffsetsFrom,
    });
    started.push(readModel);
    await readModel.onApplicationBootstrap();
    return readModel;
  };

  const send = (topic: string, studentId: string, classId: string | null, at: string) =>
    producer.send({
      topic,
      acks: -1,
      messages: [
        {
          key: studentId,
          value: JSON.stringify({
            id: randomUUID(),
            type: topic,
            occurredAt: at,
            producer: 'it',
            correlationId: null,
            key: studentId,
            payload: {
              studentId,
              schoolId,
              classId,
              grade: 4,
              schoolYear: '2026-2027',
              ...(topic === Topics.events.studentMoved ? { fromClassId: null, fromGrade: 4 } : {}),
            },
          }),
        },
      ],
    });

  /** Whether the group has committed every message of the roster topics. */
  const caughtUp = async (groupId: string): Promise<boolean> => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      for (const topic of ROSTER_TOPICS) {
        const ends = await admin.fetchTopicOffsets(topic);
        const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
        for (const { partition, low, high } of ends) {
          const at = committed.partitions.find((p) => p.partition === partition)?.offset ?? '-1';
          // Nothing committed on a partition with nothing to read (empty) counts as read.
          const position = Number(at) < 0 ? Number(low) : Number(at);
          if (position < Number(high)) return false;
        }
      }
      return true;
    } finally {
      await admin.disconnect();
    }
  };

  const rowsOf = async (ids: string[]): Promise<Row[]> =>
    dataSource.query(
      'SELECT student_id, class_id, enrolled FROM it_roster WHERE student_id IN (?) ORDER BY student_id',
      [ids],
    );

  beforeAll(async () => {
    dataSource = await openTestDatabase();
    await ensureTopics(kafka, [
      ...ROSTER_TOPICS.map((topic) => ({ topic, partitions: 3 })),
      { topic: DEAD_LETTERS, partitions: 1 },
    ]);
    producer = kafka.producer({
      allowAutoTopicCreation: false,
      createPartitioner: kafkajs.Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    deadLetters = await new TopicRecorder(kafka, [DEAD_LETTERS]).start();
    readModel = await start(`it-roster-${run}`, adapter);
    const marker = randomUUID();
    await send(Topics.events.studentEnrolled, marker, null, new Date().toISOString());
    // Earlier runs' roster events (tens of thousands on a kept broker) come first.
    await waitFor(() => adapter.applied.has(marker), {
      what: 'the group to catch up with the roster topics',
      timeoutMs: 150_000,
    });
  }, 180_000);
  afterAll(async () => {
    for (const readModel of started) await readModel.onApplicationShutdown();
    await deadLetters.stop();
    await producer.disconnect();
    await dataSource.destroy();
  });

  it('keeps each student at the latest event, whatever the order the four topics arrive in', async () => {
    const [moved, withdrawn, many] = [randomUUID(), randomUUID(), randomUUID()];
    const [classA, classB] = [randomUUID(), randomUUID()];
    // The later events are published first: the earlier ones must not undo them.
    await send(Topics.events.studentMoved, moved, classB, '2026-11-02T00:00:00.000Z');
    await send(Topics.events.studentWithdrawn, withdrawn, classA, '2026-11-03T00:00:00.000Z');
    await send(Topics.events.studentEnrolled, moved, classA, '2026-11-01T00:00:00.000Z');
    await send(Topics.events.studentEnrolled, withdrawn, classA, '2026-11-01T00:00:00.000Z');
    // One student enrolled, moved and moved back on one topic: one partition, in order.
    await send(Topics.events.studentMoved, many, classA, '2026-11-01T00:00:00.000Z');
    await send(Topics.events.studentMoved, many, classB, '2026-11-02T00:00:00.000Z');
    await send(Topics.events.studentMoved, many, classA, '2026-11-03T00:00:00.000Z');
    // The same enrolment delivered twice changes nothing.
    await send(Topics.events.studentEnrolled, moved, classA, '2026-11-01T00:00:00.000Z');

    await waitFor(() => caughtUp(readModel.groupId), {
      what: 'the group to commit every roster event',
      timeoutMs: 30_000,
    });
    expect(await rowsOf([moved, withdrawn, many])).toEqual(
      [
        { student_id: moved, class_id: classB, enrolled: 1 },
        { student_id: withdrawn, class_id: classA, enrolled: 0 },
        { student_id: many, class_id: classA, enrolled: 1 },
      ].sort((x, y) => x.student_id.localeCompare(y.student_id)),
    );
  });

  it('sends an invalid roster event to the dead letters and goes on with its partition', async () => {
    const marker = `not-a-roster-event-${uniqueSuffix()}`;
    const after = randomUUID();
    await producer.send({
      topic: Topics.events.studentEnrolled,
      acks: -1,
      messages: [{ key: after, value: JSON.stringify({ hello: marker }) }],
    });
    await send(Topics.events.studentEnrolled, after, null, new Date().toISOString());
    const [dead] = await deadLetters.waitForCount(
      (m) => m.value !== null && m.value.includes(marker),
      1,
    );
    expect(dead.headers).toMatchObject({
      'x-original-topic': Topics.events.studentEnrolled,
      'x-error-code': 'VALIDATION_FAILED',
    });
    await waitFor(async () => (await rowsOf([after])).length === 1, {
      what: 'the event behind the invalid one',
    });
  });

  it('applies a batch again when its transaction failed, many students in a few statements', async () => {
    adapter.failNext = true;
    const ids = Array.from({ length: 300 }, () => randomUUID());
    const classId = randomUUID();
    await producer.send({
      topic: Topics.events.studentEnrolled,
      acks: -1,
      messages: ids.map((studentId) => ({
        key: studentId,
        value: JSON.stringify({
          id: randomUUID(),
          type: Topics.events.studentEnrolled,
          occurredAt: new Date().toISOString(),
          producer: 'it',
          correlationId: null,
          key: studentId,
          payload: { studentId, schoolId, classId, grade: 4, schoolYear: '2026-2027' },
        }),
      })),
    });
    // The batch of these enrolments fails once, after its rows were written.
    await waitFor(() => ids.every((id) => adapter.applied.has(id)), {
      what: 'every student, after the failed transaction',
      timeoutMs: 45_000,
    });
    const rows = await rowsOf(ids);
    expect(rows.filter((r) => r.class_id === classId && r.enrolled === 1)).toHaveLength(300);
    // Three partitions, a failed try, maybe a few fetches: a handful of statements, not 300.
    expect(adapter.callsWithAnyOf(ids)).toBeLessThanOrEqual(12);
  });

  it("takes over the offsets of the group that read the roster before, on the group's first start", async () => {
    const previousGroup = `it-roster-previous-${run}`;
    const before = randomUUID();
    const after = randomUUID();
    await send(Topics.events.studentEnrolled, before, null, new Date().toISOString());
    // The previous group had read every enrolment so far (setOffsets joins the group: slow).
    const admin = kafka.admin();
    await admin.connect();
    try {
      const ends = await admin.fetchTopicOffsets(Topics.events.studentEnrolled);
      await admin.setOffsets({
        groupId: previousGroup,
        topic: Topics.events.studentEnrolled,
        partitions: ends.map(({ partition, high }) => ({ partition, offset: high })),
      });
    } finally {
      await admin.disconnect();
    }
    await send(Topics.events.studentEnrolled, after, null, new Date().toISOString());
    const takingOver = new ItRosterAdapter();
    await start(`it-roster-takeover-${run}`, takingOver, previousGroup);
    await waitFor(() => takingOver.applied.has(after), {
      what: 'the event published after the take-over point',
    });
    // The new group started where the previous one was, not at the topic's beginning.
    expect(takingOver.applied.has(before)).toBe(false);
  });
});
