/**
 * Every secret value that has ever been committed to this repository: the development
 * defaults the apps fall back to on a laptop, and the values `deploy/docker-compose.yml`
 * once carried. `loadConfig` refuses to start in production (NODE_ENV=production) while any
 * config value, or the password inside a URL, is one of these. A value committed by mistake
 * is added here for good: it stays in the git history.
 */
export const DevSecrets = {
  jwt: 'dev-only-secret-change-me-0123456789abcdef',
  /** Request/reply payload master key (base64 of 32 bytes); services derive theirs from it. */
  rpcMasterKey: 'ZGV2LW9ubHktcnBjLW1hc3Rlci1rZXktMDAwMDAwMDA=',
  /** A principal's SCRAM password on the local broker (deploy/local/kafka.sh makes the same). */
  kafkaPassword: (principal: string): string => `dev-only-kafka-${principal}`,
  /** A service's own MySQL user's password (scripts/prepare.ts makes the same). */
  dbPassword: (service: string): string => `dev-only-db-${service}`,
} as const;

/** Principals of the suite: the gateway and each service (and admin for scripts and tests). */
export const KAFKA_PRINCIPALS = [
  'admin',
  'gateway',
  'directory',
  'venues',
  'employment-aid',
  'screenings',
  'study-tours',
  'quotas',
] as const;

const HISTORIC_COMMITTED_SECRETS = [
  // deploy/docker-compose.yml before the env file (2026-11 .. 2026-12)
  'change-me-in-production-0123456789abcdef',
  's+kAf3pmqXjwHi9/iKSQzBzKMo6+eiiEoVKoVEaKyOw=',
  'Utw3b/4Jk6+ekM4mJabbpgS08p3W2aOlYJ+x1E+xeBI=',
  'OyANdJbAU9InNihtzm9fDrA1vhhjr6fzlsfP9Jz7A0Q=',
  'studentpass',
  // development keys of the services (apps/*/src; kept there as their dev defaults)
  'c3R1ZGVudHBhc3MtZGV2LWFpZC1rZXktMDAwMDAwMDA=',
  'c3R1ZGVudHBhc3MtZGV2LXJvc3Rlci1rZXktMDAwMDA=',
  'studentpass-dev-checkin-token-key-0000',
  // the tests' JWT secret (scripts/test-infra.ts)
  'test-secret-0123456789abcdef0123456789',
];

const COMMITTED = new Set<string>([
  ...HISTORIC_COMMITTED_SECRETS,
  DevSecrets.jwt,
  DevSecrets.rpcMasterKey,
  ...KAFKA_PRINCIPALS.flatMap((p) => [DevSecrets.kafkaPassword(p), DevSecrets.dbPassword(p)]),
]);

/** True if `value` (or the password of a URL such as mysql://u:p@h) was ever committed. */
export function isCommittedSecret(value: string): boolean {
  if (COMMITTED.has(value.trim())) return true;
  const url = /^[a-z][a-z0-9+.-]*:\/\/[^:/@]*:([^@/]*)@/i.exec(value);
  return url !== null && COMMITTED.has(decodeURIComponent(url[1]));
}

/**
 * The config keys whose values are committed secrets, for a production refusal. Every
 * string value is looked at, not only the ones named like secrets: a key left at a
 * development default under another name is as bad.
 */
export function committedSecretsIn(config: object): string[] {
  return Object.entries(config)
    .filter(([, value]) => typeof value === 'string' && value !== '' && isCommittedSecret(value))
    .map(([key]) => key);
}
