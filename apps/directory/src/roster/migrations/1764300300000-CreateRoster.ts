import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Classes, students (national ID encrypted, with a keyed hash and last four) and their history. */
export class CreateRoster1764300300000 implements MigrationInterface {
  name = 'CreateRoster1764300300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE school_classes (
      id CHAR(36) NOT NULL,
      school_id CHAR(36) NOT NULL,
      school_year CHAR(9) CHARACTER SET ascii NOT NULL,
      grade TINYINT UNSIGNED NOT NULL,
      name VARCHAR(50) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_school_classes_name (school_id, school_year, name),
      KEY ix_school_classes_grade (school_id, school_year, grade),
      CONSTRAINT fk_school_classes_school FOREIGN KEY (school_id) REFERENCES organisations (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE students (
      id CHAR(36) NOT NULL,
      school_id CHAR(36) NOT NULL,
      student_number VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      name VARCHAR(100) NOT NULL,
      gender VARCHAR(10) NOT NULL,
      date_of_birth DATE NOT NULL,
      grade TINYINT UNSIGNED NOT NULL,
      class_id CHAR(36) NULL,
      status VARCHAR(20) NOT NULL,
      national_id_ciphertext VARBINARY(64) NULL,
      national_id_hmac BINARY(32) NULL,
      national_id_last4 CHAR(4) CHARACTER SET ascii NULL,
      enrolled_at DATETIME(3) NOT NULL,
      withdrawn_at DATETIME(3) NULL,
      updated_at DATETIME(3) NOT NULL,
      import_job_id CHAR(36) NULL,
      import_line INT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_students_number (school_id, student_number),
      KEY ix_students_national_id (national_id_hmac),
      KEY ix_students_class (class_id),
      KEY ix_students_school_status_grade (school_id, status, grade),
      CONSTRAINT fk_students_school FOREIGN KEY (school_id) REFERENCES organisations (id),
      CONSTRAINT fk_students_class FOREIGN KEY (class_id) REFERENCES school_classes (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE student_history (
      seq BIGINT NOT NULL AUTO_INCREMENT,
      student_id CHAR(36) NOT NULL,
      kind VARCHAR(20) NOT NULL,
      occurred_at DATETIME(3) NOT NULL,
      actor_account_id CHAR(36) NULL,
      actor_organisation_id CHAR(36) NULL,
      from_school_id CHAR(36) NULL,
      from_class_id CHAR(36) NULL,
      from_grade TINYINT UNSIGNED NULL,
      to_school_id CHAR(36) NULL,
      to_class_id CHAR(36) NULL,
      to_grade TINYINT UNSIGNED NULL,
      reason VARCHAR(500) NULL,
      changed_fields LONGTEXT NULL,
      import_job_id CHAR(36) NULL,
      request_id VARCHAR(100) NULL,
      PRIMARY KEY (seq),
      KEY ix_student_history_student (student_id, seq),
      CONSTRAINT fk_student_history_student FOREIGN KEY (student_id) REFERENCES students (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE student_history');
    await q.query('DROP TABLE students');
    await q.query('DROP TABLE school_classes');
  }
}
