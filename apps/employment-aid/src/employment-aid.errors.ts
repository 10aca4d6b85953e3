import { AppError } from '@app/errors';

export const graduateNotFound = (): AppError =>
  new AppError('GRADUATE_NOT_FOUND', 'not_found', 'No such graduate');
export const mentorNotFound = (): AppError =>
  new AppError('MENTOR_NOT_FOUND', 'not_found', 'No such mentor');
export const goalNotFound = (): AppError =>
  new AppError('GOAL_NOT_FOUND', 'not_found', 'No such goal');
export const referralNotFound = (): AppError =>
  new AppError('REFERRAL_NOT_FOUND', 'not_found', 'No such referral');
export const sessionNotFound = (): AppError =>
  new AppError('SESSION_NOT_FOUND', 'not_found', 'No such support session');
export const outcomeNotFound = (): AppError =>
  new AppError('OUTCOME_NOT_FOUND', 'not_found', 'No such outcome');
export const trainingNotFound = (): AppError =>
  new AppError('TRAINING_NOT_FOUND', 'not_found', 'No such training session');
export const universityNotFound = (): AppError =>
  new AppError('UNIVERSITY_NOT_FOUND', 'not_found', 'No such university');
export const bureauNotFound = (): AppError =>
  new AppError('BUREAU_NOT_FOUND', 'not_found', 'No such bureau');
export const forbidden = (message: string): AppError =>
  new AppError('FORBIDDEN', 'forbidden', message);

export const mentorAtCapacity = (capacity: number): AppError =>
  new AppError(
    'MENTOR_AT_CAPACITY',
    'conflict',
    `The mentor already has ${capacity} active mentees, the most they take`,
    { capacity },
  );
export const mentorAlreadyAssigned = (): AppError =>
  new AppError('MENTOR_ALREADY_ASSIGNED', 'conflict', 'This mentor is already the active mentor');
export const graduateAlreadyHasMentor = (): AppError =>
  new AppError(
    'GRADUATE_ALREADY_HAS_MENTOR',
    'conflict',
    'Another mentor was assigned to this graduate at the same moment; reload and reassign with a reason',
  );
export const mentorAccountTaken = (): AppError =>
  new AppError('MENTOR_ACCOUNT_TAKEN', 'conflict', 'This account already has a mentor profile');
export const mentorAccountNotEligible = (role: string): AppError =>
  new AppError(
    'MENTOR_ACCOUNT_NOT_ELIGIBLE',
    'invalid',
    `A mentor's account has the role mentor or career_centre_staff, not ${role}`,
    { role },
  );
export const reassignmentReasonRequired = (): AppError =>
  new AppError(
    'REASSIGNMENT_REASON_REQUIRED',
    'invalid',
    'The graduate has an active mentor: give a reason for the reassignment',
  );
export const sessionEditWindowClosed = (hours: number): AppError =>
  new AppError(
    'SESSION_EDIT_WINDOW_CLOSED',
    'conflict',
    `Session notes can be edited for ${hours} hours after logging`,
    { hours },
  );
export const outcomeAlreadyVerified = (): AppError =>
  new AppError('OUTCOME_ALREADY_VERIFIED', 'conflict', 'This outcome is already verified');
export const trainingFull = (capacity: number): AppError =>
  new AppError('TRAINING_FULL', 'conflict', `All ${capacity} places are taken`, { capacity });
export const alreadyEnrolled = (): AppError =>
  new AppError('ALREADY_ENROLLED', 'conflict', 'The graduate is already enrolled');
export const notEnrolled = (): AppError =>
  new AppError('NOT_ENROLLED', 'conflict', 'The graduate is not enrolled in this session');
export const invalidCapacity = (active: number): AppError =>
  new AppError(
    'INVALID_CAPACITY',
    'invalid',
    `The mentor has ${active} active mentees; capacity cannot go below that`,
    { active },
  );

export const postingNotFound = (): AppError =>
  new AppError('POSTING_NOT_FOUND', 'not_found', 'No such posting');
export const postingAlreadyReviewed = (): AppError =>
  new AppError('POSTING_ALREADY_REVIEWED', 'conflict', 'This posting has already been reviewed');
export const postingSelfReview = (): AppError =>
  new AppError(
    'POSTING_SELF_REVIEW',
    'conflict',
    'Another member of the career centre reviews a posting, not its author',
  );
export const postingNotOpen = (): AppError =>
  new AppError('POSTING_NOT_OPEN', 'conflict', 'The posting is not published or has expired');
export const invalidWages = (): AppError =>
  new AppError('VALIDATION_FAILED', 'invalid', 'wageMax must not be below wageMin', {
    fields: [{ field: 'wageMax', errors: ['wageMax must not be below wageMin'] }],
  });

/** Unknown to this service, or of another university: the same answer, so nothing leaks. */
export const accountNotFound = (): AppError =>
  new AppError(
    'ACCOUNT_NOT_FOUND',
    'not_found',
    'No such account at your university (or the directory has not announced it yet)',
  );
export const graduateAccountTaken = (): AppError =>
  new AppError(
    'GRADUATE_ACCOUNT_TAKEN',
    'conflict',
    'This account is already linked to a graduate record',
  );
export const graduateAlreadyLinked = (): AppError =>
  new AppError(
    'GRADUATE_ALREADY_LINKED',
    'conflict',
    'This graduate record is already linked to an account; unlink it first',
  );
export const graduateAccountNotEligible = (role: string): AppError =>
  new AppError(
    'GRADUATE_ACCOUNT_NOT_ELIGIBLE',
    'invalid',
    `A graduate's own account has the role graduate, not ${role}`,
    { role },
  );
export const graduateNotLinked = (): AppError =>
  new AppError(
    'GRADUATE_NOT_LINKED',
    'not_found',
    'No graduate record of the career centre is linked to your account',
  );
