import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { BookingKind, BookingStatus } from '@app/contracts';

export interface BookingRow {
  id: string;
  kind: BookingKind;
  status: BookingStatus;
  venue_id: string;
  venue_organisation_id: string;
  slot_id: string;
  local_date: string;
  slot_starts_at: Date;
  slot_ends_at: Date;
  booker_account_id: string;
  school_organisation_id: string | null;
  student_ids: string;
  student_count: number;
  teacher_count: number;
  places: number;
  note: string | null;
  decline_reason: string | null;
  decision_deadline: Date | null;
  slot_withdrawn: number;
  idempotency_key: string | null;
  request_hash: string | null;
  day_key: string | null;
  checked_in_at: Date | null;
  created_at: Date;
  updated_at: Date;
  /** Set for a booking of an activity (then `slot_id` is the activity's id too). */
  activity_id: string | null;
  cancel_reason: string | null;
  /** What a calendar change did: `calendar_change` (moved or cancelled), `venue_closed`. */
  change_reason: string | null;
  /** The slot's time before a calendar change moved the booking. */
  previous_slot_starts_at: Date | null;
  previous_slot_ends_at: Date | null;
}

export type NewBooking = Omit<
  BookingRow,
  | 'checked_in_at'
  | 'decline_reason'
  | 'slot_withdrawn'
  | 'updated_at'
  | 'cancel_reason'
  | 'change_reason'
  | 'previous_slot_starts_at'
  | 'previous_slot_ends_at'
>;

const COLUMNS = `b.*, DATE_FORMAT(b.local_date, '%Y-%m-%d') AS local_date`;

const INSERT_COLUMNS = `id, kind, status, venue_id, venue_organisation_id, slot_id, local_date,
  slot_starts_at, slot_ends_at, booker_account_id, school_organisation_id, student_ids, student_count,
  teacher_count, places, note, decision_deadline, idempotency_key, request_hash, day_key, created_at,
  updated_at, activity_id`;

function valuesOf(b: NewBooking): unknown[] {
  return [
    b.id,
    b.kind,
    b.status,
    b.venue_id,
    b.venue_organisation_id,
    b.slot_id,
    b.local_date,
    b.slot_starts_at,
    b.slot_ends_at,
    b.booker_account_id,
    b.school_organisation_id,
    b.student_ids,
    b.student_count,
    b.teacher_count,
    b.places,
    b.note,
    b.decision_deadline,
    b.idempotency_key,
    b.request_hash,
    b.day_key,
    b.created_at,
    b.created_at,
    b.activity_id,
  ];
}

@Injectable()
export class BookingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, b: NewBooking): Promise<void> {
    await manager.query(
      `INSERT INTO bookings (${INSERT_COLUMNS}) VALUES (${INSERT_COLUMNS.split(',')
        .map(() => '?')
        .join(', ')})`,
      valuesOf(b),
    );
  }

  /**
   * A booking in one round trip: START TRANSACTION, the conditional UPDATE that takes the
   * places, the booking row and its outbox event, COMMIT, sent as one multi-statement query.
   * Each INSERT runs only if the statement before it wrote its row (`ROW_COUNT() = 1`), so
   * the booking exists only if the places were taken and the event only if the booking
   * exists, in the same transaction, exactly as with one statement per round trip; the CHECK
   * constraints stay the backstop. Any error (duplicate day, deadlock) rolls back. `guard`
   * is one more condition of the UPDATE (the booking's students are on its school's
   * roster), so it holds in the booking's own transaction. Returns false when the pool had
   * too few places or the guard failed (nothing was written).
   */
  async takePlacesAndInsert(
    b: NewBooking,
    pool: 'individual' | 'group',
    notBefore: Date,
    event: { sql: string; params: unknown[] } | null,
    guard: { sql: string; params: unknown[] } | null = null,
  ): Promise<boolean> {
    const column = pool === 'individual' ? 'individual' : 'group';
    const statements = [
      'START TRANSACTION',
      `UPDATE slots SET ${column}_taken = ${column}_taken + ?
       WHERE id = ? AND status = 'open' AND starts_at > ? AND ${column}_taken + ? <= ${column}_capacity${guard ? ` AND ${guard.sql}` : ''}`,
      `INSERT INTO bookings (${INSERT_COLUMNS}) SELECT ${INSERT_COLUMNS.split(',')
        .map(() => '?')
        .join(', ')} FROM DUAL WHERE ROW_COUNT() = 1`,
      ...(event ? [event.sql] : []),
      'COMMIT',
    ];
    const params = [
      b.places,
      b.slot_id,
      notBefore,
      b.places,
      ...(guard?.params ?? []),
      ...valuesOf(b),
      ...(event?.params ?? []),
    ];
    const runner = this.dataSource.createQueryRunner();
    try {
      const results = (await runner.query(statements.join(';\n'), params)) as {
        affectedRows?: number;
      }[];
      return results[1]?.affectedRows === 1;
    } catch (error) {
      // The statements after the failing one did not run: the transaction may still be open.
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  async find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<BookingRow | null> {
    const rows: BookingRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM bookings b WHERE b.id = ?${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async findByIdempotencyKey(bookerAccountId: string, key: string): Promise<BookingRow | null> {
    const rows: BookingRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM bookings b WHERE b.booker_account_id = ? AND b.idempotency_key = ?`,
      [bookerAccountId, key],
    );
    return rows[0] ?? null;
  }

  /** Moves a booking from one status to another; false when it was no longer in `from`. */
  async transition(
    manager: EntityManager,
    id: string,
    from: BookingStatus[],
    to: BookingStatus,
    now: Date,
    extra: { declineReason?: string; checkedInAt?: Date; clearDayKey?: boolean } = {},
  ): Promise<boolean> {
    const result: { affectedRows: number } = await manager.query(
      `UPDATE bookings SET status = ?, updated_at = ?,
         decline_reason = COALESCE(?, decline_reason), checked_in_at = COALESCE(?, checked_in_at)
         ${extra.clearDayKey ? ', day_key = NULL' : ''}
       WHERE id = ? AND status IN (?)`,
      [to, now, extra.declineReason ?? null, extra.checkedInAt ?? null, id, from],
    );
    return result.affectedRows === 1;
  }

  async noShowEnds(bookerAccountId: string, since: Date): Promise<Date[]> {
    const rows: { slot_ends_at: Date }[] = await this.dataSource.query(
      `SELECT slot_ends_at FROM bookings WHERE booker_account_id = ? AND status = 'no_show'
         AND slot_ends_at > ? ORDER BY slot_ends_at`,
      [bookerAccountId, since],
    );
    return rows.map((r) => r.slot_ends_at);
  }

  async listOfBooker(
    bookerAccountId: string,
    page: number,
    pageSize: number,
  ): Promise<{ rows: BookingRow[]; total: number }> {
    const [{ total }]: { total: string }[] = await this.dataSource.query(
      'SELECT COUNT(*) AS total FROM bookings WHERE booker_account_id = ?',
      [bookerAccountId],
    );
    const rows: BookingRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM bookings b WHERE b.booker_account_id = ?
       ORDER BY b.slot_starts_at DESC, b.id LIMIT ? OFFSET ?`,
      [bookerAccountId, pageSize, (page - 1) * pageSize],
    );
    return { rows, total: Number(total) };
  }

  /** Pending group requests of a venue, oldest first, with their slot's group pool. */
  async pendingOfVenue(
    venueId: string,
    page: number,
    pageSize: number,
  ): Promise<{
    rows: (BookingRow & { group_capacity: number; group_taken: number; pending_places: string })[];
    total: number;
  }> {
    const [{ total }]: { total: string }[] = await this.dataSource.query(
      `SELECT COUNT(*) AS total FROM bookings WHERE venue_id = ? AND status = 'pending'`,
      [venueId],
    );
    const rows: (BookingRow & {
      group_capacity: number;
      group_taken: number;
      pending_places: string;
    })[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, s.group_capacity, s.group_taken,
           (SELECT COALESCE(SUM(o.places), 0) FROM bookings o WHERE o.slot_id = b.slot_id AND o.status = 'pending') AS pending_places
         FROM bookings b JOIN slots s ON s.id = b.slot_id
         WHERE b.venue_id = ? AND b.status = 'pending' ORDER BY b.created_at, b.id LIMIT ? OFFSET ?`,
      [venueId, pageSize, (page - 1) * pageSize],
    );
    return { rows, total: Number(total) };
  }

  async dueForNoShow(now: Date, limit: number): Promise<BookingRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM bookings b WHERE b.status = 'confirmed' AND b.slot_ends_at < ? LIMIT ?`,
      [now, limit],
    );
  }

  async dueForExpiry(now: Date, limit: number): Promise<BookingRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM bookings b WHERE b.status = 'pending' AND b.decision_deadline < ? LIMIT ?`,
      [now, limit],
    );
  }
}
