import { randomUUID } from 'node:crypto';
import { Agent } from 'node:http';
import jwt from 'jsonwebtoken';
import { Topics } from '@app/contracts';
import { createKafka } from '@app/messaging';
import { TopicRecorder, uniqueSuffix, waitFor } from '@app/testing';
import { AuthService } from '../../apps/directory/src/auth/auth.service.js';
import { signAccessToken, testEnv } from '../../scripts/test-infra.js';
import { DEMO, startSuite, type Suite } from '../harness.js';

interface Org {
  id: string;
  name: string;
  parentId: string | null;
  regionCode: string;
}

/** Issue 12, the directory's and the gateway's auth findings, each as a user would meet it. */
describe('security: organisation regions, lockout, revocation and 401 bodies', () => {
  let suite: Suite;
  let recorder: TopicRecorder;
  const run = uniqueSuffix();
  const tokens: Record<string, string> = {};
  const orgs: Record<string, Org> = {};
  // Every address of 127.0.0.0/8 is this machine: binding the client socket to one gives the
  // gateway a distinct client address (req.ip) without any proxy header.
  const agents: Agent[] = [];
  const from = (address: string): Agent => {
    const agent = new Agent({ localAddress: address, keepAlive: false });
    agents.push(agent);
    return agent;
  };
  const attacker = from('127.0.0.2');
  const owner = from('127.0.0.3');

  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const login = (email: string, password: string, agent?: Agent) => {
    const req = suite.http().post('/auth/login');
    return (agent ? req.agent(agent) : req).send({ email, password });
  };
  const withoutRequestId = (body: Record<string, unknown>) => {
    const { requestId, ...rest } = body;
    expect(typeof requestId).toBe('string');
    return rest;
  };
  const createAccount = async (email: string, role: string, organisationId: string) =>
    (
      await suite
        .http()
        .post('/accounts')
        .set(as('platform'))
        .send({ email, password: 'Right-Password-2026', displayName: '测试', role, organisationId })
        .expect(201)
    ).body as { id: string };

  beforeAll(async () => {
    suite = await startSuite({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    recorder = await new TopicRecorder(createKafka(testEnv.kafka, `it-security-${run}`), [
      Topics.events.sessionRevoked,
    ]).start();
    for (const [who, email] of [
      ['platform', DEMO.email],
      ['lixia', 'lixia.admin@studentpass.local'],
      ['teacher', 'teacher@studentpass.local'],
    ] as const) {
      tokens[who] = (await login(email, DEMO.password).expect(200)).body.accessToken as string;
    }
    const orgOf = async (id: string) =>
      (await suite.http().get(`/organisations/${id}`).set(as('platform')).expect(200)).body as Org;
    const me = async (who: string) =>
      (await suite.http().get('/me').set(as(who)).expect(200)).body as { organisationId: string };
    orgs.lixiaSchool = await orgOf((await me('teacher')).organisationId);
    orgs.lixia = await orgOf((await me('lixia')).organisationId);
    orgs.jinan = await orgOf(orgs.lixia.parentId!);
    expect(orgs.jinan.regionCode).toBe('370100');
    // A city bureau admin: the attacker of the region finding.
    const cityEmail = `city.${run}@bureau.example`;
    await createAccount(cityEmail, 'bureau_admin', orgs.jinan.id);
    tokens.city = (await login(cityEmail, 'Right-Password-2026').expect(200)).body
      .accessToken as string;
  });
  afterAll(async () => {
    agents.forEach((a) => a.destroy());
    await recorder.stop();
    await suite.close();
  });

  describe('organisation regions', () => {
    const countyBureau = (name: string, regionCode: string) => ({
      kind: 'bureau',
      level: 'county',
      name,
      parentId: orgs.jinan.id,
      regionCode,
    });
    const childrenNamed = async (name: string) =>
      (
        (
          await suite
            .http()
            .get(`/organisations?parentId=${orgs.jinan.id}&kind=bureau&pageSize=100`)
            .set(as('platform'))
            .expect(200)
        ).body.items as Org[]
      ).filter((o) => o.name === name);

    it('refuses a city admin a "county" bureau with the province code, and writes nothing', async () => {
      const name = `伪县教育局 ${run}`;
      const res = await suite
        .http()
        .post('/organisations')
        .set(as('city'))
        .send(countyBureau(name, '370000'))
        .expect(400);
      expect(res.body).toMatchObject({
        code: 'REGION_OUTSIDE_PARENT',
        details: { regionCode: '370000', parentRegionCode: '370100' },
      });
      expect(res.body.message).toContain('370000');
      expect(res.body.message).toContain('370100');
      expect(await childrenNamed(name)).toEqual([]);
    });

    it('refuses a county code of another city, and a city code for a county bureau', async () => {
      const otherCity = await suite
        .http()
        .post('/organisations')
        .set(as('city'))
        .send(countyBureau(`青岛市南 ${run}`, '370202'))
        .expect(400);
      expect(otherCity.body).toMatchObject({
        code: 'REGION_OUTSIDE_PARENT',
        details: { regionCode: '370202', parentRegionCode: '370100' },
      });
      const cityCode = await suite
        .http()
        .post('/organisations')
        .set(as('city'))
        .send(countyBureau(`城市码 ${run}`, '370100'))
        .expect(400);
      expect(cityCode.body).toMatchObject({
        code: 'REGION_LEVEL_MISMATCH',
        details: { regionCode: '370100', level: 'county', regionLevel: 'city' },
      });
      // A school lies in its bureau's region: not in the next county.
      const school = await suite
        .http()
        .post('/organisations')
        .set(as('lixia'))
        .send({
          kind: 'school',
          name: `越界学校 ${run}`,
          parentId: orgs.lixia.id,
          regionCode: '370112',
          stage: 'primary',
        })
        .expect(400);
      expect(school.body.code).toBe('REGION_OUTSIDE_PARENT');
    });

    it('creates a county bureau with a county code of its city', async () => {
      const name = `天桥区教育局 ${run}`;
      const res = await suite
        .http()
        .post('/organisations')
        .set(as('city'))
        .send(countyBureau(name, '370105'))
        .expect(201);
      expect(res.body).toMatchObject({
        kind: 'bureau',
        level: 'county',
        regionCode: '370105',
        parentId: orgs.jinan.id,
      });
      expect(await childrenNamed(name)).toHaveLength(1);
    });
  });

  describe('lockout per account and client address', () => {
    it('locks the guessing address out with the answer of a wrong password, never the owner elsewhere', async () => {
      const email = `victim.${run}@school.example`;
      const password = 'Right-Password-2026';
      const account = await createAccount(email, 'school_staff', orgs.lixiaSchool.id);
      const unknown = await login(`nobody.${run}@school.example`, password, attacker).expect(401);
      const refusal = withoutRequestId(unknown.body as Record<string, unknown>);
      expect(refusal).toEqual({ code: 'INVALID_CREDENTIALS', message: expect.any(String) });

      for (let i = 0; i < 5; i++) {
        const wrong = await login(email, 'Wrong-Password-1', attacker).expect(401);
        expect(withoutRequestId(wrong.body as Record<string, unknown>)).toEqual(refusal);
      }
      // The right password from the attacker's address: the same 401 as an unknown email.
      const locked = await login(email, password, attacker);
      expect(locked.status).toBe(401);
      expect(withoutRequestId(locked.body as Record<string, unknown>)).toEqual(refusal);

      // The owner, from another address, signs in as if nothing happened.
      const ownLogin = await login(email, password, owner).expect(200);
      await suite
        .http()
        .get('/me')
        .set('authorization', `Bearer ${ownLogin.body.accessToken}`)
        .expect(200);
      // …and that does not lift the attacker's lock.
      expect((await login(email, password, attacker)).status).toBe(401);

      // An unknown email never answers anything else, however often it is tried.
      for (let i = 0; i < 6; i++) {
        const again = await login(`nobody.${run}@school.example`, password, attacker);
        expect(again.status).toBe(401);
        expect(withoutRequestId(again.body as Record<string, unknown>)).toEqual(refusal);
      }

      // The admin sees the lock and lifts it: the attacker's address may try again.
      const seen = await suite.http().get(`/accounts/${account.id}`).set(as('lixia')).expect(200);
      expect(seen.body.lockedUntil).toEqual(expect.any(String));
      const unlocked = await suite
        .http()
        .post(`/accounts/${account.id}/unlock`)
        .set(as('lixia'))
        .expect(200);
      expect(unlocked.body.lockedUntil).toBeNull();
      await login(email, password, attacker).expect(200);
    });
  });

  describe('revocation of access tokens', () => {
    const me = (accessToken: string) =>
      suite.http().get('/me').set('authorization', `Bearer ${accessToken}`);
    const sidOf = (accessToken: string) => (jwt.decode(accessToken) as { sid: string }).sid;

    it('ends the access token at once on logout, and leaves the account’s other session alone', async () => {
      const session = (await login('teacher@studentpass.local', DEMO.password).expect(200)).body;
      const other = (await login('teacher@studentpass.local', DEMO.password).expect(200)).body;
      await me(session.accessToken).expect(200);
      await suite
        .http()
        .post('/auth/logout')
        .set('authorization', `Bearer ${session.accessToken}`)
        .send({ refreshToken: session.refreshToken })
        .expect(204);
      const after = await me(session.accessToken).expect(401);
      expect(withoutRequestId(after.body as Record<string, unknown>)).toEqual({
        code: 'UNAUTHENTICATED',
        message: expect.any(String),
      });
      await me(other.accessToken).expect(200);

      const [event] = await recorder.waitForCount((m) => m.key === sidOf(session.accessToken), 1);
      expect(JSON.parse(event.value!)).toMatchObject({
        type: Topics.events.sessionRevoked,
        producer: 'directory',
        payload: {
          sessionId: sidOf(session.accessToken),
          accountId: (jwt.decode(session.accessToken) as { sub: string }).sub,
          revokedAt: expect.any(String),
          expiresAt: expect.any(String),
        },
      });
    });

    it('ends the access tokens of a login whose refresh token was used twice', async () => {
      const first = (await login('teacher@studentpass.local', DEMO.password).expect(200)).body;
      const other = (await login('teacher@studentpass.local', DEMO.password).expect(200)).body;
      const second = (
        await suite
          .http()
          .post('/auth/refresh')
          .send({ refreshToken: first.refreshToken })
          .expect(200)
      ).body;
      expect(sidOf(second.accessToken)).toBe(sidOf(first.accessToken));
      await me(second.accessToken).expect(200);
      const reused = await suite
        .http()
        .post('/auth/refresh')
        .send({ refreshToken: first.refreshToken })
        .expect(401);
      expect(reused.body.code).toBe('REFRESH_TOKEN_REUSED');
      // The revocation travels through the outbox and Kafka to the gateway.
      await waitFor(async () => (await me(second.accessToken)).status === 401, {
        timeoutMs: 10_000,
        what: 'the reused login’s access token refused',
      });
      await me(first.accessToken).expect(401);
      await me(other.accessToken).expect(200);
    });

    it('leaves no live token in a login whose reuse races a refresh', async () => {
      // Straight to the directory's service, so that both run at once on two connections.
      const auth = suite.directory!.get(AuthService);
      const refuse = (e: unknown) => (e as { code: string }).code;
      for (let round = 0; round < 10; round++) {
        const first = (await login('teacher@studentpass.local', DEMO.password).expect(200)).body;
        const second = await auth.refresh(first.refreshToken);
        // The owner refreshes with the newest token while a thief replays the old one.
        const [owner, thief] = await Promise.allSettled([
          auth.refresh(second.refreshToken),
          auth.refresh(first.refreshToken),
        ]);
        expect(thief.status === 'rejected' && refuse(thief.reason)).toBe('REFRESH_TOKEN_REUSED');
        if (owner.status !== 'fulfilled') continue;
        const after = await auth.refresh(owner.value.refreshToken).catch(refuse);
        expect({ round, after }).toEqual({ round, after: 'REFRESH_TOKEN_REUSED' });
      }
    });

    it('still accepts tokens without a session id', async () => {
      const token = signAccessToken(suite.gatewayConfig.JWT_SECRET, {
        role: 'platform_admin',
        org: null,
      });
      await suite.http().get('/organisations').set('authorization', `Bearer ${token}`).expect(200);
    });
  });

  describe('401 bodies', () => {
    it('answers every refused token with one body that names no library reason', async () => {
      const claims = { sub: randomUUID(), role: 'platform_admin', org: null };
      const secret = suite.gatewayConfig.JWT_SECRET;
      const tokensToRefuse = {
        expired: jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 10 }, secret),
        malformed: 'not-a-jwt',
        wronglySigned: jwt.sign(claims, 'some-other-secret-0123456789abcdef', { expiresIn: 60 }),
        unsigned: `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`,
      };
      const bodies: Record<string, unknown>[] = [];
      for (const token of Object.values(tokensToRefuse)) {
        const res = await suite.http().get('/me').set('authorization', `Bearer ${token}`);
        expect(res.status).toBe(401);
        bodies.push(res.body as Record<string, unknown>);
      }
      const missing = await suite.http().get('/me').expect(401);
      bodies.push(missing.body as Record<string, unknown>);
      const expected = withoutRequestId(bodies[0]);
      expect(expected).toEqual({ code: 'UNAUTHENTICATED', message: expect.any(String) });
      for (const body of bodies) {
        expect(withoutRequestId(body)).toEqual(expected);
        expect(JSON.stringify(body)).not.toMatch(/jwt|signature|expired|malformed|auth token/i);
      }
    });
  });
});
