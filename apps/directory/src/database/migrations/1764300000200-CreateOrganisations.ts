import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOrganisations1764300000200 implements MigrationInterface {
  name = 'CreateOrganisations1764300000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE organisations (
      id CHAR(36) NOT NULL,
      kind VARCHAR(20) NOT NULL,
      name VARCHAR(200) NOT NULL,
      parent_id CHAR(36) NULL,
      path VARCHAR(760) CHARACTER SET ascii NOT NULL,
      region_code CHAR(6) NOT NULL,
      level VARCHAR(20) NULL,
      stage VARCHAR(30) NULL,
      operator VARCHAR(200) NULL,
      career_centre_name VARCHAR(200) NULL,
      created_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      KEY ix_organisations_path (path),
      KEY ix_organisations_parent (parent_id),
      CONSTRAINT fk_organisations_parent FOREIGN KEY (parent_id) REFERENCES organisations (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(
      'ALTER TABLE accounts ADD CONSTRAINT fk_accounts_organisation FOREIGN KEY (organisation_id) REFERENCES organisations (id)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE accounts DROP FOREIGN KEY fk_accounts_organisation');
    await q.query('DROP TABLE organisations');
  }
}
