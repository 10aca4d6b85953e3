import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Import jobs, the file they read (in chunks, deleted when the job ends) and rejected lines. */
export class CreateRosterImports1764300300200 implements MigrationInterface {
  name = 'CreateRosterImports1764300300200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE roster_import_jobs (
      id CHAR(36) NOT NULL,
      school_id CHAR(36) NOT NULL,
      school_year CHAR(9) CHARACTER SET ascii NOT NULL,
      status VARCHAR(20) NOT NULL,
      created_by CHAR(36) NOT NULL,
      created_by_organisation_id CHAR(36) NULL,
      request_id VARCHAR(100) NULL,
      file_bytes BIGINT NOT NULL DEFAULT 0,
      chunk_count INT NOT NULL DEFAULT 0,
      encoding VARCHAR(10) NULL,
      total_rows INT NULL,
      rows_processed INT NOT NULL DEFAULT 0,
      created_count INT NOT NULL DEFAULT 0,
      moved_count INT NOT NULL DEFAULT 0,
      updated_count INT NOT NULL DEFAULT 0,
      unchanged_count INT NOT NULL DEFAULT 0,
      rejected_count INT NOT NULL DEFAULT 0,
      error VARCHAR(500) NULL,
      worker_id VARCHAR(100) NULL,
      heartbeat_at DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL,
      queued_at DATETIME(3) NULL,
      started_at DATETIME(3) NULL,
      finished_at DATETIME(3) NULL,
      PRIMARY KEY (id),
      KEY ix_roster_import_jobs_status (status, queued_at),
      KEY ix_roster_import_jobs_school (school_id, created_at),
      CONSTRAINT fk_roster_import_jobs_school FOREIGN KEY (school_id) REFERENCES organisations (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE roster_import_chunks (
      job_id CHAR(36) NOT NULL,
      seq INT NOT NULL,
      data MEDIUMBLOB NOT NULL,
      PRIMARY KEY (job_id, seq),
      CONSTRAINT fk_roster_import_chunks_job FOREIGN KEY (job_id)
        REFERENCES roster_import_jobs (id) ON DELETE CASCADE
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE roster_import_rejections (
      job_id CHAR(36) NOT NULL,
      line INT NOT NULL,
      student_number VARCHAR(64) NULL,
      code VARCHAR(40) NOT NULL,
      reason VARCHAR(500) NOT NULL,
      PRIMARY KEY (job_id, line),
      CONSTRAINT fk_roster_import_rejections_job FOREIGN KEY (job_id)
        REFERENCES roster_import_jobs (id) ON DELETE CASCADE
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE roster_import_rejections');
    await q.query('DROP TABLE roster_import_chunks');
    await q.query('DROP TABLE roster_import_jobs');
  }
}
