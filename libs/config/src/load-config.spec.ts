import { IsBoolean, IsInt, Min } from 'class-validator';
import {
  BaseConfig,
  brokersOf,
  DevSecrets,
  EnvBoolean,
  isCommittedSecret,
  kafkaOf,
  loadConfig,
} from './index.js';

class SeedingConfig extends BaseConfig {
  @EnvBoolean()
  @IsBoolean()
  SEED_DEMO: boolean = false;
}

/** A production env that passes, to change one variable at a time. */
const production = {
  NODE_ENV: 'production',
  JWT_SECRET: 'a-production-secret-of-more-than-32-chars',
  KAFKA_PASSWORD: 'a-production-kafka-password',
};

class AppConfig extends BaseConfig {
  @IsInt()
  @Min(1)
  PORT: number = 3000;

  @EnvBoolean()
  @IsBoolean()
  FLAG: boolean = false;
}

describe('loadConfig', () => {
  it('applies defaults and converts env strings to numbers and booleans', () => {
    const config = loadConfig(AppConfig, { PORT: '8080', FLAG: 'true', KAFKA_BROKERS: 'a:1,b:2' });
    expect(config.PORT).toBe(8080);
    expect(config.FLAG).toBe(true);
    expect(config.REQUEST_TIMEOUT_MS).toBe(5000);
    expect(brokersOf(config)).toEqual(['a:1', 'b:2']);
    expect(loadConfig(AppConfig, { FLAG: '0' }).FLAG).toBe(false);
  });

  it('fails with one message naming every bad variable', () => {
    const message = (() => {
      try {
        loadConfig(AppConfig, { PORT: 'abc', FLAG: 'maybe', MYSQL_URL: 'postgres://x' });
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(/^Invalid configuration \(AppConfig\):/);
    for (const name of ['PORT', 'FLAG', 'MYSQL_URL'])
      expect(message).toMatch(new RegExp(`\n  ${name}: `));
  });

  it('refuses the development JWT secret in production', () => {
    expect(() => loadConfig(AppConfig, { NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    const secret = 'x'.repeat(40);
    expect(loadConfig(AppConfig, { ...production, JWT_SECRET: secret }).JWT_SECRET).toBe(secret);
  });

  it('refuses in production every secret that was ever committed, in any variable or URL', () => {
    const refusal = (env: Record<string, string>) => {
      try {
        loadConfig(AppConfig, { ...production, ...env });
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(refusal({})).toBe('');
    // the JWT secret docker-compose.yml once carried, and the tests' own
    expect(refusal({ JWT_SECRET: 'change-me-in-production-0123456789abcdef' })).toMatch(
      /JWT_SECRET: committed/,
    );
    expect(refusal({ JWT_SECRET: 'test-secret-0123456789abcdef0123456789' })).toMatch(/JWT_SECRET/);
    expect(refusal({ MYSQL_URL: 'mysql://root:studentpass@mysql:3306' })).toMatch(/MYSQL_URL/);
    expect(refusal({ KAFKA_PASSWORD: DevSecrets.kafkaPassword('venues') })).toMatch(
      /KAFKA_PASSWORD: committed/,
    );
    expect(refusal({ KAFKA_PASSWORD: '' })).toMatch(/KAFKA_PASSWORD: must be set/);
    // Demo data and its published passwords are never seeded in production.
    expect(() => loadConfig(SeedingConfig, { ...production, SEED_DEMO: 'true' })).toThrow(
      /SEED_DEMO/,
    );
    expect(loadConfig(SeedingConfig, { ...production, SEED_DEMO: 'false' }).SEED_DEMO).toBe(false);
    expect(isCommittedSecret('mysql://u:' + encodeURIComponent('s3cr3t/x') + '@h:1')).toBe(false);
  });

  it('authenticates to the broker as the app itself, with the development password by default', () => {
    expect(kafkaOf(loadConfig(AppConfig, {}), 'venues')).toEqual({
      brokers: ['127.0.0.1:9092'],
      client: 'platformatic',
      sasl: { mechanism: 'scram-sha-256', username: 'venues', password: 'dev-only-kafka-venues' },
    });
    const config = loadConfig(AppConfig, { KAFKA_USERNAME: 'v2', KAFKA_PASSWORD: 'pw' });
    expect(kafkaOf(config, 'venues').sasl).toMatchObject({ username: 'v2', password: 'pw' });
    expect(kafkaOf(loadConfig(AppConfig, { KAFKA_SASL_MECHANISM: 'none' }), 'x').sasl).toBe(
      undefined,
    );
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig(AppConfig, { PORT: '' }).PORT).toBe(3000);
  });
});
