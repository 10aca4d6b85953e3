import { randomUUID } from 'node:crypto';
import type { Actor, OrganisationKind } from '@app/contracts';
import { AccessScope, regionCovers } from '../organisations/access-scope.js';
import type { OrganisationEntity } from '../organisations/organisation.entity.js';
import type { OrganisationsRepository } from '../organisations/organisations.repository.js';

function newAccessScope(organisations: Pick<OrganisationEntity, 'id' | 'kind' | 'regionCode'>[]) {
  const repository = {
    findById: (id: string) => Promise.resolve(organisations.find((o) => o.id === id) ?? null),
  } as unknown as OrganisationsRepository;
  return new AccessScope(repository);
}

const org = (kind: OrganisationKind, regionCode: string) => ({
  id: randomUUID(),
  kind,
  regionCode,
});
const actor = (role: Actor['role'], organisationId: string | null): Actor => ({
  accountId: randomUUID(),
  role,
  organisationId,
});

describe('regionCovers', () => {
  it('covers a province’s, a city’s or a county’s own areas by code prefix', () => {
    expect(regionCovers('370000', '370000')).toBe(true);
    expect(regionCovers('370000', '371702')).toBe(true);
    expect(regionCovers('370000', '440100')).toBe(false);
    expect(regionCovers('370100', '370102')).toBe(true);
    expect(regionCovers('370100', '370000')).toBe(false);
    expect(regionCovers('370100', '370202')).toBe(false);
    expect(regionCovers('370102', '370102')).toBe(true);
    expect(regionCovers('370102', '370112')).toBe(false);
  });
});

describe('AccessScope for areas', () => {
  const province = org('bureau', '370000');
  const city = org('bureau', '370100');
  const school = org('school', '370102');
  const sut = newAccessScope([province, city, school]);

  it('lets a platform admin manage any area, the country included', async () => {
    await expect(
      sut.administeredArea(actor('platform_admin', null), '000000'),
    ).resolves.toBeDefined();
  });

  it('lets a bureau admin manage the areas its region covers, and refuses others with 403', async () => {
    await expect(sut.administeredArea(actor('bureau_admin', city.id), '370102')).resolves.toEqual({
      regionCode: '370100',
    });
    await expect(
      sut.administeredArea(actor('bureau_admin', city.id), '370000'),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', kind: 'forbidden' });
    await expect(
      sut.administeredArea(actor('bureau_admin', province.id), '000000'),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses school staff, and an admin whose organisation is not a bureau', async () => {
    await expect(sut.areaScopeOf(actor('school_staff', school.id))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(sut.areaScopeOf(actor('bureau_admin', school.id))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
