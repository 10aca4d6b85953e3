import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Job and internship postings of a career centre; referrals may point at one. */
export class CreatePostings1764500000100 implements MigrationInterface {
  name = 'CreatePostings1764500000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE aid_postings (
      id CHAR(36) NOT NULL,
      university_id CHAR(36) NOT NULL,
      kind VARCHAR(20) NOT NULL,
      employer VARCHAR(200) NOT NULL,
      title VARCHAR(200) NOT NULL,
      location VARCHAR(200) NOT NULL,
      wage_min INT NOT NULL,
      wage_max INT NOT NULL,
      requirements LONGTEXT NOT NULL,
      expires_on DATE NOT NULL,
      status VARCHAR(20) NOT NULL,
      created_by CHAR(36) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      reviewed_by CHAR(36) NULL,
      reviewed_at DATETIME(3) NULL,
      review_note VARCHAR(1000) NULL,
      PRIMARY KEY (id),
      KEY ix_aid_postings_university (university_id, status, expires_on)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query('ALTER TABLE aid_referrals ADD COLUMN posting_id CHAR(36) NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE aid_referrals DROP COLUMN posting_id');
    await q.query('DROP TABLE aid_postings');
  }
}
