import type { Actor } from '@app/contracts';
import type { ClassesService } from './classes/classes.service.js';
import type { StudentsService } from './students/students.service.js';

export const DEMO_SCHOOL_YEAR = '2026-2027';

/** Two classes with a few students at the demo school (national ids are made up, with valid check digits). */
const DEMO_CLASSES = [
  {
    grade: 3,
    name: '三年级1班',
    students: [
      {
        studentNumber: 'LX2026301',
        name: '张小明',
        gender: 'male',
        dateOfBirth: '2017-03-15',
        nationalId: '370102201703150025',
      },
      {
        studentNumber: 'LX2026302',
        name: '李晓红',
        gender: 'female',
        dateOfBirth: '2017-06-21',
        nationalId: '370102201706210118',
      },
      { studentNumber: 'LX2026303', name: '王子涵', gender: 'male', dateOfBirth: '2017-09-02' },
    ],
  },
  {
    grade: 5,
    name: '五年级2班',
    students: [
      {
        studentNumber: 'LX2026501',
        name: '赵雨桐',
        gender: 'female',
        dateOfBirth: '2015-09-04',
        nationalId: '370102201509040236',
      },
      { studentNumber: 'LX2026502', name: '孙浩然', gender: 'male', dateOfBirth: '2015-11-30' },
    ],
  },
] as const;

/**
 * Seeds the demo classes and students once, acting as the demo school's staff (the only role
 * that changes a roster). Skipped when the school already has classes for the year.
 */
export async function seedRosterDemo(
  classes: ClassesService,
  students: StudentsService,
  staff: Actor,
): Promise<void> {
  const schoolId = staff.organisationId!;
  const existing = await classes.list({
    actor: staff,
    schoolId,
    schoolYear: DEMO_SCHOOL_YEAR,
    page: 1,
    pageSize: 1,
  });
  if (existing.total > 0) return;
  for (const demo of DEMO_CLASSES) {
    const created = await classes.create({
      actor: staff,
      schoolId,
      schoolYear: DEMO_SCHOOL_YEAR,
      grade: demo.grade,
      name: demo.name,
    });
    for (const student of demo.students) {
      await students.enrol({ actor: staff, classId: created.id, ...student });
    }
  }
}
