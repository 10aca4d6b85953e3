import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HolidayKind } from '@app/contracts';

/** A statutory holiday or a make-up working day of an area: at most one entry per date. */
@Entity({ name: 'calendar_holidays' })
export class HolidayEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 6, name: 'area_code' })
  areaCode!: string;

  @Column({ type: 'date', name: 'on_date', utc: true })
  date!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: HolidayKind;

  @Column({ type: 'varchar', length: 50, nullable: true })
  name!: string | null;

  @Column({ type: 'datetime', precision: 3, name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'datetime', precision: 3, name: 'updated_at' })
  updatedAt!: Date;
}
