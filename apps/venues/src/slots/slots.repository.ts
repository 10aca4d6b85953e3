import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { SlotProfile, SlotView } from '@app/contracts';
import { shanghaiTimeOf } from '@app/time';

export interface SlotRow {
  id: string;
  venue_id: string;
  local_date: string;
  starts_at: Date;
  ends_at: Date;
  profile: SlotProfile;
  reason: string;
  status: 'open' | 'withdrawn';
  individual_capacity: number;
  individual_taken: number;
  group_capacity: number;
  group_taken: number;
  /** '' for the planner's slots; the activity's id for an activity's pool. */
  activity_id: string;
}

/** A slot or an activity's pool, as a booking sees it. */
export interface PoolRow extends SlotRow {
  venue_organisation_id: string;
  /** The activity's status when the pool is an activity's; null for a planner slot. */
  activity_status: string | null;
  /** Individual bookings of the booker in the last 30 days (0 when not asked). */
  recent: number;
  /** No-shows of the booker that may still bar them (0 when not asked). */
  no_shows: number;
}

export interface PlannedSlot {
  date: string;
  startsAt: Date;
  endsAt: Date;
  profile: SlotProfile;
  reason: string;
}

const SLOT_COLUMNS = `id, venue_id, DATE_FORMAT(local_date, '%Y-%m-%d') AS local_date, starts_at, ends_at,
  profile, reason, status, individual_capacity, individual_taken, group_capacity, group_taken, activity_id`;

export function slotViewOf(row: SlotRow): SlotView {
  return {
    id: row.id,
    venueId: row.venue_id,
    date: row.local_date,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    opens: shanghaiTimeOf(row.starts_at),
    closes: shanghaiTimeOf(row.ends_at),
    profile: row.profile,
    reason: row.reason,
    status: row.status,
    individualCapacity: row.individual_capacity,
    individualLeft: row.individual_capacity - row.individual_taken,
    groupCapacity: row.group_capacity,
    groupLeft: row.group_capacity - row.group_taken,
  };
}

@Injectable()
export class SlotsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SlotRow | null> {
    const rows: SlotRow[] = await manager.query(`SELECT ${SLOT_COLUMNS} FROM slots WHERE id = ?`, [
      id,
    ]);
    return rows[0] ?? null;
  }

  /**
   * What a booking needs, in one read: the slot (or an activity's pool) with its venue's
   * organisation and the activity's status; with a booker, also their individual bookings
   * since `recentSince` and no-shows since `noShowsSince` (the caps and the no-show bar).
   */
  async findForBooking(
    id: string,
    booker?: { accountId: string; recentSince: Date; noShowsSince: Date },
  ): Promise<PoolRow | null> {
    const history = booker
      ? `, (SELECT COUNT(*) FROM bookings b WHERE b.booker_account_id = ? AND b.kind = 'individual'
            AND b.status IN ('confirmed', 'checked_in', 'no_show') AND b.created_at > ?) AS recent,
          (SELECT COUNT(*) FROM bookings b WHERE b.booker_account_id = ? AND b.status = 'no_show'
            AND b.slot_ends_at > ?) AS no_shows`
      : '';
    const params = booker
      ? [booker.accountId, booker.recentSince, booker.accountId, booker.noShowsSince, id]
      : [id];
    const rows: (SlotRow & {
      venue_organisation_id: string;
      activity_status: string | null;
      recent?: string | number;
      no_shows?: string | number;
    })[] = await this.dataSource.query(
      `SELECT s.id, s.venue_id, DATE_FORMAT(s.local_date, '%Y-%m-%d') AS local_date, s.starts_at,
         s.ends_at, s.profile, s.reason, s.status, s.individual_capacity, s.individual_taken,
         s.group_capacity, s.group_taken, s.activity_id, v.organisation_id AS venue_organisation_id,
         a.status AS activity_status${history}
       FROM slots s JOIN venues v ON v.id = s.venue_id LEFT JOIN activities a ON a.id = s.activity_id
       WHERE s.id = ?`,
      params,
    );
    const row = rows[0];
    if (!row) return null;
    return {
      ...row,
      recent: Number(row.recent ?? 0),
      no_shows: Number(row.no_shows ?? 0),
    };
  }

  async listOfVenue(
    venueId: string,
    from: string,
    to: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<SlotRow[]> {
    return manager.query(
      `SELECT ${SLOT_COLUMNS} FROM slots
       WHERE venue_id = ? AND activity_id = '' AND local_date BETWEEN ? AND ? ORDER BY starts_at${lock ? ' FOR UPDATE' : ''}`,
      [venueId, from, to],
    );
  }

  /** Takes places in an open slot if it has them (the booking's conditional UPDATE, without the time check). */
  async takeIfRoom(
    manager: EntityManager,
    id: string,
    pool: 'individual' | 'group',
    places: number,
  ): Promise<boolean> {
    const column = pool === 'individual' ? 'individual' : 'group';
    const result: { affectedRows: number } = await manager.query(
      `UPDATE slots SET ${column}_taken = ${column}_taken + ?
       WHERE id = ? AND status = 'open' AND ${column}_taken + ? <= ${column}_capacity`,
      [places, id, places],
    );
    return result.affectedRows === 1;
  }

  /**
   * A vanished slot once its bookings were moved or cancelled: waiting-list entries end, the
   * places are recounted from what remains (check-ins already made), and the slot is deleted
   * when nothing remains, else withdrawn.
   */
  async retire(manager: EntityManager, id: string, now: Date): Promise<void> {
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
           AND b.status IN ('pending', 'confirmed', 'checked_in', 'no_show')),
         group_taken = (SELECT COALESCE(SUM(b.places), 0) FROM bookings b WHERE b.slot_id = ?
           AND b.kind = 'group' AND b.status IN ('pending', 'confirmed', 'checked_in', 'no_show'))
       WHERE id = ?`,
      [id, id, id],
    );
    await this.delete(manager, id);
  }

  async insert(
    manager: EntityManager,
    venueId: string,
    slot: PlannedSlot,
    capacity: { individual: number; group: number },
  ): Promise<string> {
    const id = randomUUID();
    await manager.query(
      `INSERT INTO slots (id, venue_id, local_date, starts_at, ends_at, profile, reason, status,
         individual_capacity, individual_taken, group_capacity, group_taken)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, 0, ?, 0)`,
      [
        id,
        venueId,
        slot.date,
        slot.startsAt,
        slot.endsAt,
        slot.profile,
        slot.reason,
        capacity.individual,
        capacity.group,
      ],
    );
    return id;
  }

  /** Reopens or refreshes a slot; capacity never drops below the places already taken. */
  async refresh(
    manager: EntityManager,
    id: string,
    slot: PlannedSlot,
    capacity: { individual: number; group: number },
  ): Promise<void> {
    await manager.query(
      `UPDATE slots SET ends_at = ?, profile = ?, reason = ?, status = 'open',
         individual_capacity = GREATEST(?, individual_taken), group_capacity = GREATEST(?, group_taken)
       WHERE id = ?`,
      [slot.endsAt, slot.profile, slot.reason, capacity.individual, capacity.group, id],
    );
  }

  async withdraw(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE slots SET status = 'withdrawn' WHERE id = ?`, [id]);
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      'DELETE FROM slots WHERE id = ? AND individual_taken = 0 AND group_taken = 0',
      [id],
    );
  }

  async giveBack(
    manager: EntityManager,
    slotId: string,
    pool: 'individual' | 'group',
    places: number,
  ): Promise<void> {
    const column = pool === 'individual' ? 'individual' : 'group';
    await manager.query(`UPDATE slots SET ${column}_taken = ${column}_taken - ? WHERE id = ?`, [
      places,
      slotId,
    ]);
  }
}
