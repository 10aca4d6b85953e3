import { createHash } from 'node:crypto';
import { isBoolean, isInt, isISO8601, isString, isUUID } from 'class-validator';
import {
  isCalendarDate,
  type AttendanceRecordedEnvelope,
  type ParticipationRecordedEnvelope,
  MAX_TOUR_STUDENTS,
  type ScreeningBookingEnvelope,
  ScreeningsEventTopics,
  StudyToursEventTopics,
  type TourBookingEventEnvelope,
  VenuesEventTopics,
  type QuotaKind,
  type VisitEventPayload,
} from '@app/contracts';
import { shanghaiDateOf } from '@app/time';

/** A countable fact: one attendance, participation or (visit, student), at its latest revision. */
export interface LedgerFact {
  sourceId: string;
  kind: QuotaKind;
  revision: number;
  studentId: string;
  schoolId: string;
  /** What "distinct" counts: the film, the venue, the study-tour programme. */
  subjectId: string;
  localDate: string;
  counts: boolean;
  eventId: string;
}

/** A student's place in an upcoming booking: a screening (a film) or a confirmed study tour. */
export interface BookingFact {
  bookingId: string;
  studentId: string;
  kind: Extract<QuotaKind, 'film' | 'study_tour'>;
  /** What the booking would count: the film, the study-tour programme. */
  subjectId: string;
  schoolId: string;
  localDate: string;
  active: boolean;
}

export type LedgerInput =
  | { type: 'facts'; facts: LedgerFact[] }
  | { type: 'bookings'; bookings: BookingFact[] }
  | { type: 'ignored' };

export class InvalidLedgerEvent extends Error {}

/** The topics the ledger reads. */
export const LEDGER_TOPICS = [
  ScreeningsEventTopics.attendanceRecorded,
  ScreeningsEventTopics.screeningBooked,
  ScreeningsEventTopics.screeningBookingCancelled,
  StudyToursEventTopics.participationRecorded,
  StudyToursEventTopics.tourBookingConfirmed,
  StudyToursEventTopics.tourBookingCancelled,
  VenuesEventTopics.visitCheckedIn,
] as const;

/** Checks one field as the contract's class-validator decorators do (same functions). */
type FieldCheck = (value: unknown) => boolean;

const uuid: FieldCheck = (v) => isUUID(v);
const optionalUuid: FieldCheck = (v) => v === null || v === undefined || isUUID(v);
const text: FieldCheck = (v) => isString(v);
const optionalText: FieldCheck = (v) => v === null || v === undefined || isString(v);
const intFrom =
  (min: number, max = Number.MAX_SAFE_INTEGER): FieldCheck =>
  (v) =>
    isInt(v) && (v as number) >= min && (v as number) <= max;
const bool: FieldCheck = (v) => isBoolean(v);
const instant: FieldCheck = (v) => isISO8601(v);
const calendarDate: FieldCheck = (v) => typeof v === 'string' && isCalendarDate(v);
const uuidList =
  (max: number): FieldCheck =>
  (v) =>
    Array.isArray(v) && v.length <= max && v.every((id) => isUUID(id));

/** `EventEnvelopeFields`. */
const ENVELOPE: Record<string, FieldCheck> = {
  id: uuid,
  type: text,
  occurredAt: text,
  producer: text,
  correlationId: optionalText,
  key: text,
};

/** `AttendanceRecordedPayload`. */
const ATTENDANCE: Record<string, FieldCheck> = {
  attendanceId: uuid,
  revision: intFrom(1),
  screeningId: uuid,
  filmId: uuid,
  studentId: uuid,
  schoolId: uuid,
  classId: optionalUuid,
  grade: intFrom(1, 12),
  present: bool,
  startsAt: instant,
  localDate: calendarDate,
  recordedAt: instant,
};

/** `ParticipationRecordedPayload`. */
const PARTICIPATION: Record<string, FieldCheck> = {
  participationId: uuid,
  revision: intFrom(1),
  bookingId: uuid,
  baseOrganisationId: uuid,
  programmeId: uuid,
  studentId: uuid,
  schoolId: uuid,
  classId: optionalUuid,
  grade: intFrom(1, 12),
  tookPart: bool,
  localDate: calendarDate,
  recordedAt: instant,
};

/** `ScreeningBookingPayload`. */
const SCREENING_BOOKING: Record<string, FieldCheck> = {
  bookingId: uuid,
  screeningId: uuid,
  filmId: uuid,
  schoolId: uuid,
  classId: optionalUuid,
  studentIds: uuidList(5000),
  startsAt: instant,
  localDate: calendarDate,
};

const oneOf =
  (values: readonly string[]): FieldCheck =>
  (v) =>
    typeof v === 'string' && values.includes(v);

/** `TourBookingEventPayload`. */
const TOUR_BOOKING: Record<string, FieldCheck> = {
  bookingId: uuid,
  status: oneOf(['confirmed', 'cancelled']),
  baseOrganisationId: uuid,
  programmeId: uuid,
  schoolId: uuid,
  studentIds: uuidList(MAX_TOUR_STUDENTS),
  localDate: calendarDate,
  endDate: calendarDate,
  occurredAt: instant,
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The envelope and payload checked field by field against the contract's rules, with the
 * validator functions its decorators use: the ledger reads thousands of events a second, and
 * `plainToInstance` + `validateSync` cost about 45 µs an event (most of a chunk's parse time,
 * docs/benchmarks.md). ledger-events.spec.ts asserts both accept and refuse the same events.
 */
function checked<T>(raw: unknown, payloadFields: Record<string, FieldCheck>): T {
  if (!isRecord(raw)) throw new InvalidLedgerEvent('not an event envelope');
  const invalid: string[] = [];
  for (const name in ENVELOPE) if (!ENVELOPE[name](raw[name])) invalid.push(name);
  const payload = raw.payload;
  if (!isRecord(payload)) invalid.push('payload');
  else
    for (const name in payloadFields) {
      if (!payloadFields[name](payload[name])) invalid.push(`payload.${name}`);
    }
  if (invalid.length > 0) throw new InvalidLedgerEvent(`invalid ${invalid.join(', ')}`);
  return raw as unknown as T;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A stable id for a (visit, student) pair, shaped like a UUID so it fits the facts' key. */
export function visitStudentId(bookingId: string, studentId: string): string {
  const h = createHash('sha256').update(`${bookingId}|${studentId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function visitFacts(raw: unknown): LedgerFact[] {
  const e = raw as { id?: unknown; payload?: Partial<VisitEventPayload> };
  const p = e.payload;
  if (
    typeof e.id !== 'string' ||
    !p ||
    typeof p.bookingId !== 'string' ||
    typeof p.venueId !== 'string' ||
    typeof p.slotStartsAt !== 'string' ||
    !Array.isArray(p.studentIds) ||
    Number.isNaN(Date.parse(p.slotStartsAt))
  ) {
    throw new InvalidLedgerEvent('not a venues visit event');
  }
  // A visit without a school is not counted; an individual visit names its student only when
  // the student's account is linked to its roster student (else `studentIds` is empty).
  if (typeof p.schoolOrganisationId !== 'string') return [];
  const localDate = shanghaiDateOf(new Date(p.slotStartsAt));
  return p.studentIds
    .filter((id): id is string => typeof id === 'string' && UUID.test(id))
    .map((studentId) => ({
      sourceId: visitStudentId(p.bookingId as string, studentId),
      kind: 'venue_visit' as const,
      revision: 1,
      studentId,
      schoolId: p.schoolOrganisationId as string,
      subjectId: p.venueId as string,
      localDate,
      counts: true,
      eventId: e.id as string,
    }));
}

/** Reads one message of a ledger topic; throws InvalidLedgerEvent for a malformed one. */
export function ledgerInputOf(topic: string, value: string): LedgerInput {
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch {
    throw new InvalidLedgerEvent('not JSON');
  }
  switch (topic) {
    case ScreeningsEventTopics.attendanceRecorded: {
      const e = checked<AttendanceRecordedEnvelope>(raw, ATTENDANCE);
      const p = e.payload;
      return {
        type: 'facts',
        facts: [
          {
            sourceId: p.attendanceId,
            kind: 'film',
            revision: p.revision,
            studentId: p.studentId,
            schoolId: p.schoolId,
            subjectId: p.filmId,
            localDate: p.localDate,
            counts: p.present,
            eventId: e.id,
          },
        ],
      };
    }
    case StudyToursEventTopics.participationRecorded: {
      const e = checked<ParticipationRecordedEnvelope>(raw, PARTICIPATION);
      const p = e.payload;
      return {
        type: 'facts',
        facts: [
          {
            sourceId: p.participationId,
            kind: 'study_tour',
            revision: p.revision,
            studentId: p.studentId,
            schoolId: p.schoolId,
            subjectId: p.programmeId,
            localDate: p.localDate,
            counts: p.tookPart,
            eventId: e.id,
          },
        ],
      };
    }
    case VenuesEventTopics.visitCheckedIn:
      return { type: 'facts', facts: visitFacts(raw) };
    case ScreeningsEventTopics.screeningBooked:
    case ScreeningsEventTopics.screeningBookingCancelled: {
      const e = checked<ScreeningBookingEnvelope>(raw, SCREENING_BOOKING);
      const p = e.payload;
      const active = topic === ScreeningsEventTopics.screeningBooked;
      return {
        type: 'bookings',
        bookings: p.studentIds.map((studentId) => ({
          bookingId: p.bookingId,
          studentId,
          kind: 'film' as const,
          subjectId: p.filmId,
          schoolId: p.schoolId,
          localDate: p.localDate,
          active,
        })),
      };
    }
    case StudyToursEventTopics.tourBookingConfirmed:
    case StudyToursEventTopics.tourBookingCancelled: {
      // A confirmed tour is planned, as a booked screening is; the topic decides, as there.
      const e = checked<TourBookingEventEnvelope>(raw, TOUR_BOOKING);
      const p = e.payload;
      const active = topic === StudyToursEventTopics.tourBookingConfirmed;
      return {
        type: 'bookings',
        bookings: p.studentIds.map((studentId) => ({
          bookingId: p.bookingId,
          studentId,
          kind: 'study_tour' as const,
          subjectId: p.programmeId,
          schoolId: p.schoolId,
          localDate: p.localDate,
          active,
        })),
      };
    }
    default:
      return { type: 'ignored' };
  }
}
