import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Remembers which events a consumer has applied, so a redelivery changes nothing. */
@Entity({ name: 'processed_events' })
export class ProcessedEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  consumer!: string;

  @PrimaryColumn({ type: 'char', length: 36, name: 'event_id' })
  eventId!: string;

  @Column({ type: 'datetime', precision: 3, name: 'processed_at' })
  processedAt!: Date;
}
