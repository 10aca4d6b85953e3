import { Agent } from 'node:http';
import jwt from 'jsonwebtoken';
import { PASSWORD_RULE, Topics } from '@app/contracts';
import { createKafka } from '@app/messaging';
import { TopicRecorder, uniqueSuffix } from '@app/testing';
import { signAccessToken, testEnv } from '../../scripts/test-infra.js';
import { AccountsService } from '../../apps/directory/src/accounts/accounts.service.js';
import { AuthService } from '../../apps/directory/src/auth/auth.service.js';
import { DEMO, startSuite, type Suite } from '../harness.js';

interface Org {
  id: string;
  name: string;
  parentId: string | null;
}
interface Session {
  accessToken: string;
  refreshToken: string;
}
interface AccountBody {
  id: string;
  email: string;
  role: string;
  displayName: string;
  status: string;
  mustChangePassword: boolean;
}

/** Issue 18, item 4: accounts people can manage, each behaviour as a user meets it. */
describe('account management: passwords, resets, deactivation, edits, lists', () => {
  let suite: Suite;
  let recorder: TopicRecorder;
  const run = uniqueSuffix();
  const password = 'Right-Password-2026';
  const tokens: Record<string, string> = {};
  const orgs: Record<string, Org> = {};
  // Every address of 127.0.0.0/8 is this machine: a socket bound to one is its own client.
  const agents: Agent[] = [];
  const from = (address: string): Agent => {
    const agent = new Agent({ localAddress: address, keepAlive: false });
    agents.push(agent);
    return agent;
  };

  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const bearer = (accessToken: string) => ({ authorization: `Bearer ${accessToken}` });
  const login = (email: string, pass: string, agent?: Agent) => {
    const req = suite.http().post('/auth/login');
    return (agent ? req.agent(agent) : req).send({ email, password: pass });
  };
  const signIn = async (email: string, pass = password): Promise<Session> =>
    (await login(email, pass).expect(200)).body as Session;
  const me = (accessToken: string) => suite.http().get('/me').set(bearer(accessToken));
  const refresh = (refreshToken: string) =>
    suite.http().post('/auth/refresh').send({ refreshToken });
  const withoutRequestId = (body: Record<string, unknown>) => {
    const { requestId, ...rest } = body;
    expect(typeof requestId).toBe('string');
    return rest;
  };
  const newAccount = async (
    name: string,
    role: string,
    organisationId: string,
    by = 'lixia',
  ): Promise<AccountBody> =>
    (
      await suite
        .http()
        .post('/accounts')
        .set(as(by))
        .send({
          email: `${name}.${run}@school.example`,
          password,
          displayName: name,
          role,
          organisationId,
        })
        .expect(201)
    ).body as AccountBody;
  const updatedEvents = (accountId: string, count: number) =>
    recorder.waitForCount(
      (m) => m.topic === Topics.events.accountUpdated && m.key === accountId,
      count,
    );
  const payloadOf = (message: { value: string | null }) =>
    (JSON.parse(message.value!) as { payload: Record<string, unknown> }).payload;

  beforeAll(async () => {
    suite = await startSuite({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    recorder = await new TopicRecorder(createKafka(testEnv.kafka, `it-accounts-manage-${run}`), [
      Topics.events.accountUpdated,
      Topics.events.sessionRevoked,
    ]).start();
    for (const [who, email] of [
      ['platform', DEMO.email],
      ['lixia', 'lixia.admin@studentpass.local'],
      ['teacher', 'teacher@studentpass.local'],
    ] as const) {
      tokens[who] = (await signIn(email, DEMO.password)).accessToken;
    }
    const orgOf = async (id: string) =>
      (await suite.http().get(`/organisations/${id}`).set(as('platform')).expect(200)).body as Org;
    const ownOrg = async (who: string) =>
      orgOf(
        ((await me(tokens[who]).expect(200)).body as { organisationId: string }).organisationId,
      );
    orgs.lixiaSchool = await ownOrg('teacher');
    orgs.lixia = await ownOrg('lixia');
    const bureaus = (
      await suite
        .http()
        .get(`/organisations?parentId=${orgs.lixia.parentId}&kind=bureau&pageSize=100`)
        .set(as('platform'))
        .expect(200)
    ).body.items as Org[];
    const licheng = bureaus.find((o) => o.name === '历城区教育和体育局');
    expect(licheng).toBeDefined();
    const schools = (
      await suite
        .http()
        .get(`/organisations?parentId=${licheng!.id}&kind=school&pageSize=100`)
        .set(as('platform'))
        .expect(200)
    ).body.items as Org[];
    orgs.lichengSchool = schools.find((o) => o.name === '济南市历城区第二中学')!;
    expect(orgs.lichengSchool).toBeDefined();
  });
  afterAll(async () => {
    agents.forEach((a) => a.destroy());
    await recorder.stop();
    await suite.close();
  });

  describe('POST /me/password', () => {
    it('changes the password, ends every earlier session (the caller’s too) and returns a new one', async () => {
      const owner = await newAccount('changer', 'school_staff', orgs.lixiaSchool.id);
      const email = owner.email;
      const session = await signIn(email);
      const other = await signIn(email);
      const newPassword = 'Autumn-Leaves-2027';

      const wrong = await suite
        .http()
        .post('/me/password')
        .set(bearer(session.accessToken))
        .send({ currentPassword: 'Not-The-Password-1', newPassword })
        .expect(401);
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
      const same = await suite
        .http()
        .post('/me/password')
        .set(bearer(session.accessToken))
        .send({ currentPassword: password, newPassword: password })
        .expect(400);
      expect(same.body.code).toBe('PASSWORD_UNCHANGED');
      const weak = await suite
        .http()
        .post('/me/password')
        .set(bearer(session.accessToken))
        .send({ currentPassword: password, newPassword: 'short' })
        .expect(400);
      expect(weak.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: [{ field: 'newPassword' }] },
      });
      await me(session.accessToken).expect(200);

      const changed = await suite
        .http()
        .post('/me/password')
        .set(bearer(session.accessToken))
        .send({ currentPassword: password, newPassword })
        .expect(200);
      expect(changed.body).toMatchObject({ tokenType: 'Bearer', accessToken: expect.any(String) });
      // Every earlier session ends at once: access tokens and refresh tokens alike.
      expect((await me(session.accessToken)).status).toBe(401);
      expect((await me(other.accessToken)).status).toBe(401);
      expect((await refresh(other.refreshToken)).status).toBe(401);
      const fresh = await me(changed.body.accessToken as string).expect(200);
      expect(fresh.body).toMatchObject({ id: owner.id, mustChangePassword: false });
      await refresh(changed.body.refreshToken as string).expect(200);

      expect((await login(email, password)).body.code).toBe('INVALID_CREDENTIALS');
      await login(email, newPassword).expect(200);
      const [event] = await updatedEvents(owner.id, 1);
      expect(payloadOf(event)).toMatchObject({
        accountId: owner.id,
        change: 'password_changed',
        changedBy: owner.id,
      });
      expect(event.value).not.toContain(newPassword);
    });

    it('counts wrong current passwords like wrong logins of that address only: no lockout of the owner elsewhere', async () => {
      const owner = await newAccount('guessed', 'school_staff', orgs.lixiaSchool.id);
      const thief = from('127.0.0.4');
      const stolen = await signIn(owner.email);
      for (let i = 0; i < 5; i++) {
        const guess = await suite
          .http()
          .post('/me/password')
          .agent(thief)
          .set(bearer(stolen.accessToken))
          .send({ currentPassword: `Guess-Number-${i}`, newPassword: 'Taken-Over-2027' });
        expect(guess.status).toBe(401);
      }
      // The right password from the guessing address now answers like a wrong one…
      const locked = await suite
        .http()
        .post('/me/password')
        .agent(thief)
        .set(bearer(stolen.accessToken))
        .send({ currentPassword: password, newPassword: 'Taken-Over-2027' });
      expect(locked.status).toBe(401);
      expect(locked.body.code).toBe('INVALID_CREDENTIALS');
      expect((await login(owner.email, password, thief)).status).toBe(401);
      // …while the owner, from another address, signs in as ever.
      await login(owner.email, password, from('127.0.0.5')).expect(200);
    });
  });

  describe('admin password reset', () => {
    it('gives a temporary password once; until it is changed only /me, /me/password and logout answer', async () => {
      const owner = await newAccount('forgetful', 'school_staff', orgs.lixiaSchool.id);
      const before = await signIn(owner.email);

      const reset = await suite
        .http()
        .post(`/accounts/${owner.id}/password-reset`)
        .set(as('lixia'))
        .expect(200);
      const temporary = reset.body.temporaryPassword as string;
      expect(temporary).toMatch(PASSWORD_RULE);
      expect(reset.body.account).toMatchObject({ id: owner.id, mustChangePassword: true });
      // The sessions of before the reset end at once; the old password no longer works.
      expect((await me(before.accessToken)).status).toBe(401);
      expect((await refresh(before.refreshToken)).status).toBe(401);
      expect((await login(owner.email, password)).status).toBe(401);

      const flagged = await signIn(owner.email, temporary);
      expect(jwt.decode(flagged.accessToken)).toMatchObject({ pwc: true });
      const self = await me(flagged.accessToken).expect(200);
      expect(self.body.mustChangePassword).toBe(true);
      for (const path of ['/organisations', `/accounts/${owner.id}`, '/venues/activities']) {
        const refused = await suite.http().get(path).set(bearer(flagged.accessToken));
        expect({ path, status: refused.status, code: refused.body.code }).toEqual({
          path,
          status: 403,
          code: 'PASSWORD_CHANGE_REQUIRED',
        });
      }
      // A refreshed token is still flagged: the flag lives on the account, not the token.
      const refreshed = (await refresh(flagged.refreshToken).expect(200)).body as Session;
      expect(
        (await suite.http().get('/organisations').set(bearer(refreshed.accessToken))).body.code,
      ).toBe('PASSWORD_CHANGE_REQUIRED');

      const chosen = await suite
        .http()
        .post('/me/password')
        .set(bearer(refreshed.accessToken))
        .send({ currentPassword: temporary, newPassword: 'My-Own-Choice-2027' })
        .expect(200);
      expect(jwt.decode(chosen.body.accessToken as string)).not.toHaveProperty('pwc');
      await suite
        .http()
        .get('/organisations')
        .set(bearer(chosen.body.accessToken as string))
        .expect(200);
      expect((await me(chosen.body.accessToken as string)).body.mustChangePassword).toBe(false);
      const events = await updatedEvents(owner.id, 2);
      expect(events.map((e) => payloadOf(e).change)).toEqual([
        'password_reset',
        'password_changed',
      ]);
      expect(events[0].value).not.toContain(temporary);
    });

    it('lets a flagged account log out', async () => {
      const owner = await newAccount('leaving', 'school_staff', orgs.lixiaSchool.id);
      const reset = await suite
        .http()
        .post(`/accounts/${owner.id}/password-reset`)
        .set(as('lixia'))
        .expect(200);
      const flagged = await signIn(owner.email, reset.body.temporaryPassword as string);
      await suite
        .http()
        .post('/auth/logout')
        .set(bearer(flagged.accessToken))
        .send({ refreshToken: flagged.refreshToken })
        .expect(204);
    });

    it('answers 404 outside the subtree and for non-admins, and 409 for the admin’s own account', async () => {
      const elsewhere = await newAccount(
        'licheng',
        'school_staff',
        orgs.lichengSchool.id,
        'platform',
      );
      const outside = await suite
        .http()
        .post(`/accounts/${elsewhere.id}/password-reset`)
        .set(as('lixia'))
        .expect(404);
      expect(outside.body.code).toBe('ACCOUNT_NOT_FOUND');
      const colleague = await newAccount('colleague', 'school_staff', orgs.lixiaSchool.id);
      expect(
        (
          await suite
            .http()
            .post(`/accounts/${colleague.id}/password-reset`)
            .set(as('teacher'))
            .expect(404)
        ).body.code,
      ).toBe('ACCOUNT_NOT_FOUND');
      const lixiaId = (jwt.decode(tokens.lixia) as { sub: string }).sub;
      const own = await suite
        .http()
        .post(`/accounts/${lixiaId}/password-reset`)
        .set(as('lixia'))
        .expect(409);
      expect(own.body.code).toBe('OWN_ACCOUNT_CHANGE');
      // Nothing happened to the colleague: the password still works.
      await login(colleague.email, password).expect(200);
    });
  });

  describe('deactivate and reactivate', () => {
    it('refuses a deactivated account’s existing access token at once, its refresh and its login', async () => {
      const owner = await newAccount('departed', 'school_staff', orgs.lixiaSchool.id);
      const session = await signIn(owner.email);
      const second = await signIn(owner.email);
      await me(session.accessToken).expect(200);

      const deactivated = await suite
        .http()
        .post(`/accounts/${owner.id}/deactivate`)
        .set(as('lixia'))
        .expect(200);
      expect(deactivated.body).toMatchObject({ id: owner.id, status: 'deactivated' });
      // At once, not after the token's 15 minutes.
      const refused = await me(session.accessToken).expect(401);
      expect(refused.body.code).toBe('UNAUTHENTICATED');
      await me(second.accessToken).expect(401);
      expect((await refresh(session.refreshToken)).status).toBe(401);
      // The right password answers exactly like a wrong one.
      const right = await login(owner.email, password).expect(401);
      const wrong = await login(owner.email, 'Wrong-Password-1').expect(401);
      expect(withoutRequestId(right.body as Record<string, unknown>)).toEqual(
        withoutRequestId(wrong.body as Record<string, unknown>),
      );
      // Each revoked session is published, so every other gateway refuses it too.
      const sids = [session, second].map((s) => (jwt.decode(s.accessToken) as { sid: string }).sid);
      for (const sid of sids) await recorder.waitForCount((m) => m.key === sid, 1);

      // Again: nothing changes, nothing more is published.
      await suite.http().post(`/accounts/${owner.id}/deactivate`).set(as('lixia')).expect(200);
      const reactivated = await suite
        .http()
        .post(`/accounts/${owner.id}/reactivate`)
        .set(as('lixia'))
        .expect(200);
      expect(reactivated.body.status).toBe('active');
      const back = await signIn(owner.email);
      await me(back.accessToken).expect(200);
      // The old sessions stay ended.
      await me(session.accessToken).expect(401);
      const events = await updatedEvents(owner.id, 2);
      expect(events.map((e) => payloadOf(e))).toEqual([
        expect.objectContaining({ change: 'deactivated', status: 'deactivated' }),
        expect.objectContaining({ change: 'reactivated', status: 'active' }),
      ]);
    });

    it('leaves no live session from a login that races the deactivation', async () => {
      const owner = await newAccount('racer', 'school_staff', orgs.lixiaSchool.id);
      // Straight to the directory's services, so that both run at once on two connections.
      const auth = suite.directory!.get(AuthService);
      const accounts = suite.directory!.get(AccountsService);
      const admin = {
        accountId: (jwt.decode(tokens.lixia) as { sub: string }).sub,
        role: 'bureau_admin' as const,
        organisationId: orgs.lixia.id,
      };
      for (let round = 0; round < 8; round++) {
        const [signedIn, deactivated] = await Promise.allSettled([
          auth.login(owner.email, password, '127.0.0.9'),
          accounts.deactivate(admin, owner.id),
        ]);
        expect(deactivated.status).toBe('fulfilled');
        if (signedIn.status === 'fulfilled') {
          // The login came first: the deactivation revoked its session.
          const sid = (jwt.decode(signedIn.value.accessToken) as { sid: string }).sid;
          const revoked =
            deactivated.status === 'fulfilled' ? deactivated.value.revokedSessions : [];
          expect({ round, revoked: revoked.map((r) => r.sessionId) }).toEqual({
            round,
            revoked: expect.arrayContaining([sid]),
          });
          const refreshed = await auth.refresh(signedIn.value.refreshToken).catch(() => 'refused');
          expect({ round, refreshed }).toEqual({ round, refreshed: 'refused' });
        }
        await accounts.reactivate(admin, owner.id);
      }
    });

    it('answers 404 outside the subtree, 403 to non-admins of the account’s own school and 409 for oneself', async () => {
      const elsewhere = await newAccount('far', 'school_staff', orgs.lichengSchool.id, 'platform');
      expect(
        (
          await suite
            .http()
            .post(`/accounts/${elsewhere.id}/deactivate`)
            .set(as('lixia'))
            .expect(404)
        ).body.code,
      ).toBe('ACCOUNT_NOT_FOUND');
      const teacherId = (jwt.decode(tokens.teacher) as { sub: string }).sub;
      expect(
        (
          await suite
            .http()
            .post(`/accounts/${teacherId}/deactivate`)
            .set(as('teacher'))
            .expect(403)
        ).body.code,
      ).toBe('FORBIDDEN');
      const lixiaId = (jwt.decode(tokens.lixia) as { sub: string }).sub;
      expect(
        (await suite.http().post(`/accounts/${lixiaId}/deactivate`).set(as('lixia')).expect(409))
          .body.code,
      ).toBe('OWN_ACCOUNT_CHANGE');
      await login(elsewhere.email, password).expect(200);
    });

    it('keeps the last active platform admin active (409)', async () => {
      // A platform admin token of no stored account, so every stored one can be the target.
      const ghost = signAccessToken(suite.gatewayConfig.JWT_SECRET, {
        role: 'platform_admin',
        org: null,
      });
      const active = (
        await suite
          .http()
          .get('/accounts?role=platform_admin&status=active&pageSize=100')
          .set(bearer(ghost))
          .expect(200)
      ).body.items as AccountBody[];
      const demo = active.find((a) => a.email === DEMO.email)!;
      expect(demo).toBeDefined();
      const others = active.filter((a) => a.id !== demo.id);
      try {
        for (const other of others)
          await suite
            .http()
            .post(`/accounts/${other.id}/deactivate`)
            .set(bearer(ghost))
            .expect(200);
        const last = await suite
          .http()
          .post(`/accounts/${demo.id}/deactivate`)
          .set(bearer(ghost))
          .expect(409);
        expect(last.body.code).toBe('LAST_PLATFORM_ADMIN');
        await login(DEMO.email, DEMO.password).expect(200);
      } finally {
        for (const other of others)
          await suite
            .http()
            .post(`/accounts/${other.id}/reactivate`)
            .set(bearer(ghost))
            .expect(200);
      }
    });
  });

  describe('PATCH /accounts/:id', () => {
    it('changes the role within the subtree, ends the sessions that carry the old role, and publishes it', async () => {
      const owner = await newAccount('promoted', 'school_staff', orgs.lixiaSchool.id);
      const session = await signIn(owner.email);
      const renamed = await suite
        .http()
        .patch(`/accounts/${owner.id}`)
        .set(as('lixia'))
        .send({ displayName: '王老师' })
        .expect(200);
      expect(renamed.body).toMatchObject({ displayName: '王老师', role: 'school_staff' });
      // A new name leaves the sessions alone.
      await me(session.accessToken).expect(200);

      const changed = await suite
        .http()
        .patch(`/accounts/${owner.id}`)
        .set(as('lixia'))
        .send({ role: 'student' })
        .expect(200);
      expect(changed.body).toMatchObject({ role: 'student', displayName: '王老师' });
      expect((await me(session.accessToken)).status).toBe(401);
      expect((await refresh(session.refreshToken)).status).toBe(401);
      const again = await signIn(owner.email);
      expect(jwt.decode(again.accessToken)).toMatchObject({ role: 'student' });

      const events = await updatedEvents(owner.id, 2);
      expect(events.map((e) => payloadOf(e))).toEqual([
        expect.objectContaining({
          change: 'updated',
          changedFields: ['displayName'],
          previousRole: null,
        }),
        expect.objectContaining({
          change: 'updated',
          changedFields: ['role'],
          role: 'student',
          previousRole: 'school_staff',
          organisationId: orgs.lixiaSchool.id,
        }),
      ]);
    });

    it('refuses a role outside the subtree (404), one that does not fit (400), above one’s own (403) and one’s own (409)', async () => {
      const elsewhere = await newAccount(
        'other',
        'school_staff',
        orgs.lichengSchool.id,
        'platform',
      );
      const outside = await suite
        .http()
        .patch(`/accounts/${elsewhere.id}`)
        .set(as('lixia'))
        .send({ role: 'student' })
        .expect(404);
      expect(outside.body.code).toBe('ACCOUNT_NOT_FOUND');

      const target = await newAccount('kept', 'school_staff', orgs.lixiaSchool.id);
      const misfit = await suite
        .http()
        .patch(`/accounts/${target.id}`)
        .set(as('lixia'))
        .send({ role: 'venue_staff' })
        .expect(400);
      expect(misfit.body.code).toBe('ROLE_NOT_ALLOWED');
      const above = await suite
        .http()
        .patch(`/accounts/${target.id}`)
        .set(as('lixia'))
        .send({ role: 'platform_admin' })
        .expect(403);
      expect(above.body.code).toBe('FORBIDDEN');
      const byTeacher = await suite
        .http()
        .patch(`/accounts/${target.id}`)
        .set(as('teacher'))
        .send({ displayName: 'x' })
        .expect(404);
      expect(byTeacher.body.code).toBe('ACCOUNT_NOT_FOUND');
      const lixiaId = (jwt.decode(tokens.lixia) as { sub: string }).sub;
      const own = await suite
        .http()
        .patch(`/accounts/${lixiaId}`)
        .set(as('lixia'))
        .send({ role: 'school_staff' })
        .expect(409);
      expect(own.body.code).toBe('OWN_ACCOUNT_CHANGE');
      const empty = await suite.http().patch(`/accounts/${target.id}`).set(as('lixia')).send({});
      expect(empty.status).toBe(400);
      expect(empty.body.code).toBe('VALIDATION_FAILED');
      const unknownRole = await suite
        .http()
        .patch(`/accounts/${target.id}`)
        .set(as('lixia'))
        .send({ role: 'janitor' })
        .expect(400);
      expect(unknownRole.body.code).toBe('VALIDATION_FAILED');
      const kept = await suite.http().get(`/accounts/${target.id}`).set(as('lixia')).expect(200);
      expect(kept.body).toMatchObject({ role: 'school_staff', displayName: 'kept' });
    });
  });

  describe('GET /accounts', () => {
    it('filters by text, role, status and organisation, and pages', async () => {
      const tag = `findme${run}`.toLowerCase();
      const a = await newAccount(`${tag}-a`, 'school_staff', orgs.lixiaSchool.id);
      const b = await newAccount(`${tag}-b`, 'student', orgs.lixiaSchool.id);
      const c = await newAccount(`${tag}-c`, 'school_staff', orgs.lixiaSchool.id);
      await suite.http().post(`/accounts/${c.id}/deactivate`).set(as('lixia')).expect(200);
      const list = async (query: string, who = 'lixia') =>
        (await suite.http().get(`/accounts?${query}`).set(as(who)).expect(200)).body as {
          items: AccountBody[];
          total: number;
          page: number;
          pageSize: number;
        };
      const emails = (page: { items: AccountBody[] }) => page.items.map((x) => x.email);

      expect(emails(await list(`q=${tag.toUpperCase()}`))).toEqual([a.email, b.email, c.email]);
      expect(emails(await list(`q=${tag}&role=student`))).toEqual([b.email]);
      expect(emails(await list(`q=${tag}&status=active`))).toEqual([a.email, b.email]);
      expect(emails(await list(`q=${tag}&status=deactivated`))).toEqual([c.email]);
      expect(emails(await list(`q=${tag}&organisationId=${orgs.lixiaSchool.id}`))).toHaveLength(3);
      const second = await list(`q=${tag}&pageSize=1&page=2`);
      expect(second).toMatchObject({ total: 3, page: 2, pageSize: 1 });
      expect(emails(second)).toEqual([b.email]);
      // A LIKE wildcard is a plain character here.
      expect((await list(`q=${encodeURIComponent('%')}${tag}`)).total).toBe(0);
      // Another school's filter finds none of them.
      expect(
        (await list(`q=${tag}&organisationId=${orgs.lichengSchool.id}`, 'platform')).total,
      ).toBe(0);
      const bad = await suite.http().get('/accounts?status=asleep').set(as('lixia')).expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    });
  });
});
