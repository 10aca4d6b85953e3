import { Topics } from '@app/contracts';
import { createKafka } from '@app/messaging';
import { TopicRecorder, uniqueSuffix } from '@app/testing';
import { testEnv } from '../../scripts/test-infra.js';
import { DEMO, startSuite, type Suite } from '../harness.js';

interface Org {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
}

describe('organisations, accounts and tokens (through the gateway, real Kafka and MySQL)', () => {
  let suite: Suite;
  let recorder: TopicRecorder;
  const run = uniqueSuffix();
  const tokens: Record<string, string> = {};
  const orgs: Record<string, Org> = {};

  const login = async (email: string, password = DEMO.password) => {
    const res = await suite.http().post('/auth/login').send({ email, password });
    return res;
  };
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

  beforeAll(async () => {
    suite = await startSuite({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    recorder = await new TopicRecorder(createKafka(testEnv.kafka, 'it-accounts'), [
      Topics.events.accountCreated,
      Topics.events.organisationCreated,
    ]).start();
    for (const [who, email] of [
      ['platform', DEMO.email],
      ['lixia', 'lixia.admin@studentpass.local'],
      ['teacher', 'teacher@studentpass.local'],
    ] as const) {
      const res = await login(email);
      expect(res.status).toBe(200);
      tokens[who] = res.body.accessToken;
    }
    // Find the seeded demo organisations through the API, whatever else earlier runs created.
    const me = async (who: string) =>
      (await suite.http().get('/me').set(as(who)).expect(200)).body as { organisationId: string };
    const get = async (id: string) =>
      (await suite.http().get(`/organisations/${id}`).set(as('platform')).expect(200)).body as Org;
    const children = async (parentId: string, kind: string) =>
      (
        await suite
          .http()
          .get(`/organisations?parentId=${parentId}&kind=${kind}&pageSize=100`)
          .set(as('platform'))
          .expect(200)
      ).body.items as Org[];
    orgs.lixiaSchool = await get((await me('teacher')).organisationId);
    orgs.lixia = await get((await me('lixia')).organisationId);
    const jinan = await get(orgs.lixia.parentId!);
    orgs.province = await get(jinan.parentId!);
    const licheng = (await children(jinan.id, 'bureau')).find(
      (o) => o.name === '历城区教育和体育局',
    );
    expect(licheng).toBeDefined();
    orgs.licheng = licheng!;
    const lichengSchool = (await children(licheng!.id, 'school')).find(
      (o) => o.name === '济南市历城区第二中学',
    );
    expect(lichengSchool).toBeDefined();
    orgs.lichengSchool = lichengSchool!;
    expect(Object.values(orgs).filter(Boolean)).toHaveLength(5);
  });
  afterAll(async () => {
    await recorder.stop();
    await suite.close();
  });

  it('shows a county bureau admin its own schools and not the next county’s', async () => {
    const list = await suite
      .http()
      .get('/organisations?kind=school&pageSize=100')
      .set(as('lixia'))
      .expect(200);
    const names = (list.body.items as Org[]).map((o) => o.name);
    expect(names).toContain('济南市历下区第一实验小学');
    expect(names).not.toContain('济南市历城区第二中学');
    const other = await suite
      .http()
      .get(`/organisations/${orgs.lichengSchool.id}`)
      .set(as('lixia'))
      .expect(404);
    expect(other.body.code).toBe('ORGANISATION_NOT_FOUND');
  });

  it('answers school staff about another school with 404, and about its own with 200', async () => {
    await suite.http().get(`/organisations/${orgs.lixiaSchool.id}`).set(as('teacher')).expect(200);
    const res = await suite
      .http()
      .get(`/organisations/${orgs.lichengSchool.id}`)
      .set(as('teacher'))
      .expect(404);
    expect(res.body.code).toBe('ORGANISATION_NOT_FOUND');
    const list = await suite.http().get('/organisations').set(as('teacher')).expect(200);
    expect(list.body).toMatchObject({ total: 1, items: [{ id: orgs.lixiaSchool.id }] });
  });

  it('lets an admin create organisations only under a bureau in its subtree, and publishes them', async () => {
    const created = await suite
      .http()
      .post('/organisations')
      .set(as('lixia'))
      .send({
        kind: 'school',
        name: `历下测试学校 ${run}`,
        parentId: orgs.lixia.id,
        regionCode: '370102',
        stage: 'junior_secondary',
      })
      .expect(201);
    expect(created.body).toMatchObject({
      kind: 'school',
      stage: 'junior_secondary',
      parentId: orgs.lixia.id,
      level: null,
    });
    const [event] = await recorder.waitForCount((m) => m.key === created.body.id, 1);
    expect(JSON.parse(event.value!)).toMatchObject({
      type: Topics.events.organisationCreated,
      producer: 'directory',
      payload: { id: created.body.id },
    });

    const outside = await suite
      .http()
      .post('/organisations')
      .set(as('lixia'))
      .send({
        kind: 'school',
        name: 'Not mine',
        parentId: orgs.licheng.id,
        regionCode: '370112',
        stage: 'primary',
      })
      .expect(404);
    expect(outside.body.code).toBe('PARENT_ORGANISATION_NOT_FOUND');
    const underSchool = await suite
      .http()
      .post('/organisations')
      .set(as('lixia'))
      .send({
        kind: 'school',
        name: 'Nested',
        parentId: orgs.lixiaSchool.id,
        regionCode: '370102',
        stage: 'primary',
      })
      .expect(400);
    expect(underSchool.body.code).toBe('INVALID_ORGANISATION_HIERARCHY');
    const missingStage = await suite
      .http()
      .post('/organisations')
      .set(as('platform'))
      .send({ kind: 'school', name: 'No stage', parentId: orgs.lixia.id, regionCode: '37010' })
      .expect(400);
    expect(missingStage.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'regionCode',
      'stage',
    ]);
    const byTeacher = await suite
      .http()
      .post('/organisations')
      .set(as('teacher'))
      .send({
        kind: 'school',
        name: 'Teacher school',
        parentId: orgs.lixia.id,
        regionCode: '370102',
        stage: 'primary',
      })
      .expect(403);
    expect(byTeacher.body.code).toBe('FORBIDDEN');
  });

  it('lets an admin create accounts in its subtree only, for roles that fit the organisation', async () => {
    const email = `staff.${run}@school.example`;
    const body = {
      email,
      password: 'Spring-Field-2026',
      displayName: '李老师',
      role: 'school_staff',
      organisationId: orgs.lixiaSchool.id,
    };
    const created = await suite.http().post('/accounts').set(as('lixia')).send(body).expect(201);
    expect(created.body).toMatchObject({
      email,
      role: 'school_staff',
      organisationId: orgs.lixiaSchool.id,
      lockedUntil: null,
    });
    expect(created.body).not.toHaveProperty('password');
    expect(created.body).not.toHaveProperty('passwordHash');
    await recorder.waitForCount(
      (m) => m.key === created.body.id && m.topic === Topics.events.accountCreated,
      1,
    );

    expect(
      (await suite.http().post('/accounts').set(as('lixia')).send(body).expect(409)).body.code,
    ).toBe('EMAIL_TAKEN');
    const elsewhere = await suite
      .http()
      .post('/accounts')
      .set(as('lixia'))
      .send({ ...body, email: `x.${run}@school.example`, organisationId: orgs.lichengSchool.id })
      .expect(404);
    expect(elsewhere.body.code).toBe('ORGANISATION_NOT_FOUND');
    const wrongRole = await suite
      .http()
      .post('/accounts')
      .set(as('lixia'))
      .send({ ...body, email: `y.${run}@school.example`, role: 'venue_staff' })
      .expect(400);
    expect(wrongRole.body.code).toBe('ROLE_NOT_ALLOWED');
    const weak = await suite
      .http()
      .post('/accounts')
      .set(as('lixia'))
      .send({ ...body, email: `z.${run}@school.example`, password: 'short' })
      .expect(400);
    expect(weak.body.details.fields).toEqual([
      { field: 'password', errors: [expect.stringMatching(/at least one letter and one digit/)] },
    ]);
    expect(
      (
        await suite
          .http()
          .post('/accounts')
          .set(as('teacher'))
          .send({ ...body, email: `t.${run}@school.example` })
          .expect(403)
      ).body.code,
    ).toBe('FORBIDDEN');

    const listed = await suite
      .http()
      .get(`/accounts?organisationId=${orgs.lixiaSchool.id}&pageSize=100`)
      .set(as('lixia'))
      .expect(200);
    expect((listed.body.items as { email: string }[]).map((a) => a.email)).toContain(email);
    await suite.http().get(`/accounts/${created.body.id}`).set(as('teacher')).expect(404);
  });

  it('links a student account to its roster student: in the token, /me and the event', async () => {
    const demoStudent = await login('student@studentpass.local');
    const demoMe = await suite
      .http()
      .get('/me')
      .set({ authorization: `Bearer ${demoStudent.body.accessToken}` })
      .expect(200);
    const demoRecord = await suite
      .http()
      .get(`/roster/students/${demoMe.body.studentId}`)
      .set(as('teacher'))
      .expect(200);
    expect(demoRecord.body).toMatchObject({ name: '张小明', studentNumber: 'LX2026301' });

    const classes = await suite
      .http()
      .get(`/roster/classes?schoolId=${orgs.lixiaSchool.id}&pageSize=100`)
      .set(as('teacher'))
      .expect(200);
    const enrolled = await suite
      .http()
      .post('/roster/students')
      .set(as('teacher'))
      .send({
        classId: (classes.body.items as { id: string }[])[0].id,
        studentNumber: `LK${run}`.slice(0, 32),
        name: '刘一鸣',
        gender: 'male',
        dateOfBirth: '2017-05-01',
      })
      .expect(201);
    const studentId = enrolled.body.id as string;
    const body = {
      email: `pupil.${run}@school.example`,
      password: 'Spring-Field-2026',
      displayName: '刘一鸣',
      role: 'student',
      organisationId: orgs.lixiaSchool.id,
      studentId,
    };
    const created = await suite.http().post('/accounts').set(as('lixia')).send(body).expect(201);
    expect(created.body).toMatchObject({ role: 'student', studentId });
    const event = await recorder.waitForCount(
      (m) => m.key === created.body.id && m.topic === Topics.events.accountCreated,
      1,
    );
    expect((JSON.parse(event[0].value!) as { payload: unknown }).payload).toMatchObject({
      organisationId: orgs.lixiaSchool.id,
      studentId,
    });
    const pupil = await login(body.email, body.password);
    const me = await suite
      .http()
      .get('/me')
      .set({ authorization: `Bearer ${pupil.body.accessToken}` })
      .expect(200);
    expect(me.body.studentId).toBe(studentId);

    const again = await suite
      .http()
      .post('/accounts')
      .set(as('lixia'))
      .send({ ...body, email: `pupil2.${run}@school.example` })
      .expect(409);
    expect(again.body.code).toBe('STUDENT_ACCOUNT_EXISTS');
    const notAStudentRole = await suite
      .http()
      .post('/accounts')
      .set(as('lixia'))
      .send({ ...body, email: `pupil3.${run}@school.example`, role: 'school_staff' })
      .expect(400);
    expect(notAStudentRole.body.code).toBe('ROLE_NOT_ALLOWED');
    const otherSchool = await suite
      .http()
      .post('/accounts')
      .set(as('platform'))
      .send({
        ...body,
        email: `pupil4.${run}@school.example`,
        organisationId: orgs.lichengSchool.id,
      })
      .expect(404);
    expect(otherSchool.body.code).toBe('STUDENT_NOT_FOUND');
  });

  it('locks the client address out of an account after five wrong passwords, until an admin unlocks it', async () => {
    const email = `locked.${run}@school.example`;
    const password = 'Right-Password-2026';
    const account = await suite
      .http()
      .post('/accounts')
      .set(as('lixia'))
      .send({
        email,
        password,
        displayName: '张老师',
        role: 'school_staff',
        organisationId: orgs.lixiaSchool.id,
      })
      .expect(201);
    for (let i = 0; i < 5; i++)
      expect((await login(email, 'Wrong-Password-1')).body.code).toBe('INVALID_CREDENTIALS');
    // Locked out from this address, even with the right password, and told no more than for
    // a wrong one (test/e2e/security-directory.e2e-spec.ts: other addresses are not locked).
    const locked = await login(email, password);
    expect(locked.status).toBe(401);
    expect(locked.body).not.toHaveProperty('details');
    expect(locked.body.code).toBe('INVALID_CREDENTIALS');
    const seen = await suite
      .http()
      .get(`/accounts/${account.body.id}`)
      .set(as('lixia'))
      .expect(200);
    expect(seen.body.lockedUntil).not.toBeNull();

    await suite.http().post(`/accounts/${account.body.id}/unlock`).set(as('teacher')).expect(404);
    const unlocked = await suite
      .http()
      .post(`/accounts/${account.body.id}/unlock`)
      .set(as('lixia'))
      .expect(200);
    expect(unlocked.body.lockedUntil).toBeNull();
    expect((await login(email, password)).status).toBe(200);
  });

  it('rotates refresh tokens, refuses one used twice and then the whole login, and revokes on logout', async () => {
    const first = (await login('teacher@studentpass.local')).body;
    const second = await suite
      .http()
      .post('/auth/refresh')
      .send({ refreshToken: first.refreshToken })
      .expect(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    await suite
      .http()
      .get('/me')
      .set('authorization', `Bearer ${second.body.accessToken}`)
      .expect(200);

    const reused = await suite
      .http()
      .post('/auth/refresh')
      .send({ refreshToken: first.refreshToken })
      .expect(401);
    expect(reused.body.code).toBe('REFRESH_TOKEN_REUSED');
    const afterTheft = await suite
      .http()
      .post('/auth/refresh')
      .send({ refreshToken: second.body.refreshToken })
      .expect(401);
    expect(afterTheft.body.code).toBe('REFRESH_TOKEN_REUSED');

    const session = (await login('teacher@studentpass.local')).body;
    await suite
      .http()
      .post('/auth/logout')
      .set('authorization', `Bearer ${session.accessToken}`)
      .send({ refreshToken: session.refreshToken })
      .expect(204);
    const afterLogout = await suite
      .http()
      .post('/auth/refresh')
      .send({ refreshToken: session.refreshToken })
      .expect(401);
    expect(afterLogout.body.code).toBe('REFRESH_TOKEN_REUSED');
    const malformed = await suite
      .http()
      .post('/auth/refresh')
      .send({ refreshToken: 'nope' })
      .expect(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
  });
});
