import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import { DIFFICULTY_CATEGORIES } from '@app/contracts';
import { databaseName } from '@app/database';
import { uniqueSuffix, waitFor } from '@app/testing';
import { shanghaiDateOf } from '@app/time';
import { testEnv } from '../../scripts/test-infra.js';
import { DEMO, loginAsDemoAdmin, startSuite, type Suite } from '../harness.js';

const PASSWORD = 'Aid-Self-2026';
const PRIVATE_NOTE = '私密记录：家庭情况复杂，需重点关注';
const PRIVATE_NEXT_STEP = '私下联系辅导员了解情况';
const PRIVATE_REFERRAL_NOTE = '用人单位反馈其沟通能力偏弱';

/** Any trace of a difficulty category, by value or by field name. */
const categoryIn = (body: unknown): string | undefined => {
  const text = JSON.stringify(body);
  return [...DIFFICULTY_CATEGORIES, 'difficultyCategories'].find((c) => text.includes(c));
};

/** Every key anywhere in a JSON body. */
const keysOf = (body: unknown): Set<string> => {
  const keys = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, inner] of Object.entries(v)) {
        keys.add(k);
        walk(inner);
      }
    }
  };
  walk(body);
  return keys;
};

describe("employment aid: the graduate's own view, through the gateway, Kafka and MySQL", () => {
  let suite: Suite;
  let db: Connection;
  const run = uniqueSuffix();
  const tokens: Record<string, string> = {};
  const accounts: Record<string, string> = {};
  const orgs: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const http = () => suite.http();

  async function createOrganisation(key: string, body: Record<string, unknown>): Promise<void> {
    const res = await http().post('/organisations').set(as('platform')).send(body);
    expect(res.status).toBe(201);
    orgs[key] = res.body.id;
  }

  async function createAccount(key: string, role: string, organisation: string): Promise<void> {
    const email = `${key}.${run}@aid-self.example`;
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

  const register = async (name: string, accountId?: string) =>
    http()
      .post('/employment-aid/graduates')
      .set(as('staffA'))
      .send({
        name,
        major: '软件工程',
        degree: 'bachelor',
        graduationYear: 2026,
        contact: '139-0000-0000',
        intentions: { industries: ['软件'], cities: ['济南'] },
        willingToWork: true,
        difficultyCategories: ['disability', 'low_income'],
        ...(accountId ? { accountId } : {}),
      });

  const link = (graduateId: string, accountId: string, who = 'staffA') =>
    http().put(`/employment-aid/graduates/${graduateId}/account`).set(as(who)).send({ accountId });

  const createMentor = (who: string, account: string, sharedContact?: string) =>
    http()
      .post('/employment-aid/mentors')
      .set(as(who))
      .send({
        accountId: accounts[account],
        displayName: `导师 ${account}`,
        kind: 'teacher',
        industries: ['软件'],
        majors: ['软件工程'],
        cities: ['济南'],
        capacity: 5,
        ...(sharedContact ? { sharedContact } : {}),
      });

  beforeAll(async () => {
    suite = await startSuite({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    db = await createConnection({
      uri: `${testEnv.mysqlUrl.replace(/\/$/, '')}/${databaseName(testEnv.dbPrefix, 'employment-aid')}`,
    });
    tokens.platform = await loginAsDemoAdmin(suite);
    await createOrganisation('province', {
      kind: 'bureau',
      level: 'province',
      name: `省教育厅 self ${run}`,
      regionCode: '370000',
      parentId: null,
    });
    for (const key of ['uniA', 'uniB']) {
      await createOrganisation(key, {
        kind: 'university',
        name: `${key} 自助 ${run}`,
        regionCode: '370000',
        parentId: orgs.province,
        careerCentreName: '就业指导中心',
      });
    }
    await createAccount('staffA', 'career_centre_staff', 'uniA');
    await createAccount('staffA2', 'career_centre_staff', 'uniA');
    await createAccount('staffB', 'career_centre_staff', 'uniB');
    await createAccount('mentorA', 'mentor', 'uniA');
    await createAccount('mentorB', 'mentor', 'uniB');
    await createAccount('grad1', 'graduate', 'uniA');
    await createAccount('grad2', 'graduate', 'uniA');
    await createAccount('gradB', 'graduate', 'uniB');
    await createAccount('grad3', 'graduate', 'uniA');
    await createAccount('grad4', 'graduate', 'uniA');
    await createAccount('grad5', 'graduate', 'uniA');
    // The service learns accounts, with their university, from directory.account.created.v1.
    await waitFor(
      async () => {
        const [rows] = await db.query<RowDataPacket[]>(
          'SELECT id FROM aid_accounts WHERE id IN (?) AND organisation_id IS NOT NULL',
          [Object.values(accounts)],
        );
        return rows.length === Object.keys(accounts).length;
      },
      { timeoutMs: 45_000, what: 'the accounts, with their university, in the read model' },
    );
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await suite?.close();
  });

  describe('the graduate sees their own support', () => {
    let graduateId: string;
    let mentorId: string;
    let postingId: string;

    beforeAll(async () => {
      const registered = await register('自助 一号', accounts.grad1);
      expect(registered.status).toBe(201);
      expect(registered.body.accountId).toBe(accounts.grad1);
      graduateId = registered.body.id;
      const mentor = await createMentor('staffA', 'mentorA', '微信 mentor-a');
      expect(mentor.status).toBe(201);
      expect(mentor.body.sharedContact).toBe('微信 mentor-a');
      mentorId = mentor.body.id;
      await http()
        .post(`/employment-aid/graduates/${graduateId}/assignments`)
        .set(as('staffA'))
        .send({ mentorId })
        .expect(201);
      const session = await http()
        .post(`/employment-aid/graduates/${graduateId}/sessions`)
        .set(as('mentorA'))
        .send({
          channel: 'video',
          durationMinutes: 40,
          contactMade: true,
          notes: PRIVATE_NOTE,
          nextStep: PRIVATE_NEXT_STEP,
          followUpOn: '2099-01-10',
          sharedSummary: '请在周五前投递两份简历',
        });
      expect(session.status).toBe(201);
      expect(session.body.sharedSummary).toBe('请在周五前投递两份简历');
      await http()
        .post(`/employment-aid/graduates/${graduateId}/plan/goals`)
        .set(as('mentorA'))
        .send({ title: '完成简历修改', dueOn: '2099-01-05' })
        .expect(201);
      await http()
        .post(`/employment-aid/graduates/${graduateId}/plan/referrals`)
        .set(as('staffA'))
        .send({ employer: '济南软件园', position: '实施工程师', note: PRIVATE_REFERRAL_NOTE })
        .expect(201);
      const posting = await http().post('/employment-aid/postings').set(as('staffA')).send({
        kind: 'job',
        employer: '浪潮集团',
        title: '软件测试工程师',
        location: '济南',
        wageMin: 5000,
        wageMax: 7000,
        requirements: '软件相关专业',
        expiresOn: '2099-06-30',
      });
      expect(posting.status).toBe(201);
      postingId = posting.body.id;
      await http()
        .post(`/employment-aid/postings/${postingId}/review`)
        .set(as('staffA2'))
        .send({ decision: 'publish' })
        .expect(200);
      await http()
        .post(`/employment-aid/postings/${postingId}/referrals`)
        .set(as('mentorA'))
        .send({ graduateId, note: PRIVATE_REFERRAL_NOTE })
        .expect(201);
    });

    it('shows registration, mentor, plan, sessions and referred postings, never the categories or private notes', async () => {
      const me = await http().get('/employment-aid/me').set(as('grad1'));
      expect(me.status).toBe(200);
      expect(me.body.registration).toMatchObject({ id: graduateId, name: '自助 一号' });
      expect(me.body.mentor).toMatchObject({
        displayName: '导师 mentorA',
        sharedContact: '微信 mentor-a',
      });
      expect(me.body.nextFollowUpOn).toBe('2099-01-10');
      expect(me.body.sessionCount).toBe(1);
      expect(me.body.recentSessions).toEqual([
        expect.objectContaining({
          channel: 'video',
          contactMade: true,
          followUpOn: '2099-01-10',
          sharedSummary: '请在周五前投递两份简历',
          mentorName: '导师 mentorA',
        }),
      ]);
      expect(me.body.plan.goals).toMatchObject([{ title: '完成简历修改', status: 'open' }]);
      expect(me.body.plan.referrals.map((r: { employer: string }) => r.employer).sort()).toEqual(
        ['济南软件园', '浪潮集团'].sort(),
      );
      expect(me.body.referredPostings).toMatchObject([
        { id: postingId, title: '软件测试工程师', open: true, referralResult: 'pending' },
      ]);
      expect(me.body.outcome).toBeNull();

      expect(categoryIn(me.body)).toBeUndefined();
      const keys = keysOf(me.body);
      for (const hidden of ['difficultyCategories', 'notes', 'nextStep', 'note', 'alerts']) {
        expect(keys.has(hidden)).toBe(false);
      }
      const text = JSON.stringify(me.body);
      for (const secret of [PRIVATE_NOTE, PRIVATE_NEXT_STEP, PRIVATE_REFERRAL_NOTE]) {
        expect(text).not.toContain(secret);
      }

      const sessions = await http().get('/employment-aid/me/sessions?pageSize=5').set(as('grad1'));
      expect(sessions.status).toBe(200);
      expect(sessions.body).toMatchObject({ page: 1, pageSize: 5, total: 1 });
      expect(JSON.stringify(sessions.body)).not.toContain(PRIVATE_NOTE);
    });

    it('shows the outcome once the career centre has verified it', async () => {
      const today = shanghaiDateOf(new Date());
      const recorded = await http()
        .post(`/employment-aid/graduates/${graduateId}/outcomes`)
        .set(as('mentorA'))
        .send({ kind: 'employed', employer: '浪潮集团', startDate: today });
      expect(recorded.status).toBe(201);
      expect((await http().get('/employment-aid/me').set(as('grad1'))).body.outcome).toBeNull();
      await http()
        .post(`/employment-aid/outcomes/${recorded.body.id}/verify`)
        .set(as('staffA'))
        .expect(200);
      const me = await http().get('/employment-aid/me').set(as('grad1'));
      expect(me.body.outcome).toMatchObject({
        kind: 'employed',
        employer: '浪潮集团',
        startDate: today,
        verifiedAt: expect.any(String),
      });
    });

    it('lets the mentor change only what they share', async () => {
      const own = await http()
        .patch(`/employment-aid/mentors/${mentorId}`)
        .set(as('mentorA'))
        .send({ sharedContact: '电话 0531-0000-0001' });
      expect(own.status).toBe(200);
      const more = await http()
        .patch(`/employment-aid/mentors/${mentorId}`)
        .set(as('mentorA'))
        .send({ capacity: 50 });
      expect(more.status).toBe(403);
      const [rows] = await db.query<RowDataPacket[]>(
        'SELECT capacity FROM aid_mentors WHERE id = ?',
        [mentorId],
      );
      expect(rows[0].capacity).toBe(5);
      const me = await http().get('/employment-aid/me').set(as('grad1'));
      expect(me.body.mentor.sharedContact).toBe('电话 0531-0000-0001');
    });

    it("answers 404 for another graduate's data and for the staff routes of their own", async () => {
      const other = await register('自助 其他');
      expect(other.status).toBe(201);
      for (const path of [
        `/employment-aid/graduates/${other.body.id}`,
        `/employment-aid/graduates/${other.body.id}/sessions`,
        `/employment-aid/graduates/${other.body.id}/plan`,
        `/employment-aid/graduates/${graduateId}`,
        `/employment-aid/graduates/${graduateId}/sessions`,
      ]) {
        const res = await http().get(path).set(as('grad1'));
        expect([path, res.status]).toEqual([path, 404]);
      }
      const list = await http().get('/employment-aid/graduates').set(as('grad1'));
      expect(list.body.total).toBe(0);
    });

    it('answers 404 to a graduate account not linked, 403 to other roles', async () => {
      const unlinked = await http().get('/employment-aid/me').set(as('gradB'));
      expect(unlinked.status).toBe(404);
      expect(unlinked.body.code).toBe('GRADUATE_NOT_LINKED');
      const staff = await http().get('/employment-aid/me').set(as('staffA'));
      expect(staff.status).toBe(403);
    });
  });

  describe('linking a graduate record to an account', () => {
    it('links once: a second link answers 409, and unlinking closes the view', async () => {
      const graduate = await register('自助 二号');
      expect(graduate.body.accountId).toBeNull();
      const linked = await link(graduate.body.id, accounts.grad2);
      expect(linked.status).toBe(200);
      expect(linked.body.accountId).toBe(accounts.grad2);
      const me = await http().get('/employment-aid/me').set(as('grad2'));
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ registration: { id: graduate.body.id }, mentor: null });

      const twice = await link(graduate.body.id, accounts.grad2);
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('GRADUATE_ALREADY_LINKED');

      const unlinked = await http()
        .delete(`/employment-aid/graduates/${graduate.body.id}/account`)
        .set(as('staffA'));
      expect(unlinked.status).toBe(200);
      expect(unlinked.body.accountId).toBeNull();
      expect((await http().get('/employment-aid/me').set(as('grad2'))).status).toBe(404);
    });

    it('refuses an account already linked to another graduate, at registration or later', async () => {
      const atRegistration = await register('自助 重复', accounts.grad1);
      expect(atRegistration.status).toBe(409);
      expect(atRegistration.body.code).toBe('GRADUATE_ACCOUNT_TAKEN');
      const [named] = await db.query<RowDataPacket[]>(
        'SELECT id FROM aid_graduates WHERE name = ? AND university_id = ?',
        ['自助 重复', orgs.uniA],
      );
      expect(named).toHaveLength(0);

      const later = await register('自助 三号');
      const taken = await link(later.body.id, accounts.grad1);
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('GRADUATE_ACCOUNT_TAKEN');
      const [rows] = await db.query<RowDataPacket[]>(
        'SELECT id FROM aid_graduates WHERE account_id = ?',
        [accounts.grad1],
      );
      expect(rows).toHaveLength(1);
    });

    it('keeps one account per graduate and one graduate per account under concurrent links', async () => {
      const [first, second] = [await register('自助 并发一'), await register('自助 并发二')];
      const sameAccount = await Promise.all([
        link(first.body.id, accounts.grad3),
        link(second.body.id, accounts.grad3, 'staffA2'),
      ]);
      expect(sameAccount.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(sameAccount.find((r) => r.status === 409)?.body.code).toBe('GRADUATE_ACCOUNT_TAKEN');
      const [linked] = await db.query<RowDataPacket[]>(
        'SELECT id FROM aid_graduates WHERE account_id = ?',
        [accounts.grad3],
      );
      expect(linked.map((r) => r.id as string)).toEqual([
        sameAccount.find((r) => r.status === 200)?.body.id,
      ]);

      const third = await register('自助 并发三');
      const twoAccounts = await Promise.all([
        link(third.body.id, accounts.grad4),
        link(third.body.id, accounts.grad5, 'staffA2'),
      ]);
      expect(twoAccounts.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(twoAccounts.find((r) => r.status === 409)?.body.code).toBe('GRADUATE_ALREADY_LINKED');
      const winner = twoAccounts.find((r) => r.status === 200)?.body.accountId as string;
      expect([accounts.grad4, accounts.grad5]).toContain(winner);
      const [rows] = await db.query<RowDataPacket[]>(
        'SELECT account_id FROM aid_graduates WHERE id = ?',
        [third.body.id],
      );
      expect(rows[0].account_id).toBe(winner);
    });

    it('refuses an account of another role (400) or another university (404)', async () => {
      const graduate = await register('自助 四号');
      const mentorAccount = await link(graduate.body.id, accounts.mentorA);
      expect(mentorAccount.status).toBe(400);
      expect(mentorAccount.body).toMatchObject({
        code: 'GRADUATE_ACCOUNT_NOT_ELIGIBLE',
        details: { role: 'mentor' },
      });
      const otherUniversity = await link(graduate.body.id, accounts.gradB);
      expect(otherUniversity.status).toBe(404);
      expect(otherUniversity.body.code).toBe('ACCOUNT_NOT_FOUND');
      const atRegistration = await register('自助 外校', accounts.gradB);
      expect(atRegistration.status).toBe(404);
      expect(atRegistration.body.code).toBe('ACCOUNT_NOT_FOUND');
      const otherCentre = await link(graduate.body.id, accounts.gradB, 'staffB');
      expect(otherCentre.status).toBe(404);
      expect(otherCentre.body.code).toBe('GRADUATE_NOT_FOUND');
      const byMentor = await link(graduate.body.id, accounts.grad2, 'mentorA');
      expect(byMentor.status).toBe(403);
      const [rows] = await db.query<RowDataPacket[]>(
        'SELECT account_id FROM aid_graduates WHERE id = ?',
        [graduate.body.id],
      );
      expect(rows[0].account_id).toBeNull();
    });
  });

  describe('mentor profiles', () => {
    it('refuses a mentor profile for an account of another university', async () => {
      const res = await createMentor('staffA', 'mentorB');
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('ACCOUNT_NOT_FOUND');
      const [rows] = await db.query<RowDataPacket[]>(
        'SELECT id FROM aid_mentors WHERE account_id = ?',
        [accounts.mentorB],
      );
      expect(rows).toHaveLength(0);
      const ownCentre = await createMentor('staffB', 'mentorB');
      expect(ownCentre.status).toBe(201);
      expect(ownCentre.body.universityId).toBe(orgs.uniB);
    });
  });

  describe('the OpenAPI document', () => {
    it('describes the success response of every employment-aid route with a schema', async () => {
      const doc = await http().get('/docs/json');
      expect(doc.status).toBe(200);
      const paths = doc.body.paths as Record<
        string,
        Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>
      >;
      const routes = Object.entries(paths).filter(([path]) => path.startsWith('/employment-aid'));
      expect(routes.map(([path]) => path)).toEqual(
        expect.arrayContaining(['/employment-aid/me', '/employment-aid/graduates/{id}/account']),
      );
      const missing: string[] = [];
      for (const [path, operations] of routes) {
        for (const [method, operation] of Object.entries(operations)) {
          const ok = operation.responses['200'] ?? operation.responses['201'];
          const json = ok?.content?.['application/json'] as { schema?: unknown } | undefined;
          if (!json?.schema) missing.push(`${method.toUpperCase()} ${path}`);
        }
      }
      expect(missing).toEqual([]);
      const schemas = doc.body.components.schemas as Record<
        string,
        { properties: Record<string, unknown> }
      >;
      expect(Object.keys(schemas.MyAidView.properties)).not.toContain('difficultyCategories');
      expect(Object.keys(schemas.MySessionView.properties)).not.toContain('notes');
    });
  });

  describe('demo data (SEED_DEMO=true)', () => {
    it('links the demo graduate account to 李明, who sees the mentor and the shared summary only', async () => {
      const login = await http()
        .post('/auth/login')
        .send({ email: 'graduate@studentpass.local', password: DEMO.password });
      expect(login.status).toBe(200);
      const graduate = { authorization: `Bearer ${login.body.accessToken}` };
      const me = await waitFor(
        async () => {
          const res = await http().get('/employment-aid/me').set(graduate);
          return res.status === 200 && res.body.mentor && res.body.sessionCount ? res : undefined;
        },
        { timeoutMs: 45_000, what: 'the demo graduate linked, with a mentor and a session' },
      );
      expect(me.body.registration.name).toBe('李明');
      expect(me.body.mentor.sharedContact).toEqual(expect.any(String));
      expect(me.body.recentSessions[0].sharedSummary).toEqual(expect.any(String));
      expect(categoryIn(me.body)).toBeUndefined();
      expect(JSON.stringify(me.body)).not.toContain('仅工作人员可见');
      const [rows] = await db.query<RowDataPacket[]>(
        'SELECT COUNT(*) AS n FROM aid_graduates WHERE demo_key IS NOT NULL AND account_id IS NOT NULL',
      );
      expect(Number(rows[0].n)).toBe(1);
      expect(me.body.sessionCount).toBe(1);
    });
  });
});
