import { plainToInstance, Transform } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '@app/errors';
import { committedSecretsIn } from './committed-secrets.js';
import { BaseConfig } from './shared-config.js';

type ConfigClass<T> = new () => T;

/**
 * Reads and validates env variables into a typed config object, failing fast at boot with
 * one readable message that names every bad variable. Defaults live on the class.
 */
export function loadConfig<T extends object>(
  cls: ConfigClass<T>,
  env: Record<string, string | undefined> = process.env,
): T {
  const defined = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const config = plainToInstance(cls, defined, { enableImplicitConversion: true });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = flattenValidationErrors(errors).map(
      (f) => `  ${f.field}: ${f.errors.join('; ')}`,
    );
    throw new Error(`Invalid configuration (${cls.name}):\n${lines.join('\n')}`);
  }
  if (config instanceof BaseConfig && env.NODE_ENV === 'production') refuseUnsafeProduction(config);
  return config;
}

/** Env booleans: `true`/`1`/`yes` and `false`/`0`/`no`; anything else fails validation. */
export function EnvBoolean(): PropertyDecorator {
  // Reads the raw variable: implicit conversion would already have made 'false' true.
  return Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
    const value = obj[key];
    if (typeof value === 'boolean') return value;
    const text = String(value).toLowerCase();
    if (['true', '1', 'yes'].includes(text)) return true;
    if (['false', '0', 'no'].includes(text)) return false;
    return value;
  });
}

/**
 * Production refuses the settings that are fine on a laptop: any secret that was ever
 * committed to the repository (the development defaults included), a short JWT secret, a
 * broker without authentication unless asked for, a broker password left unset, and demo data.
 */
function refuseUnsafeProduction(config: BaseConfig): void {
  const problems: string[] = [];
  const committed = committedSecretsIn(config);
  if (committed.length > 0) {
    problems.push(
      `${committed.join(', ')}: committed to the repository (a development default); set values of your own`,
    );
  }
  if (config.JWT_SECRET.length < 32) problems.push('JWT_SECRET: needs 32+ characters');
  if (config.KAFKA_SASL_MECHANISM !== 'none' && !config.KAFKA_PASSWORD) {
    problems.push('KAFKA_PASSWORD: must be set (the principal has no development password here)');
  }
  if ((config as { SEED_DEMO?: unknown }).SEED_DEMO === true) {
    problems.push('SEED_DEMO: demo data and its well-known passwords are not seeded in production');
  }
  if (problems.length > 0) {
    throw new Error(
      `Invalid configuration for production (NODE_ENV=production):\n  ${problems.join('\n  ')}`,
    );
  }
}
