import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { GroupWaitlistEntryView, WaitlistStatus } from '@app/contracts';

export interface GroupWaitlistRow {
  id: string;
  slot_id: string;
  venue_id: string;
  account_id: string;
  school_organisation_id: string;
  student_ids: string;
  teacher_count: number;
  places: number;
  note: string | null;
  status: WaitlistStatus;
  offer_expires_at: Date | null;
  booking_id: string | null;
  created_at: Date;
}

export const groupWaitlistViewOf = (row: GroupWaitlistRow): GroupWaitlistEntryView => ({
  id: row.id,
  slotId: row.slot_id,
  venueId: row.venue_id,
  schoolOrganisationId: row.school_organisation_id,
  studentIds: JSON.parse(row.student_ids) as string[],
  teacherCount: Number(row.teacher_count),
  places: Number(row.places),
  status: row.status,
  offerExpiresAt: row.offer_expires_at ? row.offer_expires_at.toISOString() : null,
  bookingId: row.booking_id,
  createdAt: row.created_at.toISOString(),
});

/** Every query of the group waiting list. */
@Injectable()
export class GroupWaitlistRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    entry: Omit<GroupWaitlistRow, 'id' | 'status' | 'offer_expires_at' | 'booking_id'>,
  ): Promise<GroupWaitlistRow> {
    const row: GroupWaitlistRow = {
      ...entry,
      id: randomUUID(),
      status: 'waiting',
      offer_expires_at: null,
      booking_id: null,
    };
    await this.dataSource.query(
      `INSERT INTO group_waitlist_entries (id, slot_id, venue_id, account_id, school_organisation_id,
         student_ids, teacher_count, places, note, status, offer_expires_at, booking_id, created_at,
         updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'waiting', NULL, NULL, ?, ?)`,
      [
        row.id,
        row.slot_id,
        row.venue_id,
        row.account_id,
        row.school_organisation_id,
        row.student_ids,
        row.teacher_count,
        row.places,
        row.note,
        row.created_at,
        row.created_at,
      ],
    );
    return row;
  }

  async find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<GroupWaitlistRow | null> {
    const rows: GroupWaitlistRow[] = await manager.query(
      `SELECT * FROM group_waitlist_entries WHERE id = ?${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The entries of a school, latest first (school staff share their school's queue). */
  async listOfSchool(
    schoolOrganisationId: string,
    page: number,
    pageSize: number,
  ): Promise<{ rows: GroupWaitlistRow[]; total: number }> {
    const [{ total }]: { total: string }[] = await this.dataSource.query(
      'SELECT COUNT(*) AS total FROM group_waitlist_entries WHERE school_organisation_id = ?',
      [schoolOrganisationId],
    );
    const rows: GroupWaitlistRow[] = await this.dataSource.query(
      `SELECT * FROM group_waitlist_entries WHERE school_organisation_id = ?
       ORDER BY created_at DESC, id LIMIT ? OFFSET ?`,
      [schoolOrganisationId, pageSize, (page - 1) * pageSize],
    );
    return { rows, total: Number(total) };
  }

  /** The slot's waiting entries, oldest first, locked (skipping those another transaction holds). */
  async waitingOfSlot(manager: EntityManager, slotId: string): Promise<GroupWaitlistRow[]> {
    return manager.query(
      `SELECT * FROM group_waitlist_entries WHERE slot_id = ? AND status = 'waiting'
       ORDER BY created_at, id FOR UPDATE SKIP LOCKED`,
      [slotId],
    );
  }

  async offer(manager: EntityManager, id: string, expiresAt: Date, now: Date): Promise<void> {
    await manager.query(
      `UPDATE group_waitlist_entries SET status = 'offered', offer_expires_at = ?, updated_at = ?
       WHERE id = ? AND status = 'waiting'`,
      [expiresAt, now, id],
    );
  }

  async setStatus(
    manager: EntityManager,
    id: string,
    from: WaitlistStatus,
    to: WaitlistStatus,
    now: Date,
    bookingId: string | null = null,
  ): Promise<boolean> {
    const result: { affectedRows: number } = await manager.query(
      `UPDATE group_waitlist_entries SET status = ?, booking_id = COALESCE(?, booking_id), updated_at = ?
       WHERE id = ? AND status = ?`,
      [to, bookingId, now, id, from],
    );
    return result.affectedRows === 1;
  }

  async dueOffers(now: Date, limit: number): Promise<GroupWaitlistRow[]> {
    return this.dataSource.query(
      `SELECT * FROM group_waitlist_entries WHERE status = 'offered' AND offer_expires_at < ? LIMIT ?`,
      [now, limit],
    );
  }
}
