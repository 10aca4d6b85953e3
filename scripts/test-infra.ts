import { execFileSync } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { adminKafka, prepareInfrastructure, serviceMysqlUrl } from './prepare.js';

/**
 * Where the tests find their infrastructure. Tests use their own broker port and their own
 * database prefix, so a suite started with `npm start` on the same machine is left alone.
 */
export const testEnv = {
  kafkaPort: Number(process.env.TEST_KAFKA_PORT ?? 19092),
  get brokers(): string[] {
    return [`127.0.0.1:${this.kafkaPort}`];
  },
  /** The test broker as its `admin` principal, for the tests' own clients (recorders, scans). */
  get kafka() {
    return adminKafka(this.brokers);
  },
  mysqlUrl: process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306',
  dbPrefix: process.env.TEST_DB_PREFIX ?? 'studentpass_test_',
};

/**
 * The env an app would read, for the test infrastructure. With `service`, MYSQL_URL is that
 * service's own MySQL user (made by `prepareInfrastructure`), as `npm start` runs it.
 */
export function testAppEnv(
  extra: Record<string, string> = {},
  service?: string,
): Record<string, string> {
  const settings = { MYSQL_URL: testEnv.mysqlUrl, DB_PREFIX: testEnv.dbPrefix };
  return {
    KAFKA_BROKERS: testEnv.brokers.join(','),
    MYSQL_URL: service ? serviceMysqlUrl(settings, service) : testEnv.mysqlUrl,
    DB_PREFIX: testEnv.dbPrefix,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    JWT_SECRET: 'test-secret-0123456789abcdef0123456789',
    // A busy 2-core machine answers slowly at times: a test waits rather than reading a 504
    // as a failure (the specs about timeouts set their own).
    REQUEST_TIMEOUT_MS: '15000',
    // The suite runs on either Kafka client (docs/architecture.md, Kafka client).
    ...(process.env.KAFKA_CLIENT ? { KAFKA_CLIENT: process.env.KAFKA_CLIENT } : {}),
    ...extra,
  };
}

/**
 * Before integration and end-to-end tests: a real Kafka broker on the test port (reused if
 * one answers there, started from the cached Maven jars otherwise), every topic, and the
 * test databases migrated. MariaDB/MySQL must be running; .ci/run makes sure it is.
 */
export async function prepareTestInfrastructure(): Promise<void> {
  const script = fileURLToPath(new URL('../../deploy/local/kafka.sh', import.meta.url));
  execFileSync('bash', [script, 'start'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, KAFKA_PORT: String(testEnv.kafkaPort) },
  });
  await prepareInfrastructure({
    kafka: testEnv.kafka,
    MYSQL_URL: testEnv.mysqlUrl,
    DB_PREFIX: testEnv.dbPrefix,
  });
}

/**
 * An access token signed with the gateway's secret (HS256), as the directory would issue it,
 * for tests and benchmarks that need many users without creating accounts: a fresh `sub`,
 * the given claims (`role`, `org`, optionally `stu`), valid for `ttlSeconds`.
 */
export function signAccessToken(
  secret: string,
  claims: { role: string; org: string | null; stu?: string | null },
  ttlSeconds = 900,
): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const body = { sub: randomUUID(), ...claims, iat: now, exp: now + ttlSeconds };
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(body)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}
