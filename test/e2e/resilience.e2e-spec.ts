import { loginAsDemoAdmin, startSuite, type Suite } from '../harness.js';

const TIMEOUT_MS = 1500;

describe('when the directory service is down', () => {
  let suite: Suite;
  let token: string;

  beforeAll(async () => {
    suite = await startSuite({
      REQUEST_TIMEOUT_MS: String(TIMEOUT_MS),
      READINESS_TIMEOUT_MS: '500',
    });
    token = await loginAsDemoAdmin(suite);
  });
  afterAll(async () => {
    await suite.close();
  });

  it('answers 504 UPSTREAM_TIMEOUT within the timeout instead of hanging, and is not ready', async () => {
    await suite.stopDirectory();
    const started = Date.now();
    const res = await suite.http().get('/me').set('authorization', `Bearer ${token}`);
    const elapsed = Date.now() - started;
    expect(res.status).toBe(504);
    expect(res.body).toMatchObject({
      code: 'UPSTREAM_TIMEOUT',
      details: { command: 'directory.accounts.me' },
    });
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 1000);

    const ready = await suite.http().get('/health/ready').expect(503);
    expect(ready.body).toMatchObject({
      code: 'NOT_READY',
      details: { ready: false, checks: { kafka: 'up', directory: 'down' } },
    });
    await suite.http().get('/health/live').expect(200);
  });

  it('serves again once the directory is back, and drops the requests nobody waits for any more', async () => {
    await suite.startDirectory();
    await suite.waitUntilReady();
    const res = await suite.http().get('/me').set('authorization', `Bearer ${token}`).expect(200);
    expect(res.body.role).toBe('platform_admin');
  });
});
