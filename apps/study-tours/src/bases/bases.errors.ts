import { AppError } from '@app/errors';

export const baseNotFound = (): AppError =>
  new AppError('STUDY_TOUR_BASE_NOT_FOUND', 'not_found', 'No such study-tour base in your scope');
export const designationNotFound = (): AppError =>
  new AppError('DESIGNATION_NOT_FOUND', 'not_found', 'No such designation in your scope');
export const programmeNotFound = (): AppError =>
  new AppError('PROGRAMME_NOT_FOUND', 'not_found', 'No such programme');
export const baseNotDesignated = (organisationId: string): AppError =>
  new AppError(
    'BASE_NOT_DESIGNATED',
    'conflict',
    'The base holds no active designation in force: it takes no new programmes or bookings',
    { organisationId },
  );
