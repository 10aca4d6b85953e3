import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import { DIFFICULTY_CATEGORIES, Topics } from '@app/contracts';
import { databaseName } from '@app/database';
import { createKafka } from '@app/messaging';
import { TopicRecorder, uniqueSuffix, waitFor } from '@app/testing';
import { addDays, type Clock, DAY_MS, shanghaiDateOf } from '@app/time';
import { testEnv } from '../../scripts/test-infra.js';
import { loginAsDemoAdmin, startSuite, type Suite } from '../harness.js';

const PASSWORD = 'Aid-Test-2026';

interface Graduate {
  id: string;
  registeredAt: string;
  alerts: { noContact: boolean; daysSinceContact: number };
}

const categoryIn = (body: unknown): string | undefined => {
  const text = JSON.stringify(body);
  return [...DIFFICULTY_CATEGORIES, 'difficultyCategories'].find((c) => text.includes(c));
};

describe('employment aid (宏志助航) through the gateway, Kafka and MySQL', () => {
  let suite: Suite;
  let db: Connection;
  let recorder: TopicRecorder;
  let clock: Clock;
  const run = uniqueSuffix();
  const tokens: Record<string, string> = {};
  const accounts: Record<string, string> = {};
  const orgs: Record<string, string> = {};
  const mentors: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const http = () => suite.http();

  /** Moves the service's clock for the duration of `work`. */
  async function at<T>(offsetMs: number, work: () => Promise<T>): Promise<T> {
    const original = clock.now.bind(clock);
    clock.now = () => new Date(Date.now() + offsetMs);
    try {
      return await work();
    } finally {
      clock.now = original;
    }
  }

  async function createOrganisation(key: string, body: Record<string, unknown>): Promise<void> {
    const res = await http().post('/organisations').set(as('platform')).send(body);
    expect(res.status).toBe(201);
    orgs[key] = res.body.id;
  }

  async function createAccount(key: string, role: string, organisation: string): Promise<void> {
    const email = `${key}.${run}@aid.example`;
    const created = await http().post('/accounts').set(as('platform')).send({
      email,
      password: PASSWORD,
      displayName: key,
      role,
      organisationId: orgs[organisation],
    });
    expect(created.status).toBe(201);
    accounts[key] = created.body.id;
    const login = await http().post('/auth/login').send({ email, password: PASSWORD });
    expect(login.status).toBe(200);
    tokens[key] = login.body.accessToken;
  }

  async function register(who: string, name: string, categories = ['low_income', 'disability']) {
    const res = await http()
      .post('/employment-aid/graduates')
      .set(as(who))
      .send({
        name,
        major: '计算机科学与技术',
        degree: 'bachelor',
        graduationYear: 2026,
        contact: '138-0000-0000',
        intentions: { industries: ['软件'], cities: ['济南'], expectedMonthlySalary: 6000 },
        willingToWork: true,
        difficultyCategories: categories,
      });
    expect(res.status).toBe(201);
    return res.body as Graduate;
  }

  async function createMentor(key: string, capacity: number, industries: string[] = ['软件']) {
    const res = await http()
      .post('/employment-aid/mentors')
      .set(as('staffA'))
      .send({
        accountId: accounts[key],
        displayName: key,
        kind: 'teacher',
        industries,
        majors: ['计算机科学与技术'],
        cities: ['济南'],
        capacity,
      });
    expect(res.status).toBe(201);
    mentors[key] = res.body.id;
  }

  const assign = (graduateId: string, mentor: string, reason?: string) =>
    http()
      .post(`/employment-aid/graduates/${graduateId}/assignments`)
      .set(as('staffA'))
      .send({ mentorId: mentors[mentor], ...(reason ? { reason } : {}) });

  async function activeAssignments(graduateId: string): Promise<RowDataPacket[]> {
    const [rows] = await db.query<RowDataPacket[]>(
      'SELECT mentor_id FROM aid_assignments WHERE graduate_id = ? AND active_flag IS NOT NULL',
      [graduateId],
    );
    return rows;
  }

  const report = async (who = 'staffA') => {
    const res = await http().get('/employment-aid/reports/centre').set(as(who));
    expect(res.status).toBe(200);
    return res.body as {
      graduatesInNeed: number;
      employed: number;
      employedShare: number;
      medianDaysToEmployment: number | null;
    };
  };

  beforeAll(async () => {
    suite = await startSuite({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    clock = suite.clockOf('employment-aid');
    db = await createConnection({
      uri: `${testEnv.mysqlUrl.replace(/\/$/, '')}/${databaseName(testEnv.dbPrefix, 'employment-aid')}`,
    });
    recorder = await new TopicRecorder(createKafka(testEnv.kafka, `it-aid-${run}`), [
      Topics.events.outcomeRecorded,
      Topics.events.outcomeVerified,
    ]).start();
    tokens.platform = await loginAsDemoAdmin(suite);
    await createOrganisation('province', {
      kind: 'bureau',
      level: 'province',
      name: `省教育厅 ${run}`,
      regionCode: '370000',
      parentId: null,
    });
    for (const key of ['uniA', 'uniB']) {
      await createOrganisation(key, {
        kind: 'university',
        name: `${key} 大学 ${run}`,
        regionCode: '370000',
        parentId: orgs.province,
        careerCentreName: '就业指导中心',
      });
    }
    await createOrganisation('otherBureau', {
      kind: 'bureau',
      level: 'province',
      name: `外省教育厅 ${run}`,
      regionCode: '410000',
      parentId: null,
    });
    await createAccount('bureau', 'bureau_admin', 'province');
    await createAccount('otherBureau', 'bureau_admin', 'otherBureau');
    await createAccount('staffA', 'career_centre_staff', 'uniA');
    await createAccount('staffA2', 'career_centre_staff', 'uniA');
    await createAccount('staffB', 'career_centre_staff', 'uniB');
    for (const key of ['mentor1', 'mentor2', 'mentor3', 'mentor4']) {
      await createAccount(key, 'mentor', 'uniA');
    }
    await createMentor('mentor1', 1);
    await createMentor('mentor2', 3);
    await createMentor('mentor3', 3);
    await createMentor('mentor4', 3, ['金融']);
  }, 120_000);

  afterAll(async () => {
    await recorder?.stop();
    await db?.end();
    await suite?.close();
  });

  describe('graduates in need and their difficulty categories', () => {
    it('registers a graduate, keeps the categories encrypted and never echoes them', async () => {
      const graduate = await register('staffA', '张三');
      expect(categoryIn(graduate)).toBeUndefined();
      const [rows] = await db.query<RowDataPacket[]>(
        'SELECT categories_ciphertext FROM aid_graduates WHERE id = ?',
        [graduate.id],
      );
      expect((rows[0].categories_ciphertext as Buffer).toString('latin1')).not.toContain(
        'low_income',
      );
    });

    it('shows the categories to the career centre only, auditing each read', async () => {
      const graduate = await register('staffA', '李四', ['ethnic_minority']);
      const read = await http()
        .get(`/employment-aid/graduates/${graduate.id}/sensitive`)
        .set(as('staffA'))
        .set('x-request-id', `aid-read-${run}`);
      expect(read.status).toBe(200);
      expect(read.body.difficultyCategories).toEqual(['ethnic_minority']);
      const [audit] = await db.query<RowDataPacket[]>(
        'SELECT actor_account_id, fields, request_id FROM aid_audit_log WHERE subject_id = ?',
        [graduate.id],
      );
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        actor_account_id: accounts.staffA,
        fields: '["difficultyCategories"]',
        request_id: `aid-read-${run}`,
      });
      await assign(graduate.id, 'mentor4').expect(201);
      const asMentor = await http()
        .get(`/employment-aid/graduates/${graduate.id}/sensitive`)
        .set(as('mentor4'));
      expect(asMentor.status).toBe(403);
      expect(categoryIn(asMentor.body)).toBeUndefined();
      const asOtherCentre = await http()
        .get(`/employment-aid/graduates/${graduate.id}/sensitive`)
        .set(as('staffB'));
      expect(asOtherCentre.status).toBe(404);
    });
  });

  describe('mentors', () => {
    it('refuses a mentor profile for an account of the university whose role cannot mentor', async () => {
      // An account of another organisation (a bureau's) answers 404 before its role is looked at.
      await createAccount('graduateA', 'graduate', 'uniA');
      await waitFor(
        async () => {
          const [rows] = await db.query<RowDataPacket[]>(
            'SELECT id FROM aid_accounts WHERE id = ?',
            [accounts.graduateA],
          );
          return rows.length === 1;
        },
        { timeoutMs: 45_000, what: 'the account in the read model' },
      );
      const res = await http().post('/employment-aid/mentors').set(as('staffA')).send({
        accountId: accounts.graduateA,
        displayName: 'x',
        kind: 'hr_expert',
        industries: [],
        majors: [],
        cities: [],
        capacity: 1,
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: 'MENTOR_ACCOUNT_NOT_ELIGIBLE',
        details: { role: 'graduate' },
      });
      const bureau = await http().post('/employment-aid/mentors').set(as('staffA')).send({
        accountId: accounts.bureau,
        displayName: 'x',
        kind: 'hr_expert',
        industries: [],
        majors: [],
        cities: [],
        capacity: 1,
      });
      expect(bureau.status).toBe(404);
      expect(bureau.body.code).toBe('ACCOUNT_NOT_FOUND');
    });

    it("lists the centre's mentors with their load; a mentor changes only what they share", async () => {
      const list = await http().get('/employment-aid/mentors?pageSize=100').set(as('staffA'));
      expect(list.status).toBe(200);
      expect(list.body.items.map((m: { id: string }) => m.id)).toEqual(
        expect.arrayContaining([
          mentors.mentor1,
          mentors.mentor2,
          mentors.mentor3,
          mentors.mentor4,
        ]),
      );
      expect((await http().get('/employment-aid/mentors').set(as('mentor2'))).status).toBe(403);
      const own = await http().get(`/employment-aid/mentors/${mentors.mentor2}`).set(as('mentor2'));
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({ id: mentors.mentor2, capacity: 3, sharedContact: null });
      const shared = await http()
        .patch(`/employment-aid/mentors/${mentors.mentor2}`)
        .set(as('mentor2'))
        .send({ sharedContact: '微信 mentor2' });
      expect(shared.status).toBe(200);
      expect(shared.body.sharedContact).toBe('微信 mentor2');
      const capacity = await http()
        .patch(`/employment-aid/mentors/${mentors.mentor2}`)
        .set(as('mentor2'))
        .send({ capacity: 10 });
      expect(capacity.status).toBe(403);
      const other = await http()
        .get(`/employment-aid/mentors/${mentors.mentor2}`)
        .set(as('staffB'));
      expect(other.status).toBe(404);
    });
  });

  describe('one-to-one assignment', () => {
    it('refuses a mentor at capacity with 409 MENTOR_AT_CAPACITY', async () => {
      const first = await register('staffA', '王五');
      const second = await register('staffA', '赵六');
      await assign(first.id, 'mentor1').expect(201);
      const full = await assign(second.id, 'mentor1');
      expect(full.status).toBe(409);
      expect(full.body.code).toBe('MENTOR_AT_CAPACITY');
      expect(await activeAssignments(second.id)).toHaveLength(0);
    });

    it('leaves exactly one active assignment when two staff assign different mentors at once', async () => {
      for (let round = 0; round < 3; round++) {
        const graduate = await register('staffA', `并发 ${round}`);
        const results = await Promise.all([
          assign(graduate.id, 'mentor2'),
          assign(graduate.id, 'mentor3'),
        ]);
        expect(results.filter((r) => r.status === 201)).toHaveLength(1);
        const loser = results.find((r) => r.status !== 201);
        expect([400, 409]).toContain(loser?.status);
        expect(await activeAssignments(graduate.id)).toHaveLength(1);
        // Leave the mentors free for the next round.
        await db.query(
          'UPDATE aid_assignments SET active_flag = NULL, ended_at = NOW(3), end_reason = ? WHERE graduate_id = ?',
          ['test cleanup', graduate.id],
        );
        await db.query('UPDATE aid_mentors SET active_count = 0 WHERE id IN (?, ?)', [
          mentors.mentor2,
          mentors.mentor3,
        ]);
      }
    });

    it('needs a reason to reassign, keeps the history, and the previous mentor loses access', async () => {
      const graduate = await register('staffA', '孙七');
      await assign(graduate.id, 'mentor2').expect(201);
      expect(
        (await http().get(`/employment-aid/graduates/${graduate.id}`).set(as('mentor2'))).status,
      ).toBe(200);
      const noReason = await assign(graduate.id, 'mentor3');
      expect(noReason.status).toBe(400);
      expect(noReason.body.code).toBe('REASSIGNMENT_REASON_REQUIRED');
      await assign(graduate.id, 'mentor3', '导师调岗').expect(201);
      const history = await http()
        .get(`/employment-aid/graduates/${graduate.id}/assignments`)
        .set(as('staffA'));
      expect(history.body).toMatchObject([
        { mentorId: mentors.mentor2, active: false, endReason: '导师调岗' },
        { mentorId: mentors.mentor3, active: true, endReason: null },
      ]);
      const gone = await http().get(`/employment-aid/graduates/${graduate.id}`).set(as('mentor2'));
      expect(gone.status).toBe(404);
      const sessions = await http()
        .get(`/employment-aid/graduates/${graduate.id}/sessions`)
        .set(as('mentor2'));
      expect(sessions.status).toBe(404);
    });

    it('suggests mentors ranked by fit and load, with reasons', async () => {
      const graduate = await register('staffA', '周八');
      const res = await http()
        .get(`/employment-aid/graduates/${graduate.id}/mentor-suggestions`)
        .set(as('staffA'));
      expect(res.status).toBe(200);
      const ids = (res.body as { mentor: { id: string }; reasons: string[] }[]).map(
        (s) => s.mentor.id,
      );
      expect(ids.indexOf(mentors.mentor4)).toBeGreaterThan(ids.indexOf(mentors.mentor2));
      expect(res.body[0].reasons.join(' ')).toContain('软件');
    });
  });

  describe('who sees what', () => {
    let mentee: Graduate;
    let other: Graduate;

    beforeAll(async () => {
      mentee = await register('staffA', '吴九');
      other = await register('staffA', '郑十');
      await assign(mentee.id, 'mentor2').expect(201);
      await assign(other.id, 'mentor3').expect(201);
    });

    it("answers 404 to a mentor asking for another mentor's mentee", async () => {
      const res = await http().get(`/employment-aid/graduates/${other.id}`).set(as('mentor2'));
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('GRADUATE_NOT_FOUND');
      const plan = await http()
        .get(`/employment-aid/graduates/${other.id}/plan`)
        .set(as('mentor2'));
      expect(plan.status).toBe(404);
    });

    it('never shows a mentor a difficulty category', async () => {
      const responses = [
        await http().get(`/employment-aid/graduates/${mentee.id}`).set(as('mentor2')),
        await http().get('/employment-aid/graduates').set(as('mentor2')),
        await http().get('/employment-aid/alerts').set(as('mentor2')),
        await http().get(`/employment-aid/graduates/${mentee.id}/plan`).set(as('mentor2')),
      ];
      for (const res of responses) {
        expect(res.status).toBe(200);
        expect(categoryIn(res.body)).toBeUndefined();
      }
      const listed = responses[1].body.items.map((g: Graduate) => g.id);
      expect(listed).toContain(mentee.id);
      expect(listed).not.toContain(other.id);
    });

    it('shows career-centre staff of university B nothing of university A', async () => {
      expect(
        (await http().get(`/employment-aid/graduates/${mentee.id}`).set(as('staffB'))).status,
      ).toBe(404);
      const list = await http().get('/employment-aid/graduates').set(as('staffB'));
      expect(list.body.total).toBe(0);
      const assignB = await http()
        .post(`/employment-aid/graduates/${mentee.id}/assignments`)
        .set(as('staffB'))
        .send({ mentorId: mentors.mentor3, reason: 'x' });
      expect(assignB.status).toBe(404);
      expect(
        (await http().get(`/employment-aid/mentors/${mentors.mentor2}`).set(as('staffB'))).status,
      ).toBe(404);
      expect((await report('staffB')).graduatesInNeed).toBe(0);
    });
  });

  describe('follow-up alerts, sessions and outcomes', () => {
    let graduate: Graduate;

    beforeAll(async () => {
      graduate = await register('staffA', '钱十一');
      await assign(graduate.id, 'mentor3').expect(201);
    });

    it('flags a graduate without contact for 15 days; logging a session clears the flag', async () => {
      await at(15 * DAY_MS, async () => {
        const flagged = await http()
          .get(`/employment-aid/graduates/${graduate.id}`)
          .set(as('mentor3'));
        expect(flagged.body.alerts).toMatchObject({ noContact: true, daysSinceContact: 15 });
        for (const who of ['mentor3', 'staffA']) {
          const alerts = await http().get('/employment-aid/alerts').set(as(who));
          expect(alerts.body).toEqual(
            expect.arrayContaining([
              expect.objectContaining({ graduateId: graduate.id, reasons: ['no_contact'] }),
            ]),
          );
        }
        const digest = await http().get('/employment-aid/alerts/digest').set(as('staffA'));
        expect(digest.status).toBe(200);
        const mine = digest.body.byMentor.find(
          (m: { mentorId: string }) => m.mentorId === mentors.mentor3,
        );
        expect(mine.alerts.map((a: { graduateId: string }) => a.graduateId)).toContain(graduate.id);
        const logged = await http()
          .post(`/employment-aid/graduates/${graduate.id}/sessions`)
          .set(as('mentor3'))
          .send({
            channel: 'phone',
            durationMinutes: 20,
            contactMade: true,
            notes: '电话沟通求职进展',
            nextStep: '投递简历',
          });
        expect(logged.status).toBe(201);
        const cleared = await http()
          .get(`/employment-aid/graduates/${graduate.id}`)
          .set(as('mentor3'));
        expect(cleared.body.alerts).toMatchObject({ noContact: false, daysSinceContact: 0 });
        const alerts = await http().get('/employment-aid/alerts').set(as('staffA'));
        expect(alerts.body.map((a: { graduateId: string }) => a.graduateId)).not.toContain(
          graduate.id,
        );
      });
    });

    it('lets the author edit session notes for 24 hours only, keeping the history', async () => {
      const logged = await http()
        .post(`/employment-aid/graduates/${graduate.id}/sessions`)
        .set(as('mentor3'))
        .send({ channel: 'wechat', durationMinutes: 15, contactMade: true, notes: '初稿' });
      expect(logged.status).toBe(201);
      const edited = await http()
        .patch(`/employment-aid/sessions/${logged.body.id}`)
        .set(as('mentor3'))
        .send({ notes: '修改稿' });
      expect(edited.status).toBe(200);
      expect(edited.body.notes).toBe('修改稿');
      expect(edited.body.revisions).toMatchObject([{ notes: '初稿' }]);
      await at(25 * 3_600_000, async () => {
        const late = await http()
          .patch(`/employment-aid/sessions/${logged.body.id}`)
          .set(as('mentor3'))
          .send({ notes: '太晚了' });
        expect(late.status).toBe(409);
        expect(late.body.code).toBe('SESSION_EDIT_WINDOW_CLOSED');
      });
    });

    it('moves the employed share and median days once an outcome is recorded and verified', async () => {
      const before = await report();
      const startDate = addDays(shanghaiDateOf(new Date(graduate.registeredAt)), 10);
      // Recorded once the 10th day has come: a start date ahead of today is refused.
      const recorded = await at(10 * DAY_MS, () =>
        http()
          .post(`/employment-aid/graduates/${graduate.id}/outcomes`)
          .set(as('mentor3'))
          .send({ kind: 'employed', employer: '浪潮集团', startDate, contractType: 'permanent' }),
      );
      expect(recorded.status).toBe(201);
      expect(recorded.body.daysToEmployment).toBe(10);
      expect((await report()).employed).toBe(before.employed);

      const mentorVerifies = await http()
        .post(`/employment-aid/outcomes/${recorded.body.id}/verify`)
        .set(as('mentor3'));
      expect(mentorVerifies.status).toBe(403);
      const verified = await http()
        .post(`/employment-aid/outcomes/${recorded.body.id}/verify`)
        .set(as('staffA'));
      expect(verified.status).toBe(200);

      const after = await report();
      expect(after.employed).toBe(before.employed + 1);
      expect(after.employedShare).toBeCloseTo(after.employed / after.graduatesInNeed, 3);
      expect(after.employedShare).toBeGreaterThan(before.employedShare);
      expect(after.medianDaysToEmployment).toBe(10);

      const csv = await http().get('/employment-aid/reports/centre?format=csv').set(as('staffA'));
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.text).toContain('employedShare');

      await waitFor(
        () => (recorder.where((m) => m.key === graduate.id).length >= 2 ? true : undefined),
        { timeoutMs: 15_000, what: 'outcome events' },
      );
      const events = recorder.where((m) => m.key === graduate.id);
      expect(events.map((e) => e.topic).sort()).toEqual([
        Topics.events.outcomeRecorded,
        Topics.events.outcomeVerified,
      ]);
      for (const event of events) {
        expect(categoryIn(JSON.parse(event.value ?? '{}'))).toBeUndefined();
        expect(JSON.parse(event.value ?? '{}').payload).toMatchObject({
          graduateId: graduate.id,
          kind: 'employed',
          daysToEmployment: 10,
        });
      }
    });
  });

  describe('the support plan', () => {
    it('keeps goals and referrals with their status and result', async () => {
      const graduate = await register('staffA', '计划对象');
      const goal = await http()
        .post(`/employment-aid/graduates/${graduate.id}/plan/goals`)
        .set(as('staffA'))
        .send({ title: '完成简历修改', dueOn: '2099-12-15' });
      expect(goal.status).toBe(201);
      expect(goal.body).toMatchObject({ status: 'open', overdue: false, dueOn: '2099-12-15' });
      const done = await http()
        .patch(`/employment-aid/goals/${goal.body.id}`)
        .set(as('staffA'))
        .send({ status: 'done' });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ id: goal.body.id, status: 'done' });
      const referral = await http()
        .post(`/employment-aid/graduates/${graduate.id}/plan/referrals`)
        .set(as('staffA'))
        .send({ employer: '浪潮集团', position: '软件测试工程师' });
      expect(referral.status).toBe(201);
      expect(referral.body).toMatchObject({ result: 'pending', postingId: null, note: null });
      const interview = await http()
        .patch(`/employment-aid/referrals/${referral.body.id}`)
        .set(as('staffA'))
        .send({ result: 'interview' });
      expect(interview.status).toBe(200);
      expect(interview.body.result).toBe('interview');
      const elsewhere = await http()
        .patch(`/employment-aid/goals/${goal.body.id}`)
        .set(as('staffB'))
        .send({ status: 'dropped' });
      expect(elsewhere.status).toBe(404);
      expect(elsewhere.body.code).toBe('GOAL_NOT_FOUND');
      const plan = await http()
        .get(`/employment-aid/graduates/${graduate.id}/plan`)
        .set(as('staffA'));
      expect(plan.body).toMatchObject({
        goals: [{ id: goal.body.id, status: 'done' }],
        referrals: [{ id: referral.body.id, result: 'interview' }],
      });
    });
  });

  describe('training sessions', () => {
    it('never enrols 31 in a session with 30 places, even all at once', async () => {
      const training = await http()
        .post('/employment-aid/trainings')
        .set(as('staffA'))
        .send({ title: '求职训练营', startsAt: '2026-12-10T01:00:00.000Z', capacity: 30 });
      expect(training.status).toBe(201);
      const graduates: Graduate[] = [];
      for (let i = 0; i < 31; i++) graduates.push(await register('staffA', `学员 ${i}`, ['other']));
      const results = await Promise.all(
        graduates.map((g) =>
          http()
            .post(`/employment-aid/trainings/${training.body.id}/enrolments`)
            .set(as('staffA'))
            .send({ graduateId: g.id }),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(30);
      const refused = results.filter((r) => r.status !== 201);
      expect(refused.map((r) => [r.status, r.body.code as string])).toEqual([
        [409, 'TRAINING_FULL'],
      ]);
      const [rows] = await db.query<RowDataPacket[]>(
        'SELECT COUNT(*) AS n FROM aid_training_enrolments WHERE training_id = ?',
        [training.body.id],
      );
      expect(Number(rows[0].n)).toBe(30);
      const after = await http()
        .get(`/employment-aid/trainings/${training.body.id}`)
        .set(as('staffA'));
      expect(after.body).toMatchObject({ enrolled: 30, placesLeft: 0 });
      const attended = await http()
        .post(`/employment-aid/trainings/${training.body.id}/attendance`)
        .set(as('staffA'))
        .send({
          graduateId: graduates[results.findIndex((r) => r.status === 201)].id,
          attended: true,
        });
      expect(attended.status).toBe(201);
      expect(attended.body.attended).toBe(true);
    });
  });

  describe('job and internship postings', () => {
    it('publishes a posting only after another member of staff reviews it; mentors refer mentees to it', async () => {
      const created = await http().post('/employment-aid/postings').set(as('staffA')).send({
        kind: 'internship',
        employer: '浪潮集团',
        title: '软件测试见习岗',
        location: '济南市高新区',
        wageMin: 3000,
        wageMax: 4500,
        requirements: '计算机相关专业',
        expiresOn: '2099-03-31',
      });
      expect(created.status).toBe(201);
      expect(created.body.status).toBe('pending_review');
      const hidden = await http()
        .get(`/employment-aid/postings/${created.body.id}`)
        .set(as('mentor2'));
      expect(hidden.status).toBe(404);
      const self = await http()
        .post(`/employment-aid/postings/${created.body.id}/review`)
        .set(as('staffA'))
        .send({ decision: 'publish' });
      expect(self.status).toBe(409);
      expect(self.body.code).toBe('POSTING_SELF_REVIEW');
      const published = await http()
        .post(`/employment-aid/postings/${created.body.id}/review`)
        .set(as('staffA2'))
        .send({ decision: 'publish' });
      expect(published.status).toBe(200);
      expect(published.body.status).toBe('published');
      const seen = await http().get('/employment-aid/postings').set(as('mentor2'));
      expect(seen.body.items.map((p: { id: string }) => p.id)).toContain(created.body.id);
      const one = await http()
        .get(`/employment-aid/postings/${created.body.id}`)
        .set(as('mentor2'));
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ status: 'published', expired: false, reviewNote: null });
      expect((await http().get('/employment-aid/postings').set(as('staffB'))).body.total).toBe(0);

      const mentee = await register('staffA', '推荐对象');
      await assign(mentee.id, 'mentor2').expect(201);
      const referral = await http()
        .post(`/employment-aid/postings/${created.body.id}/referrals`)
        .set(as('mentor2'))
        .send({ graduateId: mentee.id });
      expect(referral.status).toBe(201);
      const plan = await http()
        .get(`/employment-aid/graduates/${mentee.id}/plan`)
        .set(as('mentor2'));
      expect(plan.body.referrals).toMatchObject([
        { postingId: created.body.id, employer: '浪潮集团', result: 'pending' },
      ]);
      const notMine = await http()
        .post(`/employment-aid/postings/${created.body.id}/referrals`)
        .set(as('mentor3'))
        .send({ graduateId: mentee.id });
      expect(notMine.status).toBe(404);
    });
  });

  describe('bureau reports', () => {
    it('lists the universities under the bureau with totals, and nothing to another bureau', async () => {
      const res = await waitFor(
        async () => {
          const r = await http().get('/employment-aid/reports/bureau').set(as('bureau'));
          return r.status === 200 && r.body.universities.length === 2 ? r : undefined;
        },
        { timeoutMs: 45_000, what: 'both universities in the read model' },
      );
      const ids = res.body.universities.map((u: { universityId: string }) => u.universityId);
      expect(ids.sort()).toEqual([orgs.uniA, orgs.uniB].sort());
      const uniA = (await report()).graduatesInNeed;
      expect(res.body.totals.graduatesInNeed).toBe(uniA);
      const other = await http()
        .get(`/employment-aid/reports/bureau?bureauId=${orgs.province}`)
        .set(as('otherBureau'));
      expect(other.status).toBe(404);
      const csv = await http().get('/employment-aid/reports/bureau?format=csv').set(as('bureau'));
      expect(csv.text.trim().split('\r\n')).toHaveLength(4);
      const centre = await http()
        .get(`/employment-aid/reports/centre?universityId=${orgs.uniA}`)
        .set(as('otherBureau'));
      expect(centre.status).toBe(404);
    });
  });

  describe('demo data (SEED_DEMO=true)', () => {
    it('seeds two graduates in need and a mentor at 山东大学, once', async () => {
      const login = await http()
        .post('/auth/login')
        .send({ email: 'careers@studentpass.local', password: 'Demo-Admin-2026!' });
      expect(login.status).toBe(200);
      const careers = { authorization: `Bearer ${login.body.accessToken}` };
      const graduates = await waitFor(
        async () => {
          const res = await http().get('/employment-aid/graduates').set(careers);
          const items = (res.body.items ?? []) as { name: string; mentorId: string | null }[];
          const seeded = items.filter((g) => ['李明', '王芳'].includes(g.name));
          return seeded.length === 2 && seeded.some((g) => g.mentorId) ? seeded : undefined;
        },
        { timeoutMs: 45_000, what: 'the demo graduates and their mentor' },
      );
      expect(graduates.find((g) => g.name === '李明')?.mentorId).toEqual(expect.any(String));
      const [rows] = await db.query<RowDataPacket[]>(
        'SELECT COUNT(*) AS n FROM aid_graduates WHERE demo_key IS NOT NULL',
      );
      expect(Number(rows[0].n)).toBe(2);
    });
  });
});
