import { randomUUID } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  AttendanceRecordedEnvelope,
  ParticipationRecordedEnvelope,
  ScreeningBookingEnvelope,
  ScreeningsEventTopics,
  StudyToursEventTopics,
  TourBookingEventEnvelope,
  VenuesEventTopics,
} from '@app/contracts';
import { InvalidLedgerEvent, ledgerInputOf, visitStudentId } from './ledger-events.js';

const envelope = (payload: object) =>
  JSON.stringify({
    id: randomUUID(),
    type: 't',
    occurredAt: new Date().toISOString(),
    producer: 'test',
    correlationId: null,
    key: 'k',
    payload,
  });

describe('ledgerInputOf', () => {
  it('turns a group check-in into one fact per roster student, dated in Asia/Shanghai', () => {
    const [bookingId, venueId, school, a, b] = Array.from({ length: 5 }, () => randomUUID());
    const input = ledgerInputOf(
      VenuesEventTopics.visitCheckedIn,
      envelope({
        bookingId,
        venueId,
        slotStartsAt: '2026-10-09T17:00:00.000Z',
        schoolOrganisationId: school,
        studentIds: [a, b],
      }),
    );
    expect(input.type).toBe('facts');
    const facts = input.type === 'facts' ? input.facts : [];
    expect(facts.map((f) => [f.studentId, f.subjectId, f.localDate, f.kind])).toEqual([
      [a, venueId, '2026-10-10', 'venue_visit'],
      [b, venueId, '2026-10-10', 'venue_visit'],
    ]);
    expect(facts[0].sourceId).toBe(visitStudentId(bookingId, a));
    expect(facts[0].sourceId).not.toBe(facts[1].sourceId);
  });

  it('counts no individual visit (no roster student)', () => {
    const input = ledgerInputOf(
      VenuesEventTopics.visitCheckedIn,
      envelope({
        bookingId: randomUUID(),
        venueId: randomUUID(),
        slotStartsAt: '2026-10-09T02:00:00.000Z',
        schoolOrganisationId: null,
        studentIds: [],
      }),
    );
    expect(input).toEqual({ type: 'facts', facts: [] });
  });

  it('refuses an attendance event without its revision', () => {
    expect(() =>
      ledgerInputOf(
        ScreeningsEventTopics.attendanceRecorded,
        envelope({ attendanceId: randomUUID(), studentId: randomUUID() }),
      ),
    ).toThrow(InvalidLedgerEvent);
    expect(() => ledgerInputOf(ScreeningsEventTopics.attendanceRecorded, 'not json')).toThrow(
      InvalidLedgerEvent,
    );
  });

  describe('accepts and refuses exactly what the contract classes do', () => {
    const contract = (cls: new () => object, raw: unknown): boolean =>
      validateSync(plainToInstance<object, unknown>(cls, raw), { forbidUnknownValues: false })
        .length === 0;
    const ledger = (topic: string, raw: unknown): boolean => {
      try {
        ledgerInputOf(topic, JSON.stringify(raw));
        return true;
      } catch (error) {
        if (error instanceof InvalidLedgerEvent) return false;
        throw error;
      }
    };
    const base = () => ({
      id: randomUUID(),
      type: 't',
      occurredAt: '2026-09-01T02:00:00.000Z',
      producer: 'test',
      correlationId: null,
      key: 'k',
    });
    const cases: { topic: string; cls: new () => object; payload: Record<string, unknown> }[] = [
      {
        topic: ScreeningsEventTopics.attendanceRecorded,
        cls: AttendanceRecordedEnvelope,
        payload: {
          attendanceId: randomUUID(),
          revision: 2,
          screeningId: randomUUID(),
          filmId: randomUUID(),
          studentId: randomUUID(),
          schoolId: randomUUID(),
          classId: randomUUID(),
          grade: 12,
          present: false,
          startsAt: '2026-09-01T02:00:00.000Z',
          localDate: '2026-09-01',
          recordedAt: '2026-09-01T04:00:00+08:00',
        },
      },
      {
        topic: StudyToursEventTopics.participationRecorded,
        cls: ParticipationRecordedEnvelope,
        payload: {
          participationId: randomUUID(),
          revision: 1,
          bookingId: randomUUID(),
          baseOrganisationId: randomUUID(),
          programmeId: randomUUID(),
          studentId: randomUUID(),
          schoolId: randomUUID(),
          classId: null,
          grade: 1,
          tookPart: true,
          localDate: '2026-09-01',
          recordedAt: '2026-09-01T02:00:00.000Z',
        },
      },
      {
        topic: StudyToursEventTopics.tourBookingConfirmed,
        cls: TourBookingEventEnvelope,
        payload: {
          bookingId: randomUUID(),
          status: 'confirmed',
          baseOrganisationId: randomUUID(),
          programmeId: randomUUID(),
          schoolId: randomUUID(),
          studentIds: [randomUUID(), randomUUID()],
          localDate: '2026-09-01',
          endDate: '2026-09-02',
          occurredAt: '2026-09-01T02:00:00.000Z',
        },
      },
      {
        topic: ScreeningsEventTopics.screeningBooked,
        cls: ScreeningBookingEnvelope,
        payload: {
          bookingId: randomUUID(),
          screeningId: randomUUID(),
          filmId: randomUUID(),
          schoolId: randomUUID(),
          classId: randomUUID(),
          studentIds: [randomUUID(), randomUUID()],
          startsAt: '2026-09-01T02:00:00.000Z',
          localDate: '2026-09-01',
        },
      },
    ];
    // Each field replaced in turn by each of these (undefined: the field left out).
    const wrongs: unknown[] = [
      undefined,
      null,
      '',
      'x',
      0,
      -1,
      13,
      1.5,
      '5',
      true,
      'true',
      [],
      {},
      '2026-02-30',
      '2026-09-01',
      '2026-09-01T25:00:00Z',
      '12345678-1234-1234-1234-123456789012',
      'A0A0A0A0-0000-4000-8000-000000000001',
      [randomUUID(), 'x'],
      Array.from({ length: 5001 }, () => 'a0a0a0a0-0000-4000-8000-000000000001'),
    ];

    it.each(cases)('$topic: a valid event is accepted by both', ({ topic, cls, payload }) => {
      const raw = { ...base(), payload };
      expect(contract(cls, raw)).toBe(true);
      expect(ledger(topic, raw)).toBe(true);
    });

    it.each(cases)(
      '$topic: every changed field gets the same answer',
      ({ topic, cls, payload }) => {
        let compared = 0;
        const disagreements: string[] = [];
        const check = (what: string, raw: unknown) => {
          compared += 1;
          const expected = contract(cls, raw);
          if (ledger(topic, raw) !== expected)
            disagreements.push(`${what} (contract: ${expected})`);
        };
        for (const field of Object.keys(payload)) {
          for (const wrong of wrongs) {
            check(`payload.${field} = ${JSON.stringify(wrong)?.slice(0, 60)}`, {
              ...base(),
              payload: { ...payload, [field]: wrong },
            });
          }
        }
        for (const field of Object.keys(base())) {
          for (const wrong of wrongs) {
            check(`${field} = ${JSON.stringify(wrong)?.slice(0, 60)}`, {
              ...base(),
              [field]: wrong,
              payload,
            });
          }
        }
        expect(disagreements).toEqual([]);
        expect(compared).toBeGreaterThan(200);
      },
    );

    // The classes let an envelope without a payload object through (`@ValidateNested` skips
    // undefined and validates an array element-wise): reading it then threw a TypeError, which
    // the consumer retried for ever. The ledger refuses it, so it goes to the dead letters.
    it.each(cases)('$topic: an envelope without a payload object is refused', ({ topic }) => {
      const accepted = wrongs.filter((wrong) => ledger(topic, { ...base(), payload: wrong }));
      expect(accepted).toEqual([]);
    });
  });
});
