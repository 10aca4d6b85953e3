/** The suite's one area rule lives in the contracts (shared with venues and quotas). */
export { NATIONAL_AREA_CODE, enclosingAreas } from '@app/contracts';
