import kafkajs from 'kafkajs';
import { createConnection } from 'mysql2/promise';
import {
  allTopicSpecs,
  nationalIdCheckCharacter,
  schoolYearOf,
  type RosterImportJobView,
} from '@app/contracts';
import { databaseName } from '@app/database';
import { createKafka } from '@app/messaging';
import { TopicRecorder, uniqueSuffix, waitFor } from '@app/testing';
import { serviceMysqlUrl } from '../../scripts/prepare.js';
import { testEnv } from '../../scripts/test-infra.js';
import { loginAsDemoAdmin, startSuite, type Suite } from '../harness.js';

/** A valid national id that no other run uses (random region and day). */
function nationalIdFor(n: number, region: string, day: string): string {
  const first17 = `${region}${day}${String(n).padStart(3, '0')}`;
  return first17 + nationalIdCheckCharacter(first17);
}

/**
 * What anyone who can read the broker sees: the suite is used as people would use it
 * (a login, an enrolment, a roster upload, a graduate's registration, the audited reads of a
 * national id and of hardship categories), then every topic is read from its beginning with
 * a plain Kafka consumer, and none of those secrets may appear in any key, value or header.
 * Also: each app's principal may touch only its own topics.
 */
describe('secrets stay off the wire (real broker with SCRAM and ACLs)', () => {
  let suite: Suite;
  const run = uniqueSuffix();
  const password = `Wire-${run}-Pw9`;
  const region = `37${String(1000 + Math.floor(Math.random() * 9000))}`;
  const day = `20${String(10 + Math.floor(Math.random() * 9))}0${1 + Math.floor(Math.random() * 9)}15`;
  const nationalIds = [0, 1, 2].map((n) => nationalIdFor(n, region, day));
  const categories = ['zero_employment_household', 'long_term_unemployment'];

  beforeAll(async () => {
    suite = await startSuite();
  }, 120_000);
  afterAll(async () => {
    await suite?.close();
  });

  it('shows no password, national id, hardship category or sensitive reply on any topic', async () => {
    const admin = { authorization: `Bearer ${await loginAsDemoAdmin(suite)}` };
    const demoTeacher = await suite
      .http()
      .post('/auth/login')
      .send({ email: 'teacher@studentpass.local', password: 'Demo-Admin-2026!' })
      .expect(200);
    const me = await suite
      .http()
      .get('/me')
      .set({ authorization: `Bearer ${demoTeacher.body.accessToken}` })
      .expect(200);
    const schoolId = me.body.organisationId as string;

    // A login with a password nobody else uses.
    const email = `wire.${run}@security.example`;
    await suite
      .http()
      .post('/accounts')
      .set(admin)
      .send({
        email,
        password,
        displayName: '安全测试',
        role: 'school_staff',
        organisationId: schoolId,
      })
      .expect(201);
    const login = await suite.http().post('/auth/login').send({ email, password }).expect(200);
    const teacher = { authorization: `Bearer ${login.body.accessToken}` };

    // An enrolment and an audited read of the full national id.
    const year = schoolYearOf(new Date());
    const klass = await suite
      .http()
      .post('/roster/classes')
      .set(teacher)
      .send({ schoolId, schoolYear: year, grade: 4, name: `安全${run}班` })
      .expect(201);
    const student = await suite
      .http()
      .post('/roster/students')
      .set(teacher)
      .send({
        classId: klass.body.id,
        studentNumber: `W${run}`,
        name: '王密',
        gender: 'female',
        dateOfBirth: '2016-03-01',
        nationalId: nationalIds[0],
      })
      .expect(201);
    const sensitive = await suite
      .http()
      .get(`/roster/students/${student.body.id}/sensitive`)
      .set(teacher)
      .expect(200);
    expect(sensitive.body.nationalId).toBe(nationalIds[0]);

    // A roster upload with two more national ids.
    const csv = [
      'student_number,name,gender,date_of_birth,grade,class_name,national_id',
      `W${run}a,李密,male,2016-04-02,4,安全${run}班,${nationalIds[1]}`,
      `W${run}b,赵密,female,2016-05-03,4,安全${run}班,${nationalIds[2]}`,
    ].join('\n');
    const job = await suite
      .http()
      .post(`/roster/imports?schoolId=${schoolId}`)
      .set(teacher)
      .set('content-type', 'text/csv')
      .send(Buffer.from(csv))
      .expect(202);
    await waitFor(
      async () => {
        const res = await suite.http().get(`/roster/imports/${job.body.id}`).set(teacher);
        const view = res.body as RosterImportJobView;
        return view.status === 'done' ? view : undefined;
      },
      { timeoutMs: 60_000, what: 'the roster upload to finish' },
    );

    // A graduate in need, and the audited read of the hardship categories.
    const careers = await suite
      .http()
      .post('/auth/login')
      .send({ email: 'careers@studentpass.local', password: 'Demo-Admin-2026!' })
      .expect(200);
    const staff = { authorization: `Bearer ${careers.body.accessToken}` };
    const graduate = await suite
      .http()
      .post('/employment-aid/graduates')
      .set(staff)
      .send({
        name: `毕业生${run}`,
        major: '计算机科学与技术',
        degree: 'bachelor',
        graduationYear: 2026,
        contact: '138-0000-0000',
        intentions: { industries: ['软件'], cities: ['济南'], expectedMonthlySalary: 6000 },
        willingToWork: true,
        difficultyCategories: categories,
      })
      .expect(201);
    const categoriesRead = await suite
      .http()
      .get(`/employment-aid/graduates/${graduate.body.id}/sensitive`)
      .set(staff)
      .expect(200);
    expect(categoriesRead.body.difficultyCategories).toEqual(categories);

    // Everything on the broker, from the beginning of every topic, up to its end now.
    const kafka = createKafka(testEnv.kafka, `it-wire-scan-${run}`);
    const topics = allTopicSpecs().map((t) => t.topic);
    const admin2 = kafka.admin();
    await admin2.connect();
    const ends = await Promise.all(
      topics.map(async (topic) => ({ topic, partitions: await admin2.fetchTopicOffsets(topic) })),
    );
    await admin2.disconnect();
    const recorder = await new TopicRecorder(kafka, topics).start();
    try {
      await waitFor(
        () =>
          ends.every(({ topic, partitions }) =>
            partitions.every(
              (p) =>
                p.high === p.low ||
                recorder.messages.some(
                  (m) =>
                    m.topic === topic &&
                    m.partition === p.partition &&
                    BigInt(m.offset) >= BigInt(p.high) - 1n,
                ),
            ),
          ),
        { timeoutMs: 60_000, what: 'every topic read to its end' },
      );
      const wire = recorder.messages.map((m) => JSON.stringify(m));
      expect(wire.length).toBeGreaterThan(0);
      const secrets = [
        password,
        ...nationalIds,
        ...categories,
        '"difficultyCategories"',
        '"nationalId"',
        '"password"',
      ];
      for (const secret of secrets) {
        const leaks = wire.filter((text) => text.includes(secret));
        expect({ secret, leaks }).toEqual({ secret, leaks: [] });
      }
      // Requests and replies were there, sealed: the scan saw the traffic, not nothing.
      const sealed = recorder.messages.filter((m) => m.topic === 'directory.requests');
      expect(sealed.length).toBeGreaterThan(0);
      for (const m of sealed) expect(m.value).toMatch(/^spx1\./);
    } finally {
      await recorder.stop();
    }
  }, 180_000);

  it("lets each principal touch only its own topics: venues cannot read the directory's requests", async () => {
    const asVenues = createKafka(
      {
        brokers: testEnv.brokers,
        sasl: { mechanism: 'scram-sha-256', username: 'venues', password: 'dev-only-kafka-venues' },
      },
      `it-acl-${run}`,
      { retry: { retries: 0 }, logLevel: kafkajs.logLevel.NOTHING },
    );
    const consumer = asVenues.consumer({ groupId: `venues-acl-${run}` });
    await consumer.connect();
    const refused = await consumer
      .subscribe({ topics: ['directory.requests'], fromBeginning: true })
      .then(() => consumer.run({ eachMessage: () => Promise.resolve() }))
      .then(
        () => null,
        (error: Error) => error,
      );
    await consumer.disconnect();
    expect(refused?.message ?? '').toMatch(/authoriz/i);

    const producer = asVenues.producer();
    await producer.connect();
    const forged = await producer
      .send({ topic: 'directory.replies', messages: [{ value: 'forged' }] })
      .then(
        () => null,
        (error: Error) => error,
      );
    await producer.disconnect();
    expect(forged?.message ?? '').toMatch(/authoriz/i);

    const stranger = createKafka(
      {
        brokers: testEnv.brokers,
        sasl: { mechanism: 'scram-sha-256', username: 'venues', password: 'wrong' },
      },
      `it-acl-wrong-${run}`,
      { retry: { retries: 0 }, logLevel: kafkajs.logLevel.NOTHING },
    ).admin();
    await expect(stranger.connect()).rejects.toThrow(/authentication failed/i);
  });

  it("gives each service a MySQL user of its own that cannot read another service's database", async () => {
    const settings = { MYSQL_URL: testEnv.mysqlUrl, DB_PREFIX: testEnv.dbPrefix };
    const venues = await createConnection({ uri: serviceMysqlUrl(settings, 'venues') });
    try {
      const own = databaseName(testEnv.dbPrefix, 'venues');
      const [rows] = await venues.query(`SELECT COUNT(*) AS n FROM \`${own}\`.migrations`);
      expect((rows as { n: number }[])[0].n).toBeGreaterThan(0);
      const directory = databaseName(testEnv.dbPrefix, 'directory');
      await expect(venues.query(`SELECT COUNT(*) FROM \`${directory}\`.accounts`)).rejects.toThrow(
        /denied/i,
      );
      await expect(venues.query('CREATE DATABASE studentpass_not_mine')).rejects.toThrow(/denied/i);
    } finally {
      await venues.end();
    }
  });
});
