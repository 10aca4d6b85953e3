import type { VisitEventPayload } from '@app/contracts';
import type { BookingRow } from './bookings.repository.js';

export function visitPayloadOf(
  b: BookingRow,
  status = b.status,
  reason: string | null = null,
  at = new Date(),
): VisitEventPayload {
  return {
    bookingId: b.id,
    kind: b.kind,
    status,
    venueId: b.venue_id,
    venueOrganisationId: b.venue_organisation_id,
    slotId: b.slot_id,
    slotStartsAt: b.slot_starts_at.toISOString(),
    slotEndsAt: b.slot_ends_at.toISOString(),
    bookerAccountId: b.booker_account_id,
    schoolOrganisationId: b.school_organisation_id,
    studentIds: JSON.parse(b.student_ids) as string[],
    studentCount: b.student_count,
    teacherCount: b.teacher_count,
    reason,
    occurredAt: at.toISOString(),
    // Only activity bookings carry it, so a slot visit's payload is as it always was.
    ...(b.activity_id ? { activityId: b.activity_id } : {}),
  };
}
