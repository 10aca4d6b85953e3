import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `q_facts` clustered by student (docs/benchmarks.md, quotas): primary key
 * `(student_id, source_id)` instead of `(source_id)`. A chunk's upsert of a student's facts and
 * the recount that reads them back then touch one page per student instead of one page per
 * fact plus one of `ix_q_facts_student`, which is no longer needed. A source id is stable per
 * (screening, student), (booking, student) or (visit, student): the student is part of its
 * identity anyway.
 * `q_counts` keeps its key `(kind, period_key, student_id)`: clustered by student it made the
 * city report read twice the pages (docs/benchmarks.md).
 */
export class LedgerKeys1764700000000 implements MigrationInterface {
  name = 'LedgerKeys1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE q_facts DROP PRIMARY KEY,
      ADD PRIMARY KEY (student_id, source_id), DROP INDEX ix_q_facts_student`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE q_facts DROP PRIMARY KEY,
      ADD PRIMARY KEY (source_id), ADD INDEX ix_q_facts_student (student_id, kind)`);
  }
}
