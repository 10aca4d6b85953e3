import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  DailyHours,
  HolidayOnClosedDayRule,
  Page,
  VenueCategory,
  VenueSearchHit,
  VenueView,
  WeeklyHours,
} from '@app/contracts';
import { FREE_VENUE_CATEGORIES } from '@app/contracts';

export interface VenueRow {
  id: string;
  organisation_id: string;
  name: string;
  category: VenueCategory;
  student_price_fen: number | null;
  region_code: string;
  address: string | null;
  description: string | null;
  accessibility: string | null;
  contact: string | null;
  weekly_hours: string;
  extended_hours: string | null;
  holiday_on_closed_day: HolidayOnClosedDayRule;
  slot_minutes: number;
  individual_capacity: number;
  group_capacity: number;
  created_at: Date;
  updated_at: Date;
}

export type VenueRecord = Omit<
  VenueView,
  'closures' | 'freeForStudents' | 'createdAt' | 'updatedAt'
>;

const FREE: readonly string[] = FREE_VENUE_CATEGORIES;

export function venueViewOf(
  row: VenueRow,
  closures: { date: string; reason: string }[],
): VenueView {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    category: row.category,
    freeForStudents: FREE.includes(row.category),
    studentPriceFen: row.student_price_fen,
    regionCode: row.region_code,
    address: row.address,
    description: row.description,
    accessibility: row.accessibility,
    contact: row.contact,
    weeklyHours: JSON.parse(row.weekly_hours) as WeeklyHours,
    extendedHours: row.extended_hours ? (JSON.parse(row.extended_hours) as DailyHours) : null,
    holidayOnClosedDay: row.holiday_on_closed_day,
    slotMinutes: row.slot_minutes,
    individualCapacity: row.individual_capacity,
    groupCapacity: row.group_capacity,
    closures,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function columnsOf(v: VenueRecord): unknown[] {
  return [
    v.organisationId,
    v.name,
    v.category,
    v.studentPriceFen,
    v.regionCode,
    v.address,
    v.description,
    v.accessibility,
    v.contact,
    JSON.stringify(v.weeklyHours),
    v.extendedHours ? JSON.stringify(v.extendedHours) : null,
    v.holidayOnClosedDay,
    v.slotMinutes,
    v.individualCapacity,
    v.groupCapacity,
  ];
}

@Injectable()
export class VenuesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(venue: Omit<VenueRecord, 'id'>, now: Date): Promise<string> {
    const id = randomUUID();
    await this.dataSource.query(
      `INSERT INTO venues (organisation_id, name, category, student_price_fen, region_code, address,
         description, accessibility, contact, weekly_hours, extended_hours, holiday_on_closed_day,
         slot_minutes, individual_capacity, group_capacity, id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [...columnsOf({ ...venue, id }), id, now, now],
    );
    return id;
  }

  async update(venue: VenueRecord, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE venues SET organisation_id = ?, name = ?, category = ?, student_price_fen = ?,
         region_code = ?, address = ?, description = ?, accessibility = ?, contact = ?,
         weekly_hours = ?, extended_hours = ?, holiday_on_closed_day = ?, slot_minutes = ?,
         individual_capacity = ?, group_capacity = ?, updated_at = ? WHERE id = ?`,
      [...columnsOf(venue), now, venue.id],
    );
  }

  /** The venue's row; with `lock`, locked for the transaction (one re-plan of a venue at a time). */
  async findRow(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<VenueRow | null> {
    const rows: VenueRow[] = await manager.query(
      `SELECT * FROM venues WHERE id = ?${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async find(id: string): Promise<VenueView | null> {
    const row = await this.findRow(id);
    return row ? venueViewOf(row, await this.closuresOf(id)) : null;
  }

  async existsForOrganisation(organisationId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      'SELECT id FROM venues WHERE organisation_id = ? LIMIT 1',
      [organisationId],
    );
    return rows.length > 0;
  }

  async allIds(regionPrefix = '%'): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM venues WHERE region_code LIKE ?',
      [regionPrefix],
    );
    return rows.map((r) => r.id);
  }

  async closuresOf(
    venueId: string,
    from?: string,
    to?: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ date: string; reason: string }[]> {
    const rows: { on_date: string; reason: string }[] = await manager.query(
      `SELECT DATE_FORMAT(on_date, '%Y-%m-%d') AS on_date, reason FROM venue_closures
       WHERE venue_id = ? AND on_date BETWEEN ? AND ? ORDER BY on_date`,
      [venueId, from ?? '1000-01-01', to ?? '9999-12-31'],
    );
    return rows.map((r) => ({ date: r.on_date, reason: r.reason }));
  }

  async addClosure(
    venueId: string,
    date: string,
    reason: string,
    now: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO venue_closures (venue_id, on_date, reason, created_at) VALUES (?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE reason = VALUES(reason)`,
      [venueId, date, reason, now],
    );
  }

  async removeClosure(venueId: string, date: string): Promise<boolean> {
    const result: { affectedRows: number } = await this.dataSource.query(
      'DELETE FROM venue_closures WHERE venue_id = ? AND on_date = ?',
      [venueId, date],
    );
    return result.affectedRows > 0;
  }

  /** Venues by region prefix and category; with a date, only those with places left that day. */
  async search(
    filter: { regionPrefix: string; category?: string; date?: string; notBefore: Date },
    page: number,
    pageSize: number,
  ): Promise<Page<VenueSearchHit>> {
    const where = ['v.region_code LIKE ?'];
    const params: unknown[] = [filter.regionPrefix];
    if (filter.category) {
      where.push('v.category = ?');
      params.push(filter.category);
    }
    const placesJoin = filter.date
      ? `JOIN (SELECT venue_id, SUM(individual_capacity - individual_taken + group_capacity - group_taken) AS places_left
           FROM slots WHERE local_date = ? AND activity_id = '' AND status = 'open' AND starts_at > ? GROUP BY venue_id) p
         ON p.venue_id = v.id AND p.places_left > 0`
      : '';
    const joinParams = filter.date ? [filter.date, filter.notBefore] : [];
    const [{ total }]: { total: string }[] = await this.dataSource.query(
      `SELECT COUNT(*) AS total FROM venues v ${placesJoin} WHERE ${where.join(' AND ')}`,
      [...joinParams, ...params],
    );
    const rows: (VenueRow & { places_left?: string })[] = await this.dataSource.query(
      `SELECT v.*${filter.date ? ', p.places_left' : ''} FROM venues v ${placesJoin}
       WHERE ${where.join(' AND ')} ORDER BY v.name, v.id LIMIT ? OFFSET ?`,
      [...joinParams, ...params, pageSize, (page - 1) * pageSize],
    );
    return {
      items: rows.map((row) => ({
        ...venueViewOf(row, []),
        placesLeft: row.places_left === undefined ? null : Number(row.places_left),
      })),
      page,
      pageSize,
      total: Number(total),
    };
  }
}
