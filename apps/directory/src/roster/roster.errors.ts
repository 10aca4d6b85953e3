import { AppError } from '@app/errors';

export const schoolNotFound = (): AppError =>
  new AppError('SCHOOL_NOT_FOUND', 'not_found', 'No such school');

export const classNotFound = (): AppError =>
  new AppError('CLASS_NOT_FOUND', 'not_found', 'No such class');

export const studentNotFound = (): AppError =>
  new AppError('STUDENT_NOT_FOUND', 'not_found', 'No such student');

export const importNotFound = (): AppError =>
  new AppError('ROSTER_IMPORT_NOT_FOUND', 'not_found', 'No such roster import');

export const classNameTaken = (name: string, schoolYear: string): AppError =>
  new AppError(
    'CLASS_NAME_TAKEN',
    'conflict',
    `The school already has a class named ${name} in ${schoolYear}`,
    { name, schoolYear },
  );

export const classNotEmpty = (): AppError =>
  new AppError('CLASS_NOT_EMPTY', 'conflict', 'Students are placed in this class; move them first');

export const studentNumberTaken = (studentNumber: string): AppError =>
  new AppError(
    'STUDENT_NUMBER_TAKEN',
    'conflict',
    `The school already has a student numbered ${studentNumber}`,
    { studentNumber },
  );

export const nationalIdAlreadyRecorded = (): AppError =>
  new AppError(
    'NATIONAL_ID_ALREADY_RECORDED',
    'conflict',
    'This national ID number is already recorded for another student (transfer that student instead)',
  );

export const studentNotActive = (): AppError =>
  new AppError('STUDENT_NOT_ACTIVE', 'conflict', 'The student has been withdrawn');

export const invalidRosterChange = (reason: string): AppError =>
  new AppError('INVALID_ROSTER_CHANGE', 'invalid', reason);

export const invalidUpload = (reason: string): AppError =>
  new AppError('ROSTER_IMPORT_INVALID_UPLOAD', 'invalid', reason);

export const importNotUploading = (): AppError =>
  new AppError(
    'ROSTER_IMPORT_NOT_UPLOADING',
    'conflict',
    'This import is no longer receiving its file',
  );
