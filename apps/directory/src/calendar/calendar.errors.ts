import type { HolidayImportRowError, TermView, VacationView } from '@app/contracts';
import { AppError } from '@app/errors';

export const termNotFound = (termId: string): AppError =>
  new AppError('TERM_NOT_FOUND', 'not_found', 'No such term', { termId });

export const vacationNotFound = (vacationId: string): AppError =>
  new AppError('VACATION_NOT_FOUND', 'not_found', 'No such vacation', { vacationId });

export const holidayNotFound = (holidayId: string): AppError =>
  new AppError('HOLIDAY_NOT_FOUND', 'not_found', 'No such holiday entry', { holidayId });

export const termExists = (existing: TermView): AppError =>
  new AppError(
    'TERM_EXISTS',
    'conflict',
    `Area ${existing.areaCode} already has term ${existing.term} of ${existing.schoolYear}`,
    { existing },
  );

export const termOverlap = (existing: TermView): AppError =>
  new AppError(
    'TERM_OVERLAP',
    'conflict',
    `The dates overlap term ${existing.term} (${existing.startsOn} to ${existing.endsOn}) of the same area and school year`,
    { existing },
  );

export const vacationExists = (existing: VacationView): AppError =>
  new AppError(
    'VACATION_EXISTS',
    'conflict',
    `Area ${existing.areaCode} already has a ${existing.kind} vacation in ${existing.schoolYear}`,
    { existing },
  );

export const vacationOverlap = (existing: VacationView): AppError =>
  new AppError(
    'VACATION_OVERLAP',
    'conflict',
    `The dates overlap the ${existing.kind} vacation (${existing.startsOn} to ${existing.endsOn}) of the same area and school year`,
    { existing },
  );

export const holidayImportInvalid = (errors: HolidayImportRowError[]): AppError =>
  new AppError(
    'HOLIDAY_IMPORT_INVALID',
    'invalid',
    `${errors.length} row(s) of the file are wrong; nothing was imported`,
    { errors },
  );
