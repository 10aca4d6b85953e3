import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  ActivityKind,
  ActivityStatus,
  ActivityView,
  Page,
  VenueCategory,
} from '@app/contracts';
import { shanghaiTimeOf } from '@app/time';
import type { BookingRow } from '../bookings/bookings.repository.js';
import { gradesOf } from './activity-schedule.js';

/** An activity with its pool (the slot row of the same id) and its venue. */
export interface ActivityRow {
  id: string;
  venue_id: string;
  venue_name: string;
  venue_category: VenueCategory;
  venue_organisation_id: string;
  venue_region_code: string;
  title: string;
  kind: ActivityKind;
  description: string | null;
  grades_mask: number;
  student_price_fen: number | null;
  status: ActivityStatus;
  cancel_reason: string | null;
  local_date: string;
  starts_at: Date;
  ends_at: Date;
  individual_capacity: number;
  individual_taken: number;
  group_capacity: number;
  group_taken: number;
  created_at: Date;
  updated_at: Date;
}

export interface ActivityRecord {
  id: string;
  venueId: string;
  title: string;
  kind: ActivityKind;
  description: string | null;
  gradesMask: number;
  studentPriceFen: number | null;
  date: string;
  startsAt: Date;
  endsAt: Date;
  individualCapacity: number;
  groupCapacity: number;
}

const SELECT = `SELECT a.id, a.venue_id, v.name AS venue_name, v.category AS venue_category,
    v.organisation_id AS venue_organisation_id, v.region_code AS venue_region_code, a.title, a.kind,
    a.description, a.grades_mask, a.student_price_fen, a.status, a.cancel_reason,
    DATE_FORMAT(a.local_date, '%Y-%m-%d') AS local_date, s.starts_at, s.ends_at,
    s.individual_capacity, s.individual_taken, s.group_capacity, s.group_taken, a.created_at, a.updated_at
  FROM activities a JOIN slots s ON s.id = a.id JOIN venues v ON v.id = a.venue_id`;

export function activityViewOf(row: ActivityRow): ActivityView {
  return {
    id: row.id,
    venueId: row.venue_id,
    venueName: row.venue_name,
    venueCategory: row.venue_category,
    title: row.title,
    kind: row.kind,
    description: row.description,
    grades: gradesOf(row.grades_mask),
    date: row.local_date,
    startTime: shanghaiTimeOf(row.starts_at),
    endTime: shanghaiTimeOf(row.ends_at),
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    studentPriceFen: row.student_price_fen,
    individualCapacity: row.individual_capacity,
    individualLeft: row.individual_capacity - row.individual_taken,
    groupCapacity: row.group_capacity,
    groupLeft: row.group_capacity - row.group_taken,
    status: row.status,
    cancelReason: row.cancel_reason,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export interface ActivityFilter {
  venueId?: string;
  regionPrefix?: string;
  from: string;
  to: string;
  kind?: ActivityKind;
  gradeBit?: number;
  withPlacesLeft?: boolean;
  includeCancelled?: boolean;
}

@Injectable()
export class ActivitiesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The activity and its pool, in one transaction: the pool's places are a slot row. */
  async insert(
    manager: EntityManager,
    a: ActivityRecord,
    createdBy: string,
    now: Date,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO activities (id, venue_id, title, kind, description, grades_mask, student_price_fen,
         status, cancel_reason, local_date, starts_at, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'scheduled', NULL, ?, ?, ?, ?, ?)`,
      [
        a.id,
        a.venueId,
        a.title,
        a.kind,
        a.description,
        a.gradesMask,
        a.studentPriceFen,
        a.date,
        a.startsAt,
        createdBy,
        now,
        now,
      ],
    );
    await manager.query(
      `INSERT INTO slots (id, venue_id, local_date, starts_at, ends_at, profile, reason, status,
         individual_capacity, individual_taken, group_capacity, group_taken, activity_id)
       VALUES (?, ?, ?, ?, ?, 'activity', ?, 'open', ?, 0, ?, 0, ?)`,
      [
        a.id,
        a.venueId,
        a.date,
        a.startsAt,
        a.endsAt,
        `activity:${a.kind}`,
        a.individualCapacity,
        a.groupCapacity,
        a.id,
      ],
    );
  }

  /** Updates the activity and its pool; false when a capacity is below the places taken. */
  async update(manager: EntityManager, a: ActivityRecord, now: Date): Promise<boolean> {
    const pool: { affectedRows: number } = await manager.query(
      `UPDATE slots SET local_date = ?, starts_at = ?, ends_at = ?, reason = ?,
         individual_capacity = ?, group_capacity = ?
       WHERE id = ? AND individual_taken <= ? AND group_taken <= ?`,
      [
        a.date,
        a.startsAt,
        a.endsAt,
        `activity:${a.kind}`,
        a.individualCapacity,
        a.groupCapacity,
        a.id,
        a.individualCapacity,
        a.groupCapacity,
      ],
    );
    if (pool.affectedRows !== 1) return false;
    await manager.query(
      `UPDATE activities SET title = ?, kind = ?, description = ?, grades_mask = ?,
         student_price_fen = ?, local_date = ?, starts_at = ?, updated_at = ? WHERE id = ?`,
      [
        a.title,
        a.kind,
        a.description,
        a.gradesMask,
        a.studentPriceFen,
        a.date,
        a.startsAt,
        now,
        a.id,
      ],
    );
    return true;
  }

  async find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<ActivityRow | null> {
    const rows: ActivityRow[] = await manager.query(
      `${SELECT} WHERE a.id = ?${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * Cancels the activity and its open bookings with the reason; the pool is withdrawn
   * (nothing more can be booked), waiting-list entries end, and the places taken are
   * recounted from what remains (check-ins already made stay). Returns the cancelled bookings.
   */
  async cancel(
    manager: EntityManager,
    id: string,
    reason: string,
    bookingReason: string,
    now: Date,
  ): Promise<BookingRow[]> {
    const bookings: BookingRow[] = await manager.query(
      `SELECT b.*, DATE_FORMAT(b.local_date, '%Y-%m-%d') AS local_date FROM bookings b
       WHERE b.slot_id = ? AND b.status IN ('pending', 'confirmed') ORDER BY b.created_at, b.id FOR UPDATE`,
      [id],
    );
    await manager.query(
      `UPDATE bookings SET status = 'cancelled', cancel_reason = ?, day_key = NULL, updated_at = ?
       WHERE slot_id = ? AND status IN ('pending', 'confirmed')`,
      [bookingReason, now, id],
    );
    await manager.query(
      `UPDATE waitlist_entries SET status = 'expired', updated_at = ?
       WHERE slot_id = ? AND status IN ('waiting', 'offered')`,
      [now, id],
    );
    await manager.query(
      `UPDATE group_waitlist_entries SET status = 'expired', updated_at = ?
       WHERE slot_id = ? AND status IN ('waiting', 'offered')`,
      [now, id],
    );
    await manager.query(
      `UPDATE slots SET status = 'withdrawn',
         individual_taken = (SELECT COUNT(*) FROM bookings b WHERE b.slot_id = ? AND b.kind = 'individual'
           AND b.status IN ('confirmed', 'checked_in', 'no_show')),
         group_taken = (SELECT COALESCE(SUM(b.places), 0) FROM bookings b WHERE b.slot_id = ?
           AND b.kind = 'group' AND b.status IN ('pending', 'confirmed', 'checked_in', 'no_show'))
       WHERE id = ?`,
      [id, id, id],
    );
    await manager.query(
      `UPDATE activities SET status = 'cancelled', cancel_reason = ?, updated_at = ? WHERE id = ?`,
      [reason, now, id],
    );
    return bookings.map((b) => ({ ...b, status: 'cancelled', cancel_reason: bookingReason }));
  }

  async search(
    filter: ActivityFilter,
    page: number,
    pageSize: number,
  ): Promise<Page<ActivityView>> {
    const where = ['a.local_date BETWEEN ? AND ?'];
    const params: unknown[] = [filter.from, filter.to];
    if (!filter.includeCancelled) where.push(`a.status = 'scheduled'`);
    if (filter.venueId) {
      where.push('a.venue_id = ?');
      params.push(filter.venueId);
    }
    if (filter.regionPrefix) {
      where.push('v.region_code LIKE ?');
      params.push(filter.regionPrefix);
    }
    if (filter.kind) {
      where.push('a.kind = ?');
      params.push(filter.kind);
    }
    if (filter.gradeBit !== undefined) {
      where.push('(a.grades_mask & ?) <> 0');
      params.push(filter.gradeBit);
    }
    if (filter.withPlacesLeft) {
      where.push(
        `s.status = 'open' AND (s.individual_taken < s.individual_capacity OR s.group_taken < s.group_capacity)`,
      );
    }
    const clause = where.join(' AND ');
    const [{ total }]: { total: string }[] = await this.dataSource.query(
      `SELECT COUNT(*) AS total FROM activities a JOIN slots s ON s.id = a.id
         JOIN venues v ON v.id = a.venue_id WHERE ${clause}`,
      params,
    );
    const rows: ActivityRow[] = await this.dataSource.query(
      `${SELECT} WHERE ${clause} ORDER BY a.starts_at, a.id LIMIT ? OFFSET ?`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    return { items: rows.map(activityViewOf), page, pageSize, total: Number(total) };
  }

  /** Scheduled activities of the venue with a student price. */
  async pricedOfVenue(venueId: string): Promise<number> {
    const [{ n }]: { n: string }[] = await this.dataSource.query(
      `SELECT COUNT(*) AS n FROM activities
       WHERE venue_id = ? AND status = 'scheduled' AND student_price_fen IS NOT NULL`,
      [venueId],
    );
    return Number(n);
  }
}
