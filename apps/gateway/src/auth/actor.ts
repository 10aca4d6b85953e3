import type { AccessTokenClaims, Actor } from '@app/contracts';

/** The actor every command carries, from the verified token and nothing else. */
export function actorOf(user: AccessTokenClaims): Actor {
  return {
    accountId: user.sub,
    role: user.role,
    organisationId: user.org,
    studentId: user.stu ?? null,
  };
}
