import { randomUUID } from 'node:crypto';
import type { Actor, Role } from '@app/contracts';
import { AppError } from '@app/errors';
import { AccessScope } from '../organisations/access-scope.js';
import type { OrganisationEntity } from '../organisations/organisation.entity.js';
import type { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { schoolNotFound } from './roster.errors.js';

/** province → city → county A (schools A1, A2), county B (school B1); city school C1 has no county. */
function newAccessScope() {
  const all = new Map<string, OrganisationEntity>();
  const add = (
    key: string,
    kind: OrganisationEntity['kind'],
    parent: OrganisationEntity | null,
    level: OrganisationEntity['level'] = null,
  ): OrganisationEntity => {
    const id = randomUUID();
    const organisation: OrganisationEntity = {
      id,
      kind,
      name: key,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      regionCode: '370000',
      level,
      stage: kind === 'school' ? 'primary' : null,
      operator: null,
      careerCentreName: null,
      createdAt: new Date(),
    };
    all.set(id, organisation);
    return organisation;
  };
  const province = add('province', 'bureau', null, 'province');
  const city = add('city', 'bureau', province, 'city');
  const countyA = add('countyA', 'bureau', city, 'county');
  const countyB = add('countyB', 'bureau', city, 'county');
  const orgs = {
    province,
    city,
    countyA,
    countyB,
    a1: add('a1', 'school', countyA),
    a2: add('a2', 'school', countyA),
    b1: add('b1', 'school', countyB),
    c1: add('c1', 'school', city),
    venue: add('venue', 'venue', countyA),
  };
  const repository = {
    findById: (id: string) => Promise.resolve(all.get(id) ?? null),
    findByIds: (ids: string[]) =>
      Promise.resolve(ids.flatMap((id) => (all.has(id) ? [all.get(id)!] : []))),
  } as unknown as OrganisationsRepository;
  return { sut: new AccessScope(repository), orgs };
}

const actor = (role: Role, organisation: OrganisationEntity | null): Actor => ({
  accountId: randomUUID(),
  role,
  organisationId: organisation?.id ?? null,
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) =>
      error instanceof AppError ? { code: error.code, kind: error.kind } : error,
  );

describe('AccessScope for rosters', () => {
  const { sut, orgs } = newAccessScope();

  it('lets staff read and change their own school only; another school is not found', async () => {
    const staff = actor('school_staff', orgs.a1);
    await expect(sut.rosterSchoolToChange(staff, orgs.a1.id, schoolNotFound)).resolves.toBe(
      orgs.a1,
    );
    expect(await failure(sut.rosterSchoolToRead(staff, orgs.a2.id, schoolNotFound))).toEqual({
      code: 'SCHOOL_NOT_FOUND',
      kind: 'not_found',
    });
  });

  it('lets a county admin read its schools but change none (403), and not see the next county (404)', async () => {
    const admin = actor('bureau_admin', orgs.countyA);
    await expect(sut.rosterSchoolToRead(admin, orgs.a2.id, schoolNotFound)).resolves.toBe(orgs.a2);
    expect(await failure(sut.rosterSchoolToChange(admin, orgs.a2.id, schoolNotFound))).toEqual({
      code: 'FORBIDDEN',
      kind: 'forbidden',
    });
    expect(await failure(sut.rosterSchoolToRead(admin, orgs.b1.id, schoolNotFound))).toEqual({
      code: 'SCHOOL_NOT_FOUND',
      kind: 'not_found',
    });
    expect(await failure(sut.rosterSchoolToRead(admin, orgs.venue.id, schoolNotFound))).toEqual({
      code: 'SCHOOL_NOT_FOUND',
      kind: 'not_found',
    });
    expect(await sut.rosterListFilter(admin, undefined, schoolNotFound)).toEqual({
      pathPrefix: orgs.countyA.path,
    });
  });

  it('refuses roles that keep no roster before looking at any school', async () => {
    const student = actor('student', orgs.a1);
    expect(await failure(sut.rosterSchoolToRead(student, orgs.a1.id, schoolNotFound))).toEqual({
      code: 'FORBIDDEN',
      kind: 'forbidden',
    });
  });

  it('shows the full national ID to staff of the student’s own school only', () => {
    expect(sut.readsSensitiveFieldsOf(actor('school_staff', orgs.a1), orgs.a1.id)).toBe(true);
    expect(sut.readsSensitiveFieldsOf(actor('school_staff', orgs.a2), orgs.a1.id)).toBe(false);
    expect(sut.readsSensitiveFieldsOf(actor('bureau_admin', orgs.countyA), orgs.a1.id)).toBe(false);
    expect(sut.readsSensitiveFieldsOf(actor('platform_admin', null), orgs.a1.id)).toBe(false);
  });

  describe('transfer destinations', () => {
    it('for staff: schools under the same county bureau, nothing beyond', async () => {
      const staff = actor('school_staff', orgs.a1);
      await expect(
        sut.rosterTransferDestination(staff, orgs.a1, orgs.a2.id, schoolNotFound),
      ).resolves.toBe(orgs.a2);
      for (const to of [orgs.b1, orgs.c1, orgs.venue, orgs.countyA]) {
        expect(
          await failure(sut.rosterTransferDestination(staff, orgs.a1, to.id, schoolNotFound)),
        ).toEqual({ code: 'SCHOOL_NOT_FOUND', kind: 'not_found' });
      }
    });

    it('for staff of a school without a county bureau: the schools under its parent bureau', async () => {
      const staff = actor('school_staff', orgs.c1);
      await expect(
        sut.rosterTransferDestination(staff, orgs.c1, orgs.b1.id, schoolNotFound),
      ).resolves.toBe(orgs.b1);
    });

    it('for admins: any school of their subtree', async () => {
      const cityAdmin = actor('bureau_admin', orgs.city);
      await expect(
        sut.rosterTransferDestination(cityAdmin, orgs.a1, orgs.b1.id, schoolNotFound),
      ).resolves.toBe(orgs.b1);
      const countyAdmin = actor('bureau_admin', orgs.countyA);
      expect(
        await failure(
          sut.rosterTransferDestination(countyAdmin, orgs.a1, orgs.b1.id, schoolNotFound),
        ),
      ).toEqual({ code: 'SCHOOL_NOT_FOUND', kind: 'not_found' });
    });
  });
});
