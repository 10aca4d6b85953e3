import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { DEMO, loginAsDemoAdmin, startSuite, type Suite } from '../harness.js';

describe('auth and the walking skeleton (gateway → Kafka → directory → MySQL)', () => {
  let suite: Suite;

  beforeAll(async () => {
    suite = await startSuite();
  });
  afterAll(async () => {
    await suite.close();
  });

  it('logs in the demo admin and answers /me with the account from the database', async () => {
    const login = await suite.http().post('/auth/login').send(DEMO).expect(200);
    expect(login.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const me = await suite
      .http()
      .get('/me')
      .set('authorization', `Bearer ${login.body.accessToken}`)
      .expect(200);
    expect(me.body).toMatchObject({
      email: DEMO.email,
      role: 'platform_admin',
      organisationId: null,
    });
    expect(me.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(me.body).not.toHaveProperty('passwordHash');
  });

  it('answers a wrong password with 401 INVALID_CREDENTIALS, and an unknown email the same way', async () => {
    const wrong = await suite
      .http()
      .post('/auth/login')
      .send({ ...DEMO, password: 'not-the-password' })
      .expect(401);
    expect(wrong.body).toMatchObject({ code: 'INVALID_CREDENTIALS', message: expect.any(String) });
    const unknown = await suite
      .http()
      .post('/auth/login')
      .send({ email: 'nobody@example.org', password: 'x' })
      .expect(401);
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('answers a malformed body with 400 and the errors of each field', async () => {
    const res = await suite
      .http()
      .post('/auth/login')
      .send({ email: 'not-an-email', extra: 1 })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = (res.body.details.fields as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['email', 'extra', 'password']);
  });

  it('answers broken JSON with 400 MALFORMED_REQUEST', async () => {
    const res = await suite
      .http()
      .post('/auth/login')
      .set('content-type', 'application/json')
      .send('{"email": "a@b.c", ')
      .expect(400);
    expect(res.body.code).toBe('MALFORMED_REQUEST');
  });

  it('answers a missing, forged or expired token with 401 UNAUTHENTICATED', async () => {
    const missing = await suite.http().get('/me').expect(401);
    expect(missing.body.code).toBe('UNAUTHENTICATED');

    const claims = { sub: randomUUID(), role: 'platform_admin', org: null };
    const forged = jwt.sign(claims, 'some-other-secret-0123456789abcdef', { expiresIn: 60 });
    const forgedRes = await suite
      .http()
      .get('/me')
      .set('authorization', `Bearer ${forged}`)
      .expect(401);
    expect(forgedRes.body.code).toBe('UNAUTHENTICATED');

    const expired = jwt.sign(
      { ...claims, exp: Math.floor(Date.now() / 1000) - 10 },
      suite.gatewayConfig.JWT_SECRET,
    );
    const expiredRes = await suite
      .http()
      .get('/me')
      .set('authorization', `Bearer ${expired}`)
      .expect(401);
    // Why a token was refused goes to the log, not to the caller.
    expect(expiredRes.body).toEqual({
      code: 'UNAUTHENTICATED',
      message: forgedRes.body.message,
      requestId: expect.any(String),
    });
  });

  it('answers a valid token for an account that no longer exists with 404 ACCOUNT_NOT_FOUND', async () => {
    const token = jwt.sign(
      { sub: randomUUID(), role: 'student', org: null },
      suite.gatewayConfig.JWT_SECRET,
      { expiresIn: 60 },
    );
    const res = await suite.http().get('/me').set('authorization', `Bearer ${token}`).expect(404);
    expect(res.body.code).toBe('ACCOUNT_NOT_FOUND');
  });

  it('answers an unknown route with 404 ROUTE_NOT_FOUND', async () => {
    const res = await suite.http().get('/no/such/route').expect(404);
    expect(res.body).toMatchObject({
      code: 'ROUTE_NOT_FOUND',
      message: 'No route GET /no/such/route',
    });
  });

  it('echoes a caller X-Request-Id, and makes one up otherwise', async () => {
    const token = await loginAsDemoAdmin(suite);
    const given = await suite
      .http()
      .get('/me')
      .set('authorization', `Bearer ${token}`)
      .set('x-request-id', 'trace-abc-123');
    expect(given.headers['x-request-id']).toBe('trace-abc-123');
    const made = await suite.http().get('/no/such/route');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(made.body.requestId).toBe(made.headers['x-request-id']);
  });

  it('sets the security headers of helmet', async () => {
    const res = await suite.http().get('/health/live').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
