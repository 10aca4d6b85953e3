import { IsBoolean, IsInt, Min } from 'class-validator';
import { BaseConfig, brokersOf, EnvBoolean, loadConfig } from './index.js';

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
    expect(loadConfig(AppConfig, { NODE_ENV: 'production', JWT_SECRET: secret }).JWT_SECRET).toBe(
      secret,
    );
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig(AppConfig, { PORT: '' }).PORT).toBe(3000);
  });
});
