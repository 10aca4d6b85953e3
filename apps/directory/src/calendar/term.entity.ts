import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TermNumber } from '@app/contracts';

/** A term of a school year in an area; its first and last days belong to it. */
@Entity({ name: 'calendar_terms' })
export class TermEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 6, name: 'area_code' })
  areaCode!: string;

  @Column({ type: 'char', length: 9, name: 'school_year' })
  schoolYear!: string;

  @Column({ type: 'tinyint' })
  term!: TermNumber;

  /** Local dates as `YYYY-MM-DD` (utc: read back without a time-zone shift). */
  @Column({ type: 'date', name: 'starts_on', utc: true })
  startsOn!: string;

  @Column({ type: 'date', name: 'ends_on', utc: true })
  endsOn!: string;

  @Column({ type: 'datetime', precision: 3, name: 'created_at' })
  createdAt!: Date;
}
