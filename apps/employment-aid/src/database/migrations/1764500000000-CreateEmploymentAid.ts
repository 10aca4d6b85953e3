import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Graduates in need, mentors, one-to-one assignments, plans, sessions, outcomes, training
 * sessions, the organisation read model and the audit trail of sensitive reads.
 */
export class CreateEmploymentAid1764500000000 implements MigrationInterface {
  name = 'CreateEmploymentAid1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE aid_organisations (
      id CHAR(36) NOT NULL,
      parent_id CHAR(36) NULL,
      kind VARCHAR(30) NOT NULL,
      name VARCHAR(200) NOT NULL,
      path VARCHAR(1000) NOT NULL,
      PRIMARY KEY (id),
      KEY ix_aid_organisations_path (path(255))
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE aid_graduates (
      id CHAR(36) NOT NULL,
      university_id CHAR(36) NOT NULL,
      name VARCHAR(100) NOT NULL,
      major VARCHAR(100) NOT NULL,
      degree VARCHAR(30) NOT NULL,
      graduation_year INT NOT NULL,
      contact VARCHAR(200) NOT NULL,
      intentions LONGTEXT NOT NULL,
      willing_to_work TINYINT(1) NOT NULL,
      categories_ciphertext VARBINARY(1024) NOT NULL,
      registered_at DATETIME(3) NOT NULL,
      registered_by CHAR(36) NOT NULL,
      last_contact_at DATETIME(3) NULL,
      follow_up_on DATE NULL,
      demo_key VARCHAR(100) NULL,
      PRIMARY KEY (id),
      UNIQUE KEY ux_aid_graduates_demo (demo_key),
      KEY ix_aid_graduates_university (university_id, registered_at)
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE aid_mentors (
      id CHAR(36) NOT NULL,
      university_id CHAR(36) NOT NULL,
      account_id CHAR(36) NOT NULL,
      display_name VARCHAR(100) NOT NULL,
      kind VARCHAR(30) NOT NULL,
      industries LONGTEXT NOT NULL,
      majors LONGTEXT NOT NULL,
      cities LONGTEXT NOT NULL,
      capacity INT NOT NULL,
      active_count INT NOT NULL DEFAULT 0,
      availability VARCHAR(500) NULL,
      created_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY ux_aid_mentors_account (account_id),
      KEY ix_aid_mentors_university (university_id)
    ) ${TABLE_OPTIONS}`);
    // active_flag is 1 while the assignment is active and NULL after: the unique key allows
    // any number of ended assignments but one active one per graduate.
    await q.query(`CREATE TABLE aid_assignments (
      id CHAR(36) NOT NULL,
      graduate_id CHAR(36) NOT NULL,
      mentor_id CHAR(36) NOT NULL,
      active_flag TINYINT NULL,
      assigned_at DATETIME(3) NOT NULL,
      assigned_by CHAR(36) NOT NULL,
      ended_at DATETIME(3) NULL,
      end_reason VARCHAR(500) NULL,
      PRIMARY KEY (id),
      UNIQUE KEY ux_aid_assignments_active (graduate_id, active_flag),
      KEY ix_aid_assignments_mentor (mentor_id, active_flag)
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE aid_goals (
      id CHAR(36) NOT NULL,
      graduate_id CHAR(36) NOT NULL,
      title VARCHAR(300) NOT NULL,
      due_on DATE NULL,
      status VARCHAR(20) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      created_by CHAR(36) NOT NULL,
      PRIMARY KEY (id),
      KEY ix_aid_goals_graduate (graduate_id, created_at)
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE aid_referrals (
      id CHAR(36) NOT NULL,
      graduate_id CHAR(36) NOT NULL,
      employer VARCHAR(200) NOT NULL,
      position VARCHAR(200) NOT NULL,
      note VARCHAR(1000) NULL,
      result VARCHAR(20) NOT NULL,
      referred_by CHAR(36) NOT NULL,
      referred_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      KEY ix_aid_referrals_graduate (graduate_id, referred_at)
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE aid_sessions (
      id CHAR(36) NOT NULL,
      graduate_id CHAR(36) NOT NULL,
      mentor_account_id CHAR(36) NOT NULL,
      occurred_at DATETIME(3) NOT NULL,
      channel VARCHAR(20) NOT NULL,
      duration_minutes INT NOT NULL,
      contact_made TINYINT(1) NOT NULL,
      notes LONGTEXT NOT NULL,
      next_step VARCHAR(1000) NULL,
      follow_up_on DATE NULL,
      created_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      KEY ix_aid_sessions_graduate (graduate_id, created_at)
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE aid_session_revisions (
      id CHAR(36) NOT NULL,
      session_id CHAR(36) NOT NULL,
      notes LONGTEXT NOT NULL,
      next_step VARCHAR(1000) NULL,
      edited_at DATETIME(3) NOT NULL,
      edited_by CHAR(36) NOT NULL,
      PRIMARY KEY (id),
      KEY ix_aid_session_revisions_session (session_id, edited_at)
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE aid_outcomes (
      id CHAR(36) NOT NULL,
      graduate_id CHAR(36) NOT NULL,
      university_id CHAR(36) NOT NULL,
      kind VARCHAR(30) NOT NULL,
      employer VARCHAR(200) NULL,
      start_date DATE NULL,
      contract_type VARCHAR(20) NULL,
      days_to_employment INT NULL,
      recorded_by CHAR(36) NOT NULL,
      recorded_at DATETIME(3) NOT NULL,
      verified_by CHAR(36) NULL,
      verified_at DATETIME(3) NULL,
      PRIMARY KEY (id),
      KEY ix_aid_outcomes_graduate (graduate_id, recorded_at),
      KEY ix_aid_outcomes_university (university_id, verified_at)
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE aid_trainings (
      id CHAR(36) NOT NULL,
      university_id CHAR(36) NOT NULL,
      title VARCHAR(200) NOT NULL,
      starts_at DATETIME(3) NOT NULL,
      location VARCHAR(200) NULL,
      capacity INT NOT NULL,
      enrolled_count INT NOT NULL DEFAULT 0,
      created_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      KEY ix_aid_trainings_university (university_id, starts_at)
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE aid_training_enrolments (
      training_id CHAR(36) NOT NULL,
      graduate_id CHAR(36) NOT NULL,
      enrolled_at DATETIME(3) NOT NULL,
      attended TINYINT(1) NULL,
      PRIMARY KEY (training_id, graduate_id)
    ) ${TABLE_OPTIONS}`);
    await q.query(`CREATE TABLE aid_audit_log (
      id CHAR(36) NOT NULL,
      occurred_at DATETIME(3) NOT NULL,
      actor_account_id CHAR(36) NOT NULL,
      actor_role VARCHAR(40) NOT NULL,
      actor_organisation_id CHAR(36) NULL,
      action VARCHAR(100) NOT NULL,
      subject_type VARCHAR(50) NOT NULL,
      subject_id CHAR(36) NOT NULL,
      subject_organisation_id CHAR(36) NULL,
      fields LONGTEXT NOT NULL,
      request_id VARCHAR(100) NULL,
      PRIMARY KEY (id),
      KEY ix_aid_audit_log_subject (subject_type, subject_id, occurred_at),
      KEY ix_aid_audit_log_actor (actor_account_id, occurred_at)
    ) ${TABLE_OPTIONS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'aid_audit_log',
      'aid_training_enrolments',
      'aid_trainings',
      'aid_outcomes',
      'aid_session_revisions',
      'aid_sessions',
      'aid_referrals',
      'aid_goals',
      'aid_assignments',
      'aid_mentors',
      'aid_graduates',
      'aid_organisations',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
