import { AppError } from '@app/errors';

/** A holiday or make-up working day of an area, as the calendar event carries it. */
export interface HolidayRecord {
  id: string;
  areaCode: string;
  date: string;
  kind: 'holiday' | 'makeup_workday';
  name: string | null;
}

/** A vacation of an area and school year, as the calendar event carries it. */
export interface VacationRecord {
  id: string;
  areaCode: string;
  schoolYear: string;
  kind: string;
  name: string | null;
  startsOn: string;
  endsOn: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const invalid = (message: string): AppError =>
  new AppError('VALIDATION_FAILED', 'invalid', message);
const str = (r: Record<string, unknown>, key: string): string => {
  const value = r[key];
  if (typeof value !== 'string') throw invalid(`record.${key} must be a string`);
  return value;
};
const date = (r: Record<string, unknown>, key: string): string => {
  const value = str(r, key);
  if (!DATE.test(value)) throw invalid(`record.${key} must be a date`);
  return value;
};
const optionalStr = (r: Record<string, unknown>, key: string): string | null =>
  r[key] === null || r[key] === undefined ? null : str(r, key);

/** A holiday record of a calendar event, checked (a bad one goes to the dead letters). */
export function holidayRecordOf(r: Record<string, unknown>): HolidayRecord {
  const kind = str(r, 'kind');
  if (kind !== 'holiday' && kind !== 'makeup_workday') throw invalid('record.kind is unknown');
  return {
    id: str(r, 'id'),
    areaCode: str(r, 'areaCode'),
    date: date(r, 'date'),
    kind,
    name: optionalStr(r, 'name'),
  };
}

/** A vacation record of a calendar event, checked. */
export function vacationRecordOf(r: Record<string, unknown>): VacationRecord {
  return {
    id: str(r, 'id'),
    areaCode: str(r, 'areaCode'),
    schoolYear: str(r, 'schoolYear'),
    kind: str(r, 'kind'),
    name: optionalStr(r, 'name'),
    startsOn: date(r, 'startsOn'),
    endsOn: date(r, 'endsOn'),
  };
}
