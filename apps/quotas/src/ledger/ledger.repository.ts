import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { BookingFact, LedgerFact } from './ledger-events.js';
import type { FactPeriod } from '../read-model/term-calendar.js';

/** School year of a date in SQL, as `schoolYearOfDate` computes it (1 August starts a year). */
const SQL_SCHOOL_YEAR = `IF(MONTH(local_date) >= 8,
  CONCAT(YEAR(local_date), '-', YEAR(local_date) + 1),
  CONCAT(YEAR(local_date) - 1, '-', YEAR(local_date)))`;

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

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
   * The key is (student, source): a source id is stable per student (an attendance is one
   * student's mark at one screening). Rows go in key order (a stable sort: two revisions of
   * one fact keep their order), so a student's rows are written together.
   */
  async upsertFacts(manager: EntityManager, facts: (LedgerFact & FactPeriod)[]): Promise<void> {
    if (facts.length === 0) return;
    const newer = 'VALUES(revision) > revision';
    await manager.query(
      `INSERT INTO q_facts (source_id, kind, revision, student_id, school_id, subject_id,
         local_date, counts, school_year, term_no, event_id) VALUES ?
       ON DUPLICATE KEY UPDATE
         school_id = IF(${newer}, VALUES(school_id), school_id),
         subject_id = IF(${newer}, VALUES(subject_id), subject_id),
         local_date = IF(${newer}, VALUES(local_date), local_date),
         counts = IF(${newer}, VALUES(counts), counts),
         school_year = IF(${newer}, VALUES(school_year), school_year),
         term_no = IF(${newer}, VALUES(term_no), term_no),
         event_id = IF(${newer}, VALUES(event_id), event_id),
         revision = GREATEST(revision, VALUES(revision))`,
      [
        [...facts]
          .sort(
            (a, b) => compareKeys(a.studentId, b.studentId) || compareKeys(a.sourceId, b.sourceId),
          )
          .map((f) => [
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
    // A cancelled study tour is final (its events come on two topics, in any order between
    // them): once inactive it stays so. A screening booking takes the latest event, as before.
    await manager.query(
      `INSERT INTO q_bookings (booking_id, student_id, kind, subject_id, school_id, local_date, active,
         school_year, term_no) VALUES ?
       ON DUPLICATE KEY UPDATE
         active = IF(kind = 'study_tour', LEAST(active, VALUES(active)), VALUES(active)),
         subject_id = VALUES(subject_id),
         local_date = VALUES(local_date), school_year = VALUES(school_year), term_no = VALUES(term_no)`,
      [
        bookings.map((b) => [
          b.bookingId,
          b.studentId,
          b.kind,
          b.subjectId,
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
   * Locks these students for the rest of the transaction: one upsert of their
   * `q_ledger_students` rows, in id order, so each is locked by its unique key whether the
   * ledger knew the student or not. A chunk of another topic (or replica) touching one of
   * them waits here until this transaction ends, then reads what it wrote; the common order
   * means two chunks never wait for each other in a cycle. Take it before writing.
   */
  async lockStudents(manager: EntityManager, studentIds: string[], now: Date): Promise<void> {
    if (studentIds.length === 0) return;
    await manager.query(
      `INSERT INTO q_ledger_students (student_id, applied_at) VALUES ?
       ON DUPLICATE KEY UPDATE applied_at = VALUES(applied_at)`,
      [[...new Set(studentIds)].sort().map((id) => [id, now])],
    );
  }

  /**
   * Recomputes the counts of these students from their facts: distinct subjects per kind and
   * period (term and school year), so a repeat viewing or a redelivery never counts twice;
   * and the distinct subjects booked (films of screening bookings, programmes of confirmed
   * study tours) on or after `today`, not yet counted and not yet marked for that date (an
   * absent mark spends the booking). Two indexed
   * reads, one delete and one multi-row insert: grouping a few thousand rows here is cheaper
   * than two GROUP BY statements with temporary tables (measured, docs/benchmarks.md).
   * The transaction must hold the students (`lockStudents`): the reads are plain reads of
   * the latest committed rows.
   */
  async recomputeStudents(
    manager: EntityManager,
    studentIds: string[],
    today: string,
  ): Promise<void> {
    if (studentIds.length === 0) return;
    const ids = [...new Set(studentIds)].sort();
    const facts: {
      student_id: string;
      kind: string;
      subject_id: string;
      school_year: string;
      term_no: number | null;
      counts: number;
      local_date: string;
    }[] = await manager.query(
      `SELECT student_id, kind, subject_id, school_year, term_no, counts,
              DATE_FORMAT(local_date, '%Y-%m-%d') AS local_date
         FROM q_facts WHERE student_id IN (?)`,
      [ids],
    );
    const bookings: {
      student_id: string;
      kind: string;
      subject_id: string;
      school_year: string;
      term_no: number | null;
      local_date: string;
    }[] = await manager.query(
      `SELECT student_id, kind, subject_id, school_year, term_no,
              DATE_FORMAT(local_date, '%Y-%m-%d') AS local_date FROM q_bookings
        WHERE student_id IN (?) AND active = 1 AND local_date >= ?`,
      [ids, today],
    );
    // A booking whose occasion has a mark for the student (the same film or programme on the
    // booking's date) is spent: present, it counted; absent, it will not count. So an absent
    // student shows the film missing at once, not from the next day.
    const occasion = (student: string, kind: string, subject: string, date: string) =>
      `${student}|${kind}|${subject}|${date}`;
    const marked = new Set(
      facts.map((f) => occasion(f.student_id, f.kind, f.subject_id, f.local_date)),
    );
    const counts = new Map<string, { counted: Set<string>; booked: Set<string> }>();
    const entry = (kind: string, period: string, student: string) => {
      const key = `${kind}|${period}|${student}`;
      let value = counts.get(key);
      if (!value) counts.set(key, (value = { counted: new Set(), booked: new Set() }));
      return value;
    };
    const periodsOf = (schoolYear: string, termNo: number | null): string[] =>
      termNo === null ? [schoolYear] : [schoolYear, `${schoolYear}-T${termNo}`];
    for (const f of facts) {
      for (const period of periodsOf(f.school_year, f.term_no)) {
        const value = entry(f.kind, period, f.student_id);
        if (Number(f.counts) === 1) value.counted.add(f.subject_id);
      }
    }
    for (const b of bookings) {
      if (marked.has(occasion(b.student_id, b.kind, b.subject_id, b.local_date))) continue;
      for (const period of periodsOf(b.school_year, b.term_no)) {
        const value = entry(b.kind, period, b.student_id);
        if (!value.counted.has(b.subject_id)) value.booked.add(b.subject_id);
      }
    }
    await manager.query('DELETE FROM q_counts WHERE student_id IN (?)', [ids]);
    if (counts.size === 0) return;
    await manager.query(
      'INSERT INTO q_counts (kind, period_key, student_id, counted, booked) VALUES ?',
      [
        [...counts].map(([key, value]) => {
          const [kind, period, student] = key.split('|');
          return [kind, period, student, value.counted.size, value.booked.size];
        }),
      ],
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
