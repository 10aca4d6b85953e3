import { AppError } from '@app/errors';

export const parentNotFound = (): AppError =>
  new AppError('PARENT_ORGANISATION_NOT_FOUND', 'not_found', 'No such parent organisation');

export const invalidHierarchy = (reason: string): AppError =>
  new AppError('INVALID_ORGANISATION_HIERARCHY', 'invalid', reason);

/** A child's region lies inside its parent's: a city bureau cannot create a province. */
export const regionOutsideParent = (regionCode: string, parentRegionCode: string): AppError =>
  new AppError(
    'REGION_OUTSIDE_PARENT',
    'invalid',
    `Region ${regionCode} does not lie inside the parent's region ${parentRegionCode}`,
    { regionCode, parentRegionCode },
  );

/** A bureau's level is the level of its region code (a county bureau has a county code). */
export const regionLevelMismatch = (
  regionCode: string,
  level: string,
  codeLevel: string | null,
): AppError =>
  new AppError(
    'REGION_LEVEL_MISMATCH',
    'invalid',
    codeLevel
      ? `A ${level} bureau needs a ${level} region code; ${regionCode} is a ${codeLevel} code`
      : `${regionCode} is not a province, city or county region code`,
    { regionCode, level, regionLevel: codeLevel },
  );
