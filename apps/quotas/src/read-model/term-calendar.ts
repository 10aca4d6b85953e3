import { enclosingAreas, NATIONAL_AREA_CODE, schoolYearOfDate } from '@app/contracts';

export interface TermRecord {
  areaCode: string;
  schoolYear: string;
  termNo: number;
  startsOn: string;
  endsOn: string;
}

export interface ResolvedTerm {
  schoolYear: string;
  termNo: number;
  startsOn: string;
  endsOn: string;
}

/** Where a dated fact belongs: its school year always, its term when the date lies in one. */
export interface FactPeriod {
  schoolYear: string;
  termNo: number | null;
}

export const termPeriodKey = (schoolYear: string, termNo: number): string =>
  `${schoolYear}-T${termNo}`;

/** `2026-2027-T1` → the school year and term; `2026-2027` → the school year. */
export function parsePeriodKey(key: string): { schoolYear: string; termNo: number | null } {
  const match = /^(\d{4}-\d{4})(?:-T([12]))?$/.exec(key);
  if (!match) throw new Error(`not a period key: ${key}`);
  return { schoolYear: match[1], termNo: match[2] ? Number(match[2]) : null };
}

/**
 * The directory's term calendar as the quotas service sees it: terms per area, resolved
 * like the directory resolves periods, per school year from the nearest area that has any
 * (district → city → province → nation). A term's last day belongs to it.
 */
export class TermCalendar {
  private readonly byAreaYear = new Map<string, TermRecord[]>();

  constructor(terms: TermRecord[]) {
    for (const t of terms) {
      const key = `${t.areaCode}|${t.schoolYear}`;
      const list = this.byAreaYear.get(key) ?? [];
      list.push(t);
      this.byAreaYear.set(key, list);
    }
  }

  /** The terms of a school year that apply to a region (unknown region: the nation's). */
  termsOf(regionCode: string | null, schoolYear: string): ResolvedTerm[] {
    const areas = regionCode ? enclosingAreas(regionCode) : [NATIONAL_AREA_CODE];
    for (const area of areas) {
      const terms = this.byAreaYear.get(`${area}|${schoolYear}`);
      if (terms && terms.length > 0) {
        return terms
          .map((t) => ({
            schoolYear: t.schoolYear,
            termNo: t.termNo,
            startsOn: t.startsOn,
            endsOn: t.endsOn,
          }))
          .sort((a, b) => a.termNo - b.termNo);
      }
    }
    return [];
  }

  /** The term a date lies in for a school's region, or null (vacation, or no calendar yet). */
  termOn(regionCode: string | null, date: string): ResolvedTerm | null {
    const year = Number(date.slice(0, 4));
    for (const schoolYear of [`${year - 1}-${year}`, `${year}-${year + 1}`]) {
      const term = this.termsOf(regionCode, schoolYear).find(
        (t) => t.startsOn <= date && date <= t.endsOn,
      );
      if (term) return term;
    }
    return null;
  }

  periodOf(regionCode: string | null, date: string): FactPeriod {
    const term = this.termOn(regionCode, date);
    return term
      ? { schoolYear: term.schoolYear, termNo: term.termNo }
      : { schoolYear: schoolYearOfDate(date), termNo: null };
  }

  /** The first and last day of a period for a region, or null when the calendar has none. */
  rangeOf(regionCode: string | null, periodKey: string): { from: string; to: string } | null {
    const { schoolYear, termNo } = parsePeriodKey(periodKey);
    const terms = this.termsOf(regionCode, schoolYear);
    if (termNo === null) {
      const [first, second] = schoolYear.split('-');
      return { from: `${first}-08-01`, to: `${second}-07-31` };
    }
    const term = terms.find((t) => t.termNo === termNo);
    return term ? { from: term.startsOn, to: term.endsOn } : null;
  }
}
