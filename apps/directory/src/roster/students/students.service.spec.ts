import { randomBytes, randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { Actor } from '@app/contracts';
import type { OutboxRelay, OutboxWriter } from '@app/messaging';
import type { AuditedRead, AuditLog } from '@app/sensitive-data';
import { AccessScope } from '../../organisations/access-scope.js';
import type { OrganisationEntity } from '../../organisations/organisation.entity.js';
import type { OrganisationsRepository } from '../../organisations/organisations.repository.js';
import type { ClassesRepository } from '../classes/classes.repository.js';
import { NationalIdProtector } from '../crypto/national-id-protector.js';
import type { StudentEntity } from './student.entity.js';
import type { StudentsRepository } from './students.repository.js';
import { StudentsService } from './students.service.js';

const organisation = (
  kind: OrganisationEntity['kind'],
  parent: OrganisationEntity | null,
): OrganisationEntity => {
  const id = randomUUID();
  return {
    id,
    kind,
    name: kind,
    parentId: parent?.id ?? null,
    path: `${parent?.path ?? '/'}${id}/`,
    regionCode: '370102',
    level: kind === 'bureau' ? 'county' : null,
    stage: kind === 'school' ? 'primary' : null,
    operator: null,
    careerCentreName: null,
    createdAt: new Date(),
  };
};

function newStudentsService() {
  const county = organisation('bureau', null);
  const school = organisation('school', county);
  const organisations = new Map([county, school].map((o) => [o.id, o]));
  const protector = new NationalIdProtector(randomBytes(32));
  const studentId = randomUUID();
  const sealed = protector.protect('11010519491231002X', studentId);
  const student: StudentEntity = {
    id: studentId,
    schoolId: school.id,
    studentNumber: 'S1',
    name: '王小明',
    gender: 'male',
    dateOfBirth: '2017-05-14',
    grade: 3,
    classId: null,
    status: 'active',
    nationalIdCiphertext: sealed.ciphertext,
    nationalIdHmac: sealed.hmac,
    nationalIdLast4: sealed.lastFour,
    enrolledAt: new Date(),
    withdrawnAt: null,
    updatedAt: new Date(),
    importJobId: null,
    importLine: null,
  };
  const mocks = {
    audited: [] as AuditedRead[],
    auditFails: false,
  };
  const audit = {
    record: (entry: AuditedRead) => {
      if (mocks.auditFails) return Promise.reject(new Error('audit table unavailable'));
      mocks.audited.push(entry);
      return Promise.resolve(randomUUID());
    },
  } as unknown as AuditLog;
  const students = {
    findById: (id: string) => Promise.resolve(id === studentId ? student : null),
  } as unknown as StudentsRepository;
  const scope = new AccessScope({
    findById: (id: string) => Promise.resolve(organisations.get(id) ?? null),
    findByIds: (ids: string[]) => Promise.resolve(ids.map((id) => organisations.get(id)!)),
  } as unknown as OrganisationsRepository);
  const sut = new StudentsService(
    students,
    {} as ClassesRepository,
    scope,
    protector,
    audit,
    {} as OutboxWriter,
    { wake: () => undefined } as unknown as OutboxRelay,
  );
  const actor = (role: Actor['role'], org: OrganisationEntity): Actor => ({
    accountId: randomUUID(),
    role,
    organisationId: org.id,
  });
  return {
    sut,
    mocks,
    student,
    staff: actor('school_staff', school),
    admin: actor('bureau_admin', county),
  };
}

describe('StudentsService.readSensitive', () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  it('shows the school’s staff the full national ID and audits who read which field of whom', async () => {
    const { sut, mocks, student, staff } = newStudentsService();
    await expect(sut.readSensitive(staff, student.id)).resolves.toEqual({
      studentId: student.id,
      schoolId: student.schoolId,
      nationalId: '11010519491231002X',
      nationalIdMasked: '**************002X',
    });
    expect(mocks.audited).toEqual([
      {
        actor: staff,
        action: 'student.sensitive.read',
        subjectType: 'student',
        subjectId: student.id,
        subjectOrganisationId: student.schoolId,
        fields: ['nationalId'],
      },
    ]);
  });

  it('hands nothing out when the read cannot be audited', async () => {
    const { sut, mocks, student, staff } = newStudentsService();
    mocks.auditFails = true;
    await expect(sut.readSensitive(staff, student.id)).rejects.toThrow('audit table unavailable');
  });

  it('refuses a bureau admin (403) and writes no audit row', async () => {
    const { sut, mocks, student, admin } = newStudentsService();
    await expect(sut.readSensitive(admin, student.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(mocks.audited).toEqual([]);
  });
});
