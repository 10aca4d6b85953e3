import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { loadConfig } from '@app/config';
import type { RosterImportJobView } from '@app/contracts';
import { uniqueSuffix, waitFor } from '@app/testing';
import { addDays, shanghaiDateOf } from '@app/time';
import { GatewayConfig } from '../../apps/gateway/src/config.js';
import { createGateway } from '../../apps/gateway/src/gateway.bootstrap.js';
import { HealthService } from '../../apps/gateway/src/health/health.service.js';
import { testAppEnv } from '../../scripts/test-infra.js';
import { DEMO, loginAsDemoAdmin, startSuite, type Suite } from '../harness.js';

/** The server's bounds in this file: short, so a stalled client is seen to be cut off. */
const HEADERS_TIMEOUT_MS = 1_000;
const REQUEST_TIMEOUT_MS = 1_500;
const LOGIN_LIMIT = 20;

/** `{"a":[{"a":[ ... ]}]}`, `levels` containers deep. */
const deepJson = (levels: number): string => {
  let open = '';
  let close = '';
  for (let i = 0; i < levels; i++) {
    open += i % 2 === 0 ? '{"a":' : '[';
    close = (i % 2 === 0 ? '}' : ']') + close;
  }
  return `${open}1${close}`;
};

interface RawExchange {
  /** Everything the server sent. */
  received: string;
  /** When the server closed the connection, in ms after the request was written; null if it did not. */
  closedAfterMs: number | null;
  /** When the first bytes of an answer came, in ms; null if none came. */
  answeredAfterMs: number | null;
}

/** Writes `text` on a raw connection, then waits up to `waitMs` for the server to close it. */
function rawExchange(port: number, text: string, waitMs: number): Promise<RawExchange> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let started = 0;
    let answeredAfterMs: number | null = null;
    const giveUp = setTimeout(() => {
      socket.destroy();
      resolve({ received, closedAfterMs: null, answeredAfterMs });
    }, waitMs);
    socket.on('connect', () => {
      started = performance.now();
      socket.write(text);
    });
    socket.on('data', (data: Buffer) => {
      answeredAfterMs ??= performance.now() - started;
      received += data.toString('latin1');
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(giveUp);
      resolve({ received, closedAfterMs: performance.now() - started, answeredAfterMs });
    });
    socket.on('timeout', () => reject(new Error('socket timeout')));
  });
}

describe('hostile input at the gateway (limits, timeouts, control characters, proxies, CSV, caching, aid dates)', () => {
  let suite: Suite;
  let port: number;
  const run = uniqueSuffix();
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const http = () => suite.http();

  beforeAll(async () => {
    suite = await startSuite({
      HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
      HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
      LOGIN_RATE_LIMIT_PER_MINUTE: String(LOGIN_LIMIT),
    });
    // Listening on a port of its own, for the raw-socket tests; supertest uses it too.
    const server = suite.gateway.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    tokens.platform = await loginAsDemoAdmin(suite);
    for (const [who, email] of [
      ['teacher', 'teacher@studentpass.local'],
      ['careers', 'careers@studentpass.local'],
    ]) {
      const login = await http().post('/auth/login').send({ email, password: DEMO.password });
      expect(login.status).toBe(200);
      tokens[who] = login.body.accessToken;
    }
  });
  afterAll(async () => {
    await suite?.close();
  });

  describe('error messages in the language asked for', () => {
    it('tells errors in Chinese by default, in English on Accept-Language: en, with the same code and details', async () => {
      const server = suite.gateway.getHttpServer();
      const body = { email: 'nobody@example.org', password: 'Wrong-Password-1' };
      const chinese = await request(server).post('/auth/login').send(body).expect(401);
      expect(chinese.headers['content-language']).toBe('zh-CN');
      expect(chinese.body).toMatchObject({
        code: 'INVALID_CREDENTIALS',
        message: '邮箱或密码不正确',
      });

      const english = await request(server)
        .post('/auth/login')
        .set('accept-language', 'en-GB,en;q=0.9,zh;q=0.5')
        .send(body)
        .expect(401);
      expect(english.headers['content-language']).toBe('en');
      expect(english.body.code).toBe('INVALID_CREDENTIALS');
      expect(english.body.message).toMatch(/[A-Za-z]/);
      expect(english.body.message).not.toMatch(/[\u4e00-\u9fff]/);

      const invalid = await request(server)
        .post('/roster/classes')
        .set(as('teacher'))
        .set('accept-language', 'fr-FR, zh-TW;q=0.8')
        .send({ grade: 'x' })
        .expect(400);
      expect(invalid.body.code).toBe('VALIDATION_FAILED');
      expect(invalid.body.message).toBe('请求中有字段不符合要求，请按提示修改');
      expect(invalid.body.details.fields.length).toBeGreaterThan(0);
    });
  });

  describe('size, depth and time limits', () => {
    it('answers JSON nested 2,000 deep with 400 MALFORMED_REQUEST, on login and on a signed-in route', async () => {
      const login = await http()
        .post('/auth/login')
        .set('content-type', 'application/json')
        .send(`{"email":"a@b.cn","password":${deepJson(2_000)}}`);
      expect(login.status).toBe(400);
      expect(login.body).toMatchObject({ code: 'MALFORMED_REQUEST', details: { maxDepth: 32 } });

      const enrol = await http()
        .post('/roster/students')
        .set(as('teacher'))
        .set('content-type', 'application/json')
        .send(`{"name":${deepJson(2_000)}}`);
      expect(enrol.status).toBe(400);
      expect(enrol.body.code).toBe('MALFORMED_REQUEST');
    });

    it('answers a 2 MB JSON body with 413 PAYLOAD_TOO_LARGE', async () => {
      const res = await http()
        .post('/organisations')
        .set(as('platform'))
        .set('content-type', 'application/json')
        .send(JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }));
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
        details: { limitBytes: 1024 * 1024 },
      });
    });

    it('answers a body announced as 50 MB with 413 at once, and closes the connection in bounded time', async () => {
      const exchange = await rawExchange(
        port,
        'POST /auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
          'Content-Length: 52428800\r\n\r\n{"em',
        REQUEST_TIMEOUT_MS + 4_000,
      );
      expect(exchange.received).toMatch(/^HTTP\/1\.1 413 /);
      expect(exchange.received).toContain('PAYLOAD_TOO_LARGE');
      expect(exchange.answeredAfterMs).toBeLessThan(1_000);
      expect(exchange.closedAfterMs).not.toBeNull();
      expect(exchange.closedAfterMs).toBeLessThan(REQUEST_TIMEOUT_MS + 2_000);
    });

    it('closes a connection whose body stalls (408) and one whose headers never end', async () => {
      const stalledBody = await rawExchange(
        port,
        'POST /auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
          'Content-Length: 100\r\n\r\n{"em',
        REQUEST_TIMEOUT_MS + 4_000,
      );
      expect(stalledBody.closedAfterMs).not.toBeNull();
      expect(stalledBody.closedAfterMs).toBeLessThan(REQUEST_TIMEOUT_MS + 2_000);
      expect(stalledBody.received).toMatch(/^HTTP\/1\.1 408 /);

      const stalledHeaders = await rawExchange(
        port,
        'GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Slow: ',
        HEADERS_TIMEOUT_MS + 4_000,
      );
      expect(stalledHeaders.closedAfterMs).not.toBeNull();
      expect(stalledHeaders.closedAfterMs).toBeLessThan(HEADERS_TIMEOUT_MS + 2_000);
    });
  });

  describe('control and bidi characters', () => {
    it('refuses a name holding a right-to-left override or a NUL, naming the field', async () => {
      const classes = await http().get('/roster/classes').set(as('teacher')).expect(200);
      const classId = (classes.body.items as { id: string }[])[0].id;
      for (const name of ['\u202Eevil.exe', '王\u0000小明']) {
        const res = await http()
          .post('/roster/students')
          .set(as('teacher'))
          .send({
            classId,
            studentNumber: `SEC${run}`.slice(0, 32),
            name,
            gender: 'male',
            dateOfBirth: '2017-05-14',
          });
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect(res.body.details.fields).toEqual([
          {
            field: 'name',
            errors: [expect.stringContaining('control or bidirectional formatting characters')],
          },
        ]);
      }
      const listed = await http()
        .get(`/roster/students?classId=${classId}&pageSize=100`)
        .set(as('teacher'))
        .expect(200);
      expect(JSON.stringify(listed.body)).not.toContain(`SEC${run}`);
    });

    it('rejects a roster CSV row whose name holds a bidi override, with its reason', async () => {
      const classes = await http().get('/roster/classes').set(as('teacher')).expect(200);
      const demoClass = (
        classes.body.items as { schoolId: string; schoolYear: string; name: string }[]
      )[0];
      const file = Buffer.from(
        'student_number,name,gender,date_of_birth,class_name\n' +
          `CSV${run},\u202Eevil,male,2017-05-14,${demoClass.name}\n`,
      );
      const started = await http()
        .post(`/roster/imports?schoolId=${demoClass.schoolId}&schoolYear=${demoClass.schoolYear}`)
        .set(as('teacher'))
        .set('content-type', 'text/csv')
        .send(file);
      expect(started.status).toBe(202);
      const job = await waitFor(
        async () => {
          const res = await http().get(`/roster/imports/${started.body.id}`).set(as('teacher'));
          const view = res.body as RosterImportJobView;
          return view.status === 'done' || view.status === 'failed' ? view : undefined;
        },
        { timeoutMs: 30_000, what: 'the import to end' },
      );
      expect(job).toMatchObject({
        status: 'done',
        counts: { created: 0, rejected: 1 },
        rejected: {
          items: [
            {
              line: 2,
              code: 'INVALID_NAME',
              reason: expect.stringContaining('control or bidirectional formatting characters'),
            },
          ],
        },
      });
    });

    it('names the nested field, and refuses such characters in a query string too', async () => {
      const nested = await http()
        .post('/auth/login')
        .send({ email: 'a@b.cn', password: 'x', extra: { list: ['ok', 'a\u2066b'] } });
      expect(nested.status).toBe(400);
      expect(nested.body.details.fields).toEqual([
        { field: 'extra.list.1', errors: [expect.stringContaining('(found U+2066)')] },
      ]);

      const query = await http()
        .get('/roster/students?pageSize=10&classId=%E2%80%AE')
        .set(as('teacher'));
      expect(query.status).toBe(400);
      expect(query.body.details.fields).toEqual([
        { field: 'classId', errors: [expect.stringContaining('(found U+202E)')] },
      ]);
    });
  });

  describe('CSV exports and caching', () => {
    it('writes a rule named like a formula as text in the CSV report', async () => {
      const area = '370199';
      const rule = await http().post('/quotas/rules').set(as('platform')).send({
        name: '=HYPERLINK("http://x")',
        kind: 'film',
        period: 'term',
        minimum: 1,
        areaCode: area,
      });
      expect(rule.status).toBe(201);
      const csv = await http()
        .get(
          `/quotas/reports/compliance?ruleId=${rule.body.id}&period=2026-2027-T1&areaCode=${area}&format=csv`,
        )
        .set(as('platform'));
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      const summary = csv.text.replace(/^\uFEFF/, '').split('\r\n')[1];
      expect(summary.startsWith(`"'=HYPERLINK(""http://x"")",`)).toBe(true);
    });

    it('sends Cache-Control: no-store on sensitive reads and every signed-in answer, not on the docs', async () => {
      const students = await http().get('/roster/students').set(as('teacher')).expect(200);
      const studentId = (students.body.items as { id: string }[])[0].id;
      const nationalId = await http()
        .get(`/roster/students/${studentId}/sensitive`)
        .set(as('teacher'));
      expect(nationalId.status).toBe(200);
      expect(nationalId.headers['cache-control']).toBe('no-store');

      const graduates = await http().get('/employment-aid/graduates').set(as('careers'));
      const graduateId = (graduates.body.items as { id: string }[])[0].id;
      const categories = await http()
        .get(`/employment-aid/graduates/${graduateId}/sensitive`)
        .set(as('careers'));
      expect(categories.status).toBe(200);
      expect(categories.headers['cache-control']).toBe('no-store');

      const me = await http().get('/me').set(as('teacher')).expect(200);
      expect(me.headers['cache-control']).toBe('no-store');
      const denied = await http().get('/me').expect(401);
      expect(denied.headers['cache-control']).toBe('no-store');
      const docs = await http().get('/docs/json').expect(200);
      expect(docs.headers['cache-control']).toBeUndefined();
    });
  });

  describe('dates of support sessions and outcomes', () => {
    let graduate: { id: string; registeredAt: string };
    const session = (occurredAt: string) => ({
      occurredAt,
      channel: 'phone',
      durationMinutes: 20,
      contactMade: true,
      notes: `日期检查 ${run}`,
    });

    beforeAll(async () => {
      const res = await http().get('/employment-aid/graduates?pageSize=100').set(as('careers'));
      expect(res.status).toBe(200);
      graduate = (res.body.items as { id: string; name: string; registeredAt: string }[]).find(
        (g) => g.name === '李明',
      ) as { id: string; registeredAt: string };
      expect(graduate).toBeDefined();
    });

    it('refuses a session dated after today or before the graduate was registered', async () => {
      const today = shanghaiDateOf(new Date());
      const ahead = await http()
        .post(`/employment-aid/graduates/${graduate.id}/sessions`)
        .set(as('careers'))
        .send(session(`${addDays(today, 2)}T10:00:00+08:00`));
      expect(ahead.status).toBe(400);
      expect(ahead.body).toMatchObject({
        code: 'SESSION_DATE_IN_FUTURE',
        details: { field: 'occurredAt' },
      });

      const registeredOn = shanghaiDateOf(new Date(graduate.registeredAt));
      const before = await http()
        .post(`/employment-aid/graduates/${graduate.id}/sessions`)
        .set(as('careers'))
        .send(session(`${addDays(registeredOn, -1)}T10:00:00+08:00`));
      expect(before.status).toBe(400);
      expect(before.body).toMatchObject({
        code: 'DATE_BEFORE_REGISTRATION',
        details: { field: 'occurredAt', registeredOn },
      });

      const sessions = await http()
        .get(`/employment-aid/graduates/${graduate.id}/sessions?pageSize=100`)
        .set(as('careers'))
        .expect(200);
      expect(JSON.stringify(sessions.body)).not.toContain(`日期检查 ${run}`);
    });

    it('refuses an employment start in 2030 or before registration', async () => {
      const future = await http()
        .post(`/employment-aid/graduates/${graduate.id}/outcomes`)
        .set(as('careers'))
        .send({ kind: 'employed', employer: `未来公司 ${run}`, startDate: '2030-01-02' });
      expect(future.status).toBe(400);
      expect(future.body).toMatchObject({
        code: 'OUTCOME_DATE_IN_FUTURE',
        details: { field: 'startDate' },
      });
      const before = await http()
        .post(`/employment-aid/graduates/${graduate.id}/outcomes`)
        .set(as('careers'))
        .send({ kind: 'employed', employer: `过去公司 ${run}`, startDate: '2020-01-02' });
      expect(before.status).toBe(400);
      expect(before.body.code).toBe('DATE_BEFORE_REGISTRATION');
      const outcomes = await http()
        .get(`/employment-aid/graduates/${graduate.id}/outcomes`)
        .set(as('careers'))
        .expect(200);
      expect(JSON.stringify(outcomes.body)).not.toContain(`公司 ${run}`);
    });
  });

  // Last: it spends this gateway's login bucket for the minute.
  describe('client addresses and rate limits', () => {
    const attempt = (agent: () => request.Test, forwardedFor: string) =>
      agent()
        .set('x-forwarded-for', forwardedFor)
        .send({ email: `nobody.${run}@example.org`, password: 'not-the-password' });

    it('ignores X-Forwarded-For by default: 30 spoofed addresses share one login bucket', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) {
        const res = await attempt(() => http().post('/auth/login'), `198.51.100.${i + 1}`);
        statuses.push(res.status);
      }
      const firstLimited = statuses.indexOf(429);
      expect(firstLimited).toBeGreaterThan(0);
      // The logins of beforeAll came from the same address and count too.
      expect(firstLimited).toBeLessThanOrEqual(LOGIN_LIMIT);
      expect(statuses.slice(firstLimited).every((s) => s === 429)).toBe(true);
      expect(statuses.slice(0, firstLimited).every((s) => s === 401)).toBe(true);
    });

    describe('behind a trusted proxy (TRUSTED_PROXIES=127.0.0.1)', () => {
      let proxied: NestExpressApplication;

      beforeAll(async () => {
        // A second gateway, with its own reply group so the first keeps its partitions.
        const config = loadConfig(
          GatewayConfig,
          testAppEnv({
            TRUSTED_PROXIES: '127.0.0.1',
            LOGIN_RATE_LIMIT_PER_MINUTE: String(LOGIN_LIMIT),
            GATEWAY_GROUP_ID: `gateway-proxied-${run}`,
          }),
        );
        proxied = await createGateway(config);
        await proxied.init();
        const health = proxied.get(HealthService);
        await waitFor(async () => (await health.readiness()).ready, {
          timeoutMs: 30_000,
          what: 'the proxied gateway',
        });
      });
      afterAll(async () => {
        await proxied?.close();
      });

      it('gives each forwarded client its own bucket', async () => {
        const agent = () => request(proxied.getHttpServer()).post('/auth/login');
        const statuses: number[] = [];
        for (let i = 0; i <= LOGIN_LIMIT; i++) {
          statuses.push((await attempt(agent, '203.0.113.7')).status);
        }
        expect(statuses.slice(0, LOGIN_LIMIT).every((s) => s === 401)).toBe(true);
        expect(statuses[LOGIN_LIMIT]).toBe(429);
        // Another client behind the same proxy is not held up by the first one's attempts.
        const other = await attempt(agent, '203.0.113.8');
        expect(other.status).toBe(401);
        // A client cannot pick its bucket by prepending addresses: the proxy's entry counts.
        const prepended = await attempt(agent, '10.9.8.7, 203.0.113.7');
        expect(prepended.status).toBe(429);
      });
    });
  });
});
