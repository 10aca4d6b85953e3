import { nationalIdCheckCharacter } from '@app/contracts';
import type { SchoolClassEntity } from '../classes/school-class.entity.js';
import { mapHeader } from './roster-csv.js';
import { normaliseDate, readRosterRow, type RowContext } from './roster-row.js';

const schoolClass = (grade: number, name: string): SchoolClassEntity => ({
  id: `class-${name}`,
  schoolId: 'school',
  schoolYear: '2026-2027',
  grade,
  name,
  createdAt: new Date(),
  updatedAt: new Date(),
});

const context: RowContext = {
  classes: new Map([['三年级2班', schoolClass(3, '三年级2班')]]),
  schoolYear: '2026-2027',
  today: '2026-11-28',
};
const columns = mapHeader([
  'student_number',
  'name',
  'gender',
  'date_of_birth',
  'grade',
  'class_name',
  'national_id',
]);
const first17 = '37010220170514001';
const validId = first17 + nationalIdCheckCharacter(first17);
const good = ['s2026001', '王小明', '男', '2017/5/14', '3', '三年级２班', validId];

const read = (fields: string[]) => readRosterRow({ line: 7, fields }, columns, context);
const rejected = (changes: Record<number, string>) => {
  const fields = [...good];
  for (const [index, value] of Object.entries(changes)) fields[Number(index)] = value;
  const result = read(fields);
  if (!('rejection' in result)) throw new Error('expected a rejection');
  return result.rejection;
};

describe('readRosterRow', () => {
  it('reads a good row, normalising the number, gender, date and full-width class name', () => {
    expect(read(good)).toEqual({
      row: {
        line: 7,
        studentNumber: 'S2026001',
        name: '王小明',
        gender: 'male',
        dateOfBirth: '2017-05-14',
        schoolClass: context.classes.get('三年级2班'),
        nationalId: validId,
      },
    });
  });

  it('rejects a name holding a NUL or a bidi override, with a reason', () => {
    for (const name of ['王\u0000小明', '\u202Eneila', '王\u2066小明\u2069']) {
      expect(rejected({ 1: name })).toMatchObject({
        line: 7,
        code: 'INVALID_NAME',
        reason: expect.stringMatching(/^name must not contain control or bidirectional/),
      });
    }
  });

  it('takes the grade from the class when the cell is empty, and no national ID as none', () => {
    expect(read([...good.slice(0, 4), '', good[5], ''])).toMatchObject({
      row: { nationalId: null },
    });
  });

  it.each([
    [{ 1: '' }, 'MISSING_FIELD', 'name is missing'],
    [{ 3: '2017-02-30' }, 'INVALID_DATE', 'date_of_birth "2017-02-30" is not a date (YYYY-MM-DD)'],
    [{ 3: '2027-01-01' }, 'INVALID_DATE', 'date_of_birth 2027-01-01 is not in the past'],
    [
      { 5: '九年级9班' },
      'UNKNOWN_CLASS',
      'class "九年级9班" does not exist at this school in 2026-2027',
    ],
    [{ 4: '4' }, 'GRADE_MISMATCH', 'grade 4 does not match class 三年级2班 (grade 3)'],
    [{ 4: '13' }, 'INVALID_GRADE', 'grade must be a whole number from 1 to 12, not "13"'],
    [{ 2: 'x' }, 'INVALID_GENDER', 'gender must be male or female (男/女), not "x"'],
    [
      { 0: '20 26' },
      'INVALID_STUDENT_NUMBER',
      'student_number must be 1–32 letters, digits, "-" or "_"',
    ],
    [
      { 6: `${first17}Y` },
      'INVALID_NATIONAL_ID',
      'national_id is not a valid 18-character national ID number (GB 11643 check digit)',
    ],
  ])('rejects %j with %s', (changes, code, reason) => {
    expect(rejected(changes)).toEqual({ line: 7, studentNumber: expect.any(String), code, reason });
  });

  it('names every problem of a row, and never repeats a malformed national ID', () => {
    const rejection = rejected({ 1: '', 3: 'yesterday', 6: '12345' });
    expect(rejection.code).toBe('MISSING_FIELD');
    expect(rejection.reason).toBe(
      'name is missing; date_of_birth "yesterday" is not a date (YYYY-MM-DD); national_id is not a valid 18-character national ID number (GB 11643 check digit)',
    );
    expect(rejection.reason).not.toContain('12345');
  });

  it('reads spreadsheet dates', () => {
    expect(normaliseDate('2017/5/4')).toBe('2017-05-04');
    expect(normaliseDate('2017.05.04')).toBe('2017-05-04');
    expect(normaliseDate('04/05/2017')).toBe('04/05/2017');
  });
});
