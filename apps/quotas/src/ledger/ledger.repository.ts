import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { BookingFact, LedgerFact } from './ledger-events.js';
import type { FactPeriod } from '../read-model/term-calendar.js';

/** School year of a date in SQL, as `schoolYearOf` computes it (1 August starts a year). */
const SQL_SCHOOL_YEAR = `IF(MONTH(local_date) >= 8,
  CONCAT(YEAR(local_date), '-', YEAR(local_date) + 1),
  CONCAT(YEAR(local_date) - 1, '-', YEAR(local_date)))`;

export interface LedgerMarks {
  studentId: string;
  distinctFilms: number;
  presentMarks: number;
}

/** Every query of the ledger: facts, bookings and the per-student counts derived from them. */
@Injectable()
export class LedgerRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Read committed: the ledger's set-based statements then lock only the rows they touch,
   * not gaps, so partitions applied concurrently do not deadlock each other.
   */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('READ COMMITTED', work);
  }

  /**
   * One multi-row upsert: a new fact is inserted; a known one changes only for a higher
   * revision (a correction). A redelivered event carries the same revision: nothing changes.
   * `revision` is assigned last because MySQL applies the assignments left to right.
   */
  async upsertFacts(manager: EntityManager, facts: (LedgerFact & FactPeriod)[]): Promise<void> {
    if (facts.length === 0) return;
    const newer = 'VALUES(revision) > revision';
    await manager.query(
      `INSERT INTO q_facts (source_id, kind, revision, student_id, school_id, subject_id,
         local_date, counts, school_year, term_no, event_id) VALUES ?
       ON DUPLICATE KEY UPDATE
         student_id = IF(${newer}, VALUES(student_id), student_id),
         school_id = IF(${newer}, VALUES(school_id), school_id),
         subject_id = IF(${newer}, VALUES(subject_id), subject_id),
         local_date = IF(${newer}, VALUES(local_date), local_date),
         counts = IF(${newer}, VALUES(counts), counts),
         school_year = IF(${newer}, VALUES(school_year), school_year),
         term_no = IF(${newer}, VALUES(term_no), term_no),
         event_id = IF(${newer}, VALUES(event_id), event_id),
         revision = GREATEST(revision, VALUES(revision))`,
      [
        facts.map((f) => [
          f.sourceId,
          f.kind,
          f.revision,
          f.studentId,
          f.schoolId,
          f.subjectId,
          f.localDate,
          f.counts ? 1 : 0,
          f.schoolYear,
          f.termNo,
          f.eventId,
        ]),
      ],
    );
  }

  async upsertBookings(
    manager: EntityManager,
    bookings: (BookingFact & FactPeriod)[],
  ): Promise<void> {
    if (bookings.length === 0) return;
    await manager.query(
      `INSERT INTO q_bookings (booking_id, student_id, film_id, school_id, local_date, active,
         school_year, term_no) VALUES ?
       ON DUPLICATE KEY UPDATE active = VALUES(active), film_id = VALUES(film_id),
         local_date = VALUES(local_date), school_year = VALUES(school_year), term_no = VALUES(term_no)`,
      [
        bookings.map((b) => [
          b.bookingId,
          b.studentId,
          b.filmId,
          b.schoolId,
          b.localDate,
          b.active ? 1 : 0,
          b.schoolYear,
          b.termNo,
        ]),
      ],
    );
  }

  /**
   * Recomputes the counts of these students from the facts: distinct subjects per kind and
   * period (term and school year), so a repeat viewing or a redelivery never counts twice;
   * then the distinct films booked on or after `today` and not yet attended.
   */
  async recomputeStudents(
    manager: EntityManager,
    studentIds: string[],
    today: string,
  ): Promise<void> {
    if (studentIds.length === 0) return;
    const ids = [...new Set(studentIds)];
    await manager.query('DELETE FROM q_counts WHERE student_id IN (?)', [ids]);
    await manager.query(
      `INSERT INTO q_counts (kind, period_key, student_id, counted, booked)
       SELECT kind, CONCAT(school_year, '-T', term_no), student_id,
              COUNT(DISTINCT CASE WHEN counts = 1 THEN subject_id END), 0
         FROM q_facts WHERE student_id IN (?) AND term_no IS NOT NULL
         GROUP BY kind, school_year, term_no, student_id
       UNION ALL
       SELECT kind, school_year, student_id,
              COUNT(DISTINCT CASE WHEN counts = 1 THEN subject_id END), 0
         FROM q_facts WHERE student_id IN (?)
         GROUP BY kind, school_year, student_id`,
      [ids, ids],
    );
    await manager.query(
      `INSERT INTO q_counts (kind, period_key, student_id, counted, booked)
       SELECT 'film', period_key, student_id, 0, COUNT(DISTINCT film_id) FROM (
         SELECT CONCAT(b.school_year, '-T', b.term_no) AS period_key, b.student_id, b.film_id
           FROM q_bookings b
          WHERE b.student_id IN (?) AND b.active = 1 AND b.local_date >= ? AND b.term_no IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM q_facts f WHERE f.student_id = b.student_id
                  AND f.kind = 'film' AND f.counts = 1 AND f.subject_id = b.film_id
                  AND f.school_year = b.school_year AND f.term_no = b.term_no)
         UNION ALL
         SELECT b.school_year, b.student_id, b.film_id
           FROM q_bookings b
          WHERE b.student_id IN (?) AND b.active = 1 AND b.local_date >= ?
            AND NOT EXISTS (SELECT 1 FROM q_facts f WHERE f.student_id = b.student_id
                  AND f.kind = 'film' AND f.counts = 1 AND f.subject_id = b.film_id
                  AND f.school_year = b.school_year)
       ) upcoming GROUP BY period_key, student_id
       ON DUPLICATE KEY UPDATE booked = VALUES(booked)`,
      [ids, today, ids, today],
    );
  }

  /** Clears the period of facts and bookings of these schools (all when null) back to the date's school year. */
  async resetPeriods(manager: EntityManager, schoolIds: string[] | null): Promise<void> {
    for (const table of ['q_facts', 'q_bookings']) {
      if (schoolIds === null) {
        await manager.query(`UPDATE ${table} SET school_year = ${SQL_SCHOOL_YEAR}, term_no = NULL`);
      } else if (schoolIds.length > 0) {
        await manager.query(
          `UPDATE ${table} SET school_year = ${SQL_SCHOOL_YEAR}, term_no = NULL WHERE school_id IN (?)`,
          [schoolIds],
        );
      }
    }
  }

  /** Puts the facts and bookings of these schools dated inside a term into that term. */
  async assignTerm(
    manager: EntityManager,
    schoolIds: string[] | { notIn: string[] },
    term: { schoolYear: string; termNo: number; startsOn: string; endsOn: string },
  ): Promise<void> {
    const [clause, ids] = Array.isArray(schoolIds)
      ? ['school_id IN (?)', schoolIds]
      : schoolIds.notIn.length > 0
        ? ['school_id NOT IN (?)', schoolIds.notIn]
        : ['1 = 1', []];
    if (Array.isArray(ids) && ids.length === 0 && clause !== '1 = 1') return;
    for (const table of ['q_facts', 'q_bookings']) {
      await manager.query(
        `UPDATE ${table} SET school_year = ?, term_no = ?
          WHERE ${clause} AND local_date BETWEEN ? AND ?`,
        clause === '1 = 1'
          ? [term.schoolYear, term.termNo, term.startsOn, term.endsOn]
          : [term.schoolYear, term.termNo, ids, term.startsOn, term.endsOn],
      );
    }
  }

  async schoolYearsWithFacts(): Promise<string[]> {
    const rows: { school_year: string }[] = await this.dataSource.query(
      `SELECT DISTINCT school_year FROM q_facts UNION SELECT DISTINCT school_year FROM q_bookings`,
    );
    return rows.map((r) => r.school_year);
  }

  async schoolsWithFacts(): Promise<string[]> {
    const rows: { school_id: string }[] = await this.dataSource.query(
      'SELECT DISTINCT school_id FROM q_facts UNION SELECT DISTINCT school_id FROM q_bookings',
    );
    return rows.map((r) => r.school_id);
  }

  async hasFactsOfSchool(schoolId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM q_facts WHERE school_id = ? LIMIT 1',
      [schoolId],
    );
    return rows.length > 0;
  }

  /** Students with facts or bookings, in pages ordered by id (keyset). */
  async studentsAfter(
    afterId: string,
    limit: number,
    schoolIds: string[] | null,
  ): Promise<string[]> {
    const schoolClause = schoolIds ? 'AND school_id IN (?)' : '';
    const params = schoolIds
      ? [afterId, schoolIds, afterId, schoolIds, limit]
      : [afterId, afterId, limit];
    const rows: { student_id: string }[] = await this.dataSource.query(
      `SELECT student_id FROM (
         SELECT DISTINCT student_id FROM q_facts WHERE student_id > ? ${schoolClause}
         UNION SELECT DISTINCT student_id FROM q_bookings WHERE student_id > ? ${schoolClause}
       ) s ORDER BY student_id LIMIT ?`,
      params,
    );
    return rows.map((r) => r.student_id);
  }

  async countFacts(): Promise<number> {
    const rows: { n: string | number }[] = await this.dataSource.query(
      'SELECT COUNT(*) AS n FROM q_facts',
    );
    return Number(rows[0].n);
  }

  /** Per student of a school, from the latest revision of each mark in the window. */
  async filmMarks(schoolId: string, from: string, to: string): Promise<LedgerMarks[]> {
    const rows: { student_id: string; films: string | number; marks: string | number }[] =
      await this.dataSource.query(
        `SELECT student_id, COUNT(DISTINCT CASE WHEN counts = 1 THEN subject_id END) AS films,
                SUM(counts) AS marks
           FROM q_facts WHERE kind = 'film' AND school_id = ? AND local_date BETWEEN ? AND ?
          GROUP BY student_id`,
        [schoolId, from, to],
      );
    return rows.map((r) => ({
      studentId: r.student_id,
      distinctFilms: Number(r.films),
      presentMarks: Number(r.marks),
    }));
  }
}
