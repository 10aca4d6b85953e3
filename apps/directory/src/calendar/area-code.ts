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
