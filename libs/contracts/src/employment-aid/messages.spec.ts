import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  ListGraduatesHttpQuery,
  ListGraduatesQuery,
  ListSessionsHttpQuery,
  LogSessionBody,
  RegisterGraduateBody,
} from './messages.js';

const STRICT = { whitelist: true, forbidNonWhitelisted: true };
const errorsOf = (cls: new () => object, plain: object) =>
  validateSync(plainToInstance(cls, plain), STRICT).map((e) => e.property);

// The gateway validates a query string and a body with the classes the service validates JSON with.
describe('employment-aid request classes', () => {
  it('read a query string: numbers and booleans converted, the page defaults kept', () => {
    const query = plainToInstance(ListGraduatesHttpQuery, { page: '2', flaggedOnly: 'true' });
    expect(validateSync(query, STRICT)).toEqual([]);
    expect(query).toMatchObject({ page: 2, pageSize: 20, flaggedOnly: true });
    expect(plainToInstance(ListSessionsHttpQuery, {})).toMatchObject({ page: 1, pageSize: 20 });
    expect(errorsOf(ListGraduatesHttpQuery, { flaggedOnly: 'yes' })).toEqual(['flaggedOnly']);
    expect(errorsOf(ListSessionsHttpQuery, { pageSize: '101' })).toEqual(['pageSize']);
  });

  it('the service still reads the same query as JSON', () => {
    const actor = { accountId: '7b1f3c2d-4e5a-4b6c-8d7e-9f0a1b2c3d4e', role: 'mentor' };
    expect(errorsOf(ListGraduatesQuery, { actor, page: 1, flaggedOnly: false })).toEqual([]);
  });

  it('bodies refuse the actor and the path ids, and keep the validators', () => {
    const body = { channel: 'phone', durationMinutes: 30, contactMade: true, notes: 'x' };
    expect(errorsOf(LogSessionBody, body)).toEqual([]);
    expect(errorsOf(LogSessionBody, { ...body, graduateId: 'x', actor: {} }).sort()).toEqual([
      'actor',
      'graduateId',
    ]);
    expect(errorsOf(LogSessionBody, { ...body, durationMinutes: 0 })).toEqual(['durationMinutes']);
    expect(
      errorsOf(RegisterGraduateBody, {
        name: '李明',
        major: '计算机',
        degree: 'bachelor',
        graduationYear: 2026,
        contact: '138',
        intentions: { industries: ['软件'], cities: [], expectedMonthlySalary: -1 },
        willingToWork: true,
        difficultyCategories: ['low_income'],
      }),
    ).toEqual(['intentions']);
  });
});
