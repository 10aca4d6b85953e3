import { AppError } from '@app/errors';

export const venueNotFound = (venueId: string): AppError =>
  new AppError('VENUE_NOT_FOUND', 'not_found', 'No such venue', { venueId });

export const closureNotFound = (venueId: string, date: string): AppError =>
  new AppError('CLOSURE_NOT_FOUND', 'not_found', 'The venue has no special closure that day', {
    venueId,
    date,
  });

export const venueOrganisationUnknown = (organisationId: string | null): AppError =>
  new AppError(
    'VENUE_ORGANISATION_UNKNOWN',
    'invalid',
    'A venue belongs to a venue organisation of the directory; this one is unknown or not a venue',
    { organisationId },
  );

export const venueActionForbidden = (what: string): AppError =>
  new AppError('VENUE_ACTION_FORBIDDEN', 'forbidden', `Your role may not ${what}`);

export const studentPriceNotAllowed = (category: string): AppError =>
  new AppError(
    'STUDENT_PRICE_NOT_ALLOWED',
    'invalid',
    `Entry to a ${category} is free for students by policy: it cannot have a student price`,
    {
      category,
      fields: [
        { field: 'studentPriceFen', errors: ['must be absent or null for a free category'] },
      ],
    },
  );

export const studentPriceRequired = (category: string): AppError =>
  new AppError(
    'STUDENT_PRICE_REQUIRED',
    'invalid',
    `A ${category} states its student price (0 for free)`,
    { category, fields: [{ field: 'studentPriceFen', errors: ['is required for this category'] }] },
  );

export const openingHoursInvalid = (): AppError =>
  new AppError('OPENING_HOURS_INVALID', 'invalid', 'Every day must close after it opens');

/** Outside the actor's scope: answered as if the organisation did not exist. */
export const venueOrganisationNotFound = (organisationId: string): AppError =>
  new AppError('VENUE_ORGANISATION_NOT_FOUND', 'not_found', 'No such venue organisation', {
    organisationId,
  });

export const venueRegionOutsideOrganisation = (
  regionCode: string,
  organisationRegionCode: string | null,
): AppError =>
  new AppError(
    'VENUE_REGION_OUTSIDE_ORGANISATION',
    'invalid',
    organisationRegionCode
      ? `A venue's region lies inside its organisation's region ${organisationRegionCode}; ${regionCode} does not`
      : `The venue's organisation is not known yet: its region cannot be checked`,
    {
      regionCode,
      organisationRegionCode,
      fields: [{ field: 'regionCode', errors: ["must lie inside the organisation's region"] }],
    },
  );

export const regionChangeNotAllowed = (why: string): AppError =>
  new AppError('REGION_CHANGE_NOT_ALLOWED', 'forbidden', `You may not move this venue: ${why}`);
