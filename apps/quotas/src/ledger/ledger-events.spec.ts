import { randomUUID } from 'node:crypto';
import { VenuesEventTopics, ScreeningsEventTopics } from '@app/contracts';
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
});
