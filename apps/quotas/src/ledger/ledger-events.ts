import { createHash } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  AttendanceRecordedEnvelope,
  ParticipationRecordedEnvelope,
  ScreeningBookingEnvelope,
  ScreeningsEventTopics,
  StudyToursEventTopics,
  VenuesEventTopics,
  type QuotaKind,
  type VisitEventPayload,
} from '@app/contracts';
import { localDateOf } from '../clock.js';

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

export interface BookingFact {
  bookingId: string;
  studentId: string;
  filmId: string;
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
  VenuesEventTopics.visitCheckedIn,
] as const;

function validated<T extends object>(cls: new () => T, raw: unknown): T {
  const instance = plainToInstance(cls, raw);
  const errors = validateSync(instance as object, { forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new InvalidLedgerEvent(
      errors.map((e) => `${e.property}: ${JSON.stringify(e.constraints ?? e.children)}`).join('; '),
    );
  }
  return instance;
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
  const localDate = localDateOf(new Date(p.slotStartsAt));
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
      const e = validated(AttendanceRecordedEnvelope, raw);
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
      const e = validated(ParticipationRecordedEnvelope, raw);
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
      const e = validated(ScreeningBookingEnvelope, raw);
      const p = e.payload;
      const active = topic === ScreeningsEventTopics.screeningBooked;
      return {
        type: 'bookings',
        bookings: p.studentIds.map((studentId) => ({
          bookingId: p.bookingId,
          studentId,
          filmId: p.filmId,
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
