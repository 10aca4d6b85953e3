import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { WaitlistEntryView, WaitlistStatus } from '@app/contracts';

export interface WaitlistRow {
  id: string;
  slot_id: string;
  venue_id: string;
  account_id: string;
  school_organisation_id: string | null;
  status: WaitlistStatus;
  offer_expires_at: Date | null;
  created_at: Date;
}

export const waitlistViewOf = (row: WaitlistRow): WaitlistEntryView => ({
  id: row.id,
  slotId: row.slot_id,
  venueId: row.venue_id,
  status: row.status,
  offerExpiresAt: row.offer_expires_at ? row.offer_expires_at.toISOString() : null,
  createdAt: row.created_at.toISOString(),
});

@Injectable()
export class WaitlistRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    entry: Omit<WaitlistRow, 'id' | 'status' | 'offer_expires_at'>,
  ): Promise<WaitlistRow> {
    const row: WaitlistRow = {
      ...entry,
      id: randomUUID(),
      status: 'waiting',
      offer_expires_at: null,
    };
    await this.dataSource.query(
      `INSERT INTO waitlist_entries (id, slot_id, venue_id, account_id, school_organisation_id, status,
         offer_expires_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'waiting', NULL, ?, ?)`,
      [
        row.id,
        row.slot_id,
        row.venue_id,
        row.account_id,
        row.school_organisation_id,
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
  ): Promise<WaitlistRow | null> {
    const rows: WaitlistRow[] = await manager.query(
      `SELECT * FROM waitlist_entries WHERE id = ?${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async listOfAccount(
    accountId: string,
    page: number,
    pageSize: number,
  ): Promise<{ rows: WaitlistRow[]; total: number }> {
    const [{ total }]: { total: string }[] = await this.dataSource.query(
      'SELECT COUNT(*) AS total FROM waitlist_entries WHERE account_id = ?',
      [accountId],
    );
    const rows: WaitlistRow[] = await this.dataSource.query(
      'SELECT * FROM waitlist_entries WHERE account_id = ? ORDER BY created_at DESC, id LIMIT ? OFFSET ?',
      [accountId, pageSize, (page - 1) * pageSize],
    );
    return { rows, total: Number(total) };
  }

  /** Offers a freed place to the oldest waiting entry of the slot; its id, or null if none waits. */
  async offerNext(
    manager: EntityManager,
    slotId: string,
    now: Date,
    expiresAt: Date,
  ): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM waitlist_entries WHERE slot_id = ? AND status = 'waiting'
       ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [slotId],
    );
    if (!rows[0]) return null;
    await manager.query(
      `UPDATE waitlist_entries SET status = 'offered', offer_expires_at = ?, updated_at = ? WHERE id = ?`,
      [expiresAt, now, rows[0].id],
    );
    return rows[0].id;
  }

  async setStatus(
    manager: EntityManager,
    id: string,
    from: WaitlistStatus,
    to: WaitlistStatus,
    now: Date,
  ): Promise<boolean> {
    const result: { affectedRows: number } = await manager.query(
      'UPDATE waitlist_entries SET status = ?, updated_at = ? WHERE id = ? AND status = ?',
      [to, now, id, from],
    );
    return result.affectedRows === 1;
  }

  async dueOffers(now: Date, limit: number): Promise<WaitlistRow[]> {
    return this.dataSource.query(
      `SELECT * FROM waitlist_entries WHERE status = 'offered' AND offer_expires_at < ? LIMIT ?`,
      [now, limit],
    );
  }
}
