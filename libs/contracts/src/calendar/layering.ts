import { enclosingAreas } from './area-code.js';

/**
 * How the calendar data of nested areas combines, in one place: the directory's day and
 * range queries and the venues service's read model (opening hours) both call these, so a
 * date means the same everywhere. Areas are ranked by enclosingAreas (district → city →
 * province → `000000`); records of areas outside that chain are ignored.
 *
 * - Holidays and make-up working days are layered **per date**: for each date, the entry of
 *   the nearest area that has one for that date decides. A province adds a local holiday or
 *   overrides the kind or name of a national date with a row of its own; every other date
 *   falls through to the city, the province, then the nation. A lower level cannot cancel a
 *   national day (statutory holidays and their make-up days are set for the whole country);
 *   a wrong national row is corrected at national level.
 * - Terms and vacations are layered **per school year**: the nearest area that defines any
 *   term (or any vacation) of a school year supplies all of them for that year. They are
 *   periods, so a date is never judged by one area's first term and another's second.
 */

interface AreaRecord {
  areaCode: string;
}

/**
 * The records that apply to `areaCode`: for each group (`groupOf`), those of the nearest
 * enclosing area that has any in that group. Order of the input is kept.
 */
export function layeredRecords<T extends AreaRecord>(
  areaCode: string,
  records: readonly T[],
  groupOf: (record: T) => string,
): T[] {
  const rank = new Map(enclosingAreas(areaCode).map((code, index) => [code, index]));
  const nearestByGroup = new Map<string, number>();
  for (const record of records) {
    const r = rank.get(record.areaCode);
    if (r === undefined) continue;
    const group = groupOf(record);
    nearestByGroup.set(group, Math.min(r, nearestByGroup.get(group) ?? r));
  }
  return records.filter((record) => {
    const r = rank.get(record.areaCode);
    return r !== undefined && r === nearestByGroup.get(groupOf(record));
  });
}

/** Holiday entries layered per date: the deciding entry of each date that has one. */
export function holidaysByDate<T extends AreaRecord & { date: string }>(
  areaCode: string,
  records: readonly T[],
): Map<string, T> {
  return new Map(layeredRecords(areaCode, records, (r) => r.date).map((r) => [r.date, r]));
}

/** Terms or vacations layered per school year: the whole set of the nearest defining area. */
export function periodsBySchoolYear<T extends AreaRecord & { schoolYear: string }>(
  areaCode: string,
  records: readonly T[],
): T[] {
  return layeredRecords(areaCode, records, (r) => r.schoolYear);
}
