import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The outbox and processed-events tables; every service that publishes or consumes events runs it. */
export class CreateMessagingTables1764300000000 implements MigrationInterface {
  name = 'CreateMessagingTables1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE outbox_events (
      seq BIGINT NOT NULL AUTO_INCREMENT,
      event_id CHAR(36) NOT NULL,
      topic VARCHAR(200) NOT NULL,
      message_key VARCHAR(200) NOT NULL,
      type VARCHAR(200) NOT NULL,
      envelope LONGTEXT NOT NULL,
      created_at DATETIME(3) NOT NULL,
      published_at DATETIME(3) NULL,
      PRIMARY KEY (seq),
      UNIQUE KEY uq_outbox_event_id (event_id),
      KEY ix_outbox_unpublished (published_at, seq)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE processed_events (
      consumer VARCHAR(100) NOT NULL,
      event_id CHAR(36) NOT NULL,
      processed_at DATETIME(3) NOT NULL,
      PRIMARY KEY (consumer, event_id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE processed_events');
    await q.query('DROP TABLE outbox_events');
  }
}
