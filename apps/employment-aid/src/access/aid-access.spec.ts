import type { Actor } from '@app/contracts';
import { AppError } from '@app/errors';
import type { AssignmentsRepository } from '../assignments/assignments.repository.js';
import type { GraduateEntity } from '../graduates/graduate.entity.js';
import type { GraduatesRepository } from '../graduates/graduates.repository.js';
import type { MentorsRepository } from '../mentors/mentors.repository.js';
import { AidAccess } from './aid-access.js';

const UNIVERSITY = '1a3c5e7f-9b1d-4f3a-8c5e-7a9c1e3f5b7d';
const OTHER_UNIVERSITY = '5d7f9b1c-3e5a-4c7e-9b1d-3f5a7c9e1b3d';
const ACCOUNT = '7b1f3c2d-4e5a-4b6c-8d7e-9f0a1b2c3d4e';

const graduate = { id: 'g1', universityId: UNIVERSITY, accountId: ACCOUNT } as GraduateEntity;

/** AidAccess over a graduates table holding one linked record. */
function accessWith(rows: GraduateEntity[]): AidAccess {
  const graduates = {
    findByAccount: (accountId: string) =>
      Promise.resolve(rows.find((g) => g.accountId === accountId) ?? null),
  } as unknown as GraduatesRepository;
  return new AidAccess(
    graduates,
    {} as unknown as MentorsRepository,
    {} as unknown as AssignmentsRepository,
  );
}

const codeOf = async (work: Promise<unknown>): Promise<string> => {
  try {
    await work;
    return 'none';
  } catch (error) {
    return error instanceof AppError ? error.code : 'unexpected';
  }
};

describe('AidAccess.ownGraduate', () => {
  const actor = (over: Partial<Actor> = {}): Actor => ({
    accountId: ACCOUNT,
    role: 'graduate',
    organisationId: UNIVERSITY,
    ...over,
  });

  it('finds the record linked to the graduate account of the same university', async () => {
    await expect(accessWith([graduate]).ownGraduate(actor())).resolves.toBe(graduate);
  });

  it('answers GRADUATE_NOT_LINKED without a link, or when the token names another university', async () => {
    expect(await codeOf(accessWith([]).ownGraduate(actor()))).toBe('GRADUATE_NOT_LINKED');
    expect(
      await codeOf(accessWith([graduate]).ownGraduate(actor({ organisationId: OTHER_UNIVERSITY }))),
    ).toBe('GRADUATE_NOT_LINKED');
  });

  it('refuses every other role, even one holding the linked account id', async () => {
    for (const role of ['mentor', 'career_centre_staff', 'student'] as const) {
      expect(await codeOf(accessWith([graduate]).ownGraduate(actor({ role })))).toBe('FORBIDDEN');
    }
  });
});
