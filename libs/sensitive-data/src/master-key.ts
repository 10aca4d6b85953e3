/** Where a service's master key comes from, e.g. `ROSTER_ENCRYPTION_KEY` and its dev default. */
export interface MasterKeySource {
  /** The env key, named in every error so the operator knows what to set. */
  envName: string;
  /** Base64 of 32 bytes, good for a laptop only; refused in production. */
  developmentKey: string;
}

const BASE64_32_BYTES = /^[A-Za-z0-9+/]{43}=$/;

/**
 * A service's master key: 32 random bytes, base64 (`openssl rand -base64 32`). Without one,
 * development and tests use the development key; with NODE_ENV=production the service
 * refuses to start without a key of its own. Throws with a clear message naming the env key.
 */
export function loadMasterKey(
  source: MasterKeySource,
  configured: string | undefined,
  nodeEnv: string | undefined,
): Buffer {
  const production = nodeEnv === 'production';
  const key = configured?.trim();
  if (!key) {
    if (production) {
      throw new Error(
        `${source.envName} must be set in production: 32 random bytes, base64 (openssl rand -base64 32)`,
      );
    }
    return Buffer.from(source.developmentKey, 'base64');
  }
  if (!BASE64_32_BYTES.test(key)) {
    throw new Error(`${source.envName} must be 32 bytes, base64-encoded (44 characters)`);
  }
  if (production && key === source.developmentKey) {
    throw new Error(`${source.envName} is the development key; set a key of your own`);
  }
  return Buffer.from(key, 'base64');
}
