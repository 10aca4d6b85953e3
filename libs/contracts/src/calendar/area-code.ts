/**
 * How the suite resolves areas, in one place (the directory, venues and quotas used to keep
 * copies). Region codes are GB/T 2260: 2 digits province, 2 city, 2 district.
 */

/** The code of the whole country: data entered there applies wherever nothing nearer does. */
export const NATIONAL_AREA_CODE = '000000';

/**
 * The areas whose calendar data applies to an area, nearest first: the area itself, its city
 * (first 4 digits + `00`), its province (first 2 digits + `0000`), then the country
 * (`000000`). `370102` (Lixia district) → `370102, 370100, 370000, 000000`.
 */
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

/** True when `region` lies inside `area` (`370000` covers `37xxxx`; `000000` covers all). */
export function regionContains(area: string, region: string): boolean {
  if (area === NATIONAL_AREA_CODE) return true;
  if (area.endsWith('0000')) return region.startsWith(area.slice(0, 2));
  if (area.endsWith('00')) return region.startsWith(area.slice(0, 4));
  return region === area;
}
