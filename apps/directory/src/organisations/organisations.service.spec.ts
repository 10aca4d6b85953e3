import type { CreateOrganisationCommand } from '@app/contracts';
import { regionLevelOf } from './access-scope.js';
import { assertRegionFits } from './organisations.service.js';

type Child = Pick<CreateOrganisationCommand, 'kind' | 'regionCode' | 'level'>;
const bureau = (regionCode: string, level: 'province' | 'city' | 'county'): Child => ({
  kind: 'bureau',
  regionCode,
  level,
});
const refusal = (child: Child, parentRegionCode: string | null) => {
  try {
    assertRegionFits(child, parentRegionCode ? { regionCode: parentRegionCode } : null);
    return null;
  } catch (error) {
    return error as { code: string; details: unknown };
  }
};

describe('region codes of the organisation tree', () => {
  it('reads the level of a GB/T 2260 code', () => {
    expect(regionLevelOf('370000')).toBe('province');
    expect(regionLevelOf('370100')).toBe('city');
    expect(regionLevelOf('370102')).toBe('county');
    expect(regionLevelOf('000000')).toBeNull();
  });

  it('refuses a child bureau whose region lies outside its parent’s', () => {
    // The attack: a city bureau (济南 370100) creates a "county" bureau with the province's code.
    expect(refusal(bureau('370000', 'county'), '370100')).toMatchObject({
      code: 'REGION_OUTSIDE_PARENT',
      details: { regionCode: '370000', parentRegionCode: '370100' },
    });
    // A county of another city (青岛's 370202) under 济南.
    expect(refusal(bureau('370202', 'county'), '370100')?.code).toBe('REGION_OUTSIDE_PARENT');
    expect(refusal(bureau('370102', 'county'), '370100')).toBeNull();
    expect(refusal(bureau('370102', 'county'), '370000')).toBeNull();
  });

  it('refuses a bureau whose code is not of its level', () => {
    expect(refusal(bureau('370100', 'county'), '370100')).toMatchObject({
      code: 'REGION_LEVEL_MISMATCH',
      details: { regionCode: '370100', level: 'county', regionLevel: 'city' },
    });
    expect(refusal(bureau('370102', 'city'), '370000')?.code).toBe('REGION_LEVEL_MISMATCH');
    expect(refusal(bureau('370100', 'province'), null)?.code).toBe('REGION_LEVEL_MISMATCH');
    expect(refusal(bureau('370000', 'province'), null)).toBeNull();
  });

  it('places schools, venues and universities inside their bureau’s region', () => {
    const school: Child = { kind: 'school', regionCode: '370112', level: undefined };
    expect(refusal(school, '370102')?.code).toBe('REGION_OUTSIDE_PARENT');
    expect(refusal(school, '370100')).toBeNull();
    expect(refusal({ ...school, regionCode: '370000' }, '370000')).toBeNull();
    expect(refusal({ ...school, kind: 'university', regionCode: '410000' }, '370000')?.code).toBe(
      'REGION_OUTSIDE_PARENT',
    );
  });
});
