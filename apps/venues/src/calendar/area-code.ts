/** The suite's one area rule lives in the contracts (shared with the directory and quotas). */
export { NATIONAL_AREA_CODE, enclosingAreas, regionPrefixOf } from '@app/contracts';
