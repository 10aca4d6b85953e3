import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger's write path (docs/benchmarks.md, quotas):
 * - `q_ledger_students`: one row per student the ledger has applied something for; a chunk
 *   upserts its students' rows first, in id order, which locks each student by its unique key
 *   (whether the student is on the roster yet or not). Chunks sharing students then take
 *   turns, without deadlocks, and the second one counts the first one's facts.
 * - `q_facts` clustered by student: primary key `(student_id, source_id)` instead of
 *   `(source_id)`, so a chunk's upsert of a student's facts and the recount that reads them
 *   back touch one page per student; `ix_q_facts_student` is no longer needed. A source id is
 *   stable per (screening, student), (booking, student) or (visit, student): the student is
 *   part of its identity anyway.
 * `q_counts` keeps its key `(kind, period_key, student_id)`: clustered by student it made the
 * city report read twice the pages.
 */
export class LedgerKeys1764700000000 implements MigrationInterface {
  name = 'LedgerKeys1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE q_ledger_students (
      student_id CHAR(36) NOT NULL,
      applied_at DATETIME(3) NOT NULL,
      PRIMARY KEY (student_id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`ALTER TABLE q_facts DROP PRIMARY KEY,
      ADD PRIMARY KEY (student_id, source_id), DROP INDEX ix_q_facts_student`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE q_facts DROP PRIMARY KEY,
      ADD PRIMARY KEY (source_id), ADD INDEX ix_q_facts_student (student_id, kind)`);
    await q.query('DROP TABLE q_ledger_students');
  }
}
