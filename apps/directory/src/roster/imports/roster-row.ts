import {
  isCalendarDate,
  isValidNationalId,
  normaliseNationalId,
  normaliseStudentNumber,
  STUDENT_NUMBER_PATTERN,
  type Gender,
  type RosterImportRejection,
  unsafeCharacterIn,
  unsafeCharacterReason,
} from '@app/contracts';
import { normaliseClassName } from '../classes/classes.service.js';
import type { SchoolClassEntity } from '../classes/school-class.entity.js';
import type { ColumnIndexes, CsvRecord } from './roster-csv.js';

/** A row that passed every check that needs no database. */
export interface RosterRow {
  line: number;
  studentNumber: string;
  name: string;
  gender: Gender;
  dateOfBirth: string;
  schoolClass: SchoolClassEntity;
  nationalId: string | null;
}

export type RowResult = { row: RosterRow } | { rejection: RosterImportRejection };

/** Why rows are rejected; a client may act on the code, a person reads the reason. */
export const RejectionCodes = {
  missingField: 'MISSING_FIELD',
  invalidStudentNumber: 'INVALID_STUDENT_NUMBER',
  invalidName: 'INVALID_NAME',
  invalidGender: 'INVALID_GENDER',
  invalidDate: 'INVALID_DATE',
  invalidGrade: 'INVALID_GRADE',
  unknownClass: 'UNKNOWN_CLASS',
  gradeMismatch: 'GRADE_MISMATCH',
  invalidNationalId: 'INVALID_NATIONAL_ID',
  duplicateStudentNumber: 'DUPLICATE_STUDENT_NUMBER',
  duplicateNationalId: 'DUPLICATE_NATIONAL_ID',
  nationalIdConflict: 'NATIONAL_ID_CONFLICT',
  studentWithdrawn: 'STUDENT_WITHDRAWN',
} as const;

const GENDERS: Record<string, Gender> = {
  male: 'male',
  m: 'male',
  男: 'male',
  female: 'female',
  f: 'female',
  女: 'female',
};

/** `2015-03-01`, `2015/3/1` or `2015.3.1` (as spreadsheets write dates) → `2015-03-01`. */
export function normaliseDate(value: string): string {
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  return match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : value;
}

export interface RowContext {
  /** The school's classes of the import's school year, by normalised name. */
  classes: ReadonlyMap<string, SchoolClassEntity>;
  schoolYear: string;
  /** Today in Asia/Shanghai, `YYYY-MM-DD`. */
  today: string;
}

/**
 * Checks one data row on its own (the database checks come later). Every problem of the
 * row is named in `reason`; `code` is the first one's.
 */
export function readRosterRow(
  record: CsvRecord,
  columns: ColumnIndexes,
  context: RowContext,
): RowResult {
  const cell = (index: number | undefined): string =>
    index === undefined ? '' : (record.fields[index] ?? '').normalize('NFKC').trim();
  const problems: { code: string; reason: string }[] = [];
  const problem = (code: string, reason: string) => problems.push({ code, reason });

  const rawNumber = cell(columns.studentNumber);
  const studentNumber = normaliseStudentNumber(rawNumber);
  if (!rawNumber) problem(RejectionCodes.missingField, 'student_number is missing');
  else if (!STUDENT_NUMBER_PATTERN.test(studentNumber)) {
    problem(
      RejectionCodes.invalidStudentNumber,
      'student_number must be 1–32 letters, digits, "-" or "_"',
    );
  }

  const name = cell(columns.name);
  if (!name) problem(RejectionCodes.missingField, 'name is missing');
  else if (name.length > 100)
    problem(RejectionCodes.invalidName, 'name is longer than 100 characters');
  else {
    // A NUL or a right-to-left override would be stored and shown as another name.
    const unsafe = unsafeCharacterIn(name);
    if (unsafe) problem(RejectionCodes.invalidName, `name ${unsafeCharacterReason(unsafe)}`);
  }

  const rawGender = cell(columns.gender);
  const gender = GENDERS[rawGender.toLowerCase()];
  if (!rawGender) problem(RejectionCodes.missingField, 'gender is missing');
  else if (!gender)
    problem(
      RejectionCodes.invalidGender,
      `gender must be male or female (男/女), not "${rawGender}"`,
    );

  const rawDate = cell(columns.dateOfBirth);
  const dateOfBirth = normaliseDate(rawDate);
  if (!rawDate) problem(RejectionCodes.missingField, 'date_of_birth is missing');
  else if (!isCalendarDate(dateOfBirth)) {
    problem(RejectionCodes.invalidDate, `date_of_birth "${rawDate}" is not a date (YYYY-MM-DD)`);
  } else if (dateOfBirth >= context.today) {
    problem(RejectionCodes.invalidDate, `date_of_birth ${dateOfBirth} is not in the past`);
  }

  const rawGrade = cell(columns.grade);
  const grade = /^\d{1,2}$/.test(rawGrade) ? Number(rawGrade) : NaN;
  const gradeIsValid = grade >= 1 && grade <= 12;
  if (rawGrade && !gradeIsValid) {
    problem(
      RejectionCodes.invalidGrade,
      `grade must be a whole number from 1 to 12, not "${rawGrade}"`,
    );
  }

  const className = cell(columns.className);
  const schoolClass = className ? context.classes.get(normaliseClassName(className)) : undefined;
  if (!className) problem(RejectionCodes.missingField, 'class_name is missing');
  else if (!schoolClass) {
    problem(
      RejectionCodes.unknownClass,
      `class "${className}" does not exist at this school in ${context.schoolYear}`,
    );
  } else if (rawGrade && gradeIsValid && grade !== schoolClass.grade) {
    problem(
      RejectionCodes.gradeMismatch,
      `grade ${rawGrade} does not match class ${schoolClass.name} (grade ${schoolClass.grade})`,
    );
  }

  const rawNationalId = cell(columns.nationalId);
  const nationalId = rawNationalId ? normaliseNationalId(rawNationalId) : null;
  if (nationalId && !isValidNationalId(nationalId)) {
    // The value itself is never repeated: it is sensitive even when malformed.
    problem(
      RejectionCodes.invalidNationalId,
      'national_id is not a valid 18-character national ID number (GB 11643 check digit)',
    );
  }

  if (problems.length > 0 || !gender || !schoolClass) {
    return {
      rejection: {
        line: record.line,
        studentNumber: rawNumber ? studentNumber.slice(0, 64) : null,
        code: problems[0].code,
        reason: problems
          .map((p) => p.reason)
          .join('; ')
          .slice(0, 500),
      },
    };
  }
  return {
    row: { line: record.line, studentNumber, name, gender, dateOfBirth, schoolClass, nationalId },
  };
}
