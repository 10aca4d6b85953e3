import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An event waiting to leave (or that has left) through the outbox relay. */
@Entity({ name: 'outbox_events' })
@Index('ix_outbox_unpublished', ['publishedAt', 'seq'])
export class OutboxEventEntity {
  /** Insertion order: the relay publishes in this order. */
  @PrimaryGeneratedColumn({ type: 'bigint', name: 'seq' })
  seq!: string;

  @Column({ type: 'char', length: 36, name: 'event_id', unique: true })
  eventId!: string;

  @Column({ type: 'varchar', length: 200 })
  topic!: string;

  @Column({ type: 'varchar', length: 200, name: 'message_key' })
  messageKey!: string;

  @Column({ type: 'varchar', length: 200 })
  type!: string;

  /** The whole envelope as JSON text (portable between MySQL 8 and MariaDB). */
  @Column({ type: 'longtext' })
  envelope!: string;

  @Column({ type: 'datetime', precision: 3, name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'datetime', precision: 3, name: 'published_at', nullable: true })
  publishedAt!: Date | null;
}
