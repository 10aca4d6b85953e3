import { plainToInstance, Transform } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '@app/errors';
import { BaseConfig, DEV_JWT_SECRET } from './shared-config.js';

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
  if (config instanceof BaseConfig && env.NODE_ENV === 'production') {
    if (config.JWT_SECRET === DEV_JWT_SECRET || config.JWT_SECRET.length < 32) {
      throw new Error(
        'Invalid configuration: JWT_SECRET must be set to a secret of 32+ characters in production',
      );
    }
  }
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
