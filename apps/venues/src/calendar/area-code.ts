/**
 * Copied from the directory's calendar (apps/directory/src/calendar/area-code.ts): services
 * share no code but libs, and this rule must resolve areas exactly like the directory does.
 */
export const NATIONAL_AREA_CODE = '000000';

/** Nearest first: the area, its city, its province, the country. `370102` → 370102, 370100, 370000, 000000. */
export function enclosingAreas(areaCode: string): string[] {
  const candidates = [
    areaCode,
    `${areaCode.slice(0, 4)}00`,
    `${areaCode.slice(0, 2)}0000`,
    NATIONAL_AREA_CODE,
  ];
  return [...new Set(candidates)];
}

/** SQL LIKE pattern of the region codes inside an area: `370000` → `37%`, `370100` → `3701%`. */
export function regionPrefixOf(areaCode: string): string {
  if (areaCode === NATIONAL_AREA_CODE) return '%';
  if (areaCode.endsWith('0000')) return `${areaCode.slice(0, 2)}%`;
  if (areaCode.endsWith('00')) return `${areaCode.slice(0, 4)}%`;
  return areaCode;
}
