import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { VacationKind } from '@app/contracts';

/** The winter or summer vacation of a school year in an area. */
@Entity({ name: 'calendar_vacations' })
export class VacationEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 6, name: 'area_code' })
  areaCode!: string;

  @Column({ type: 'char', length: 9, name: 'school_year' })
  schoolYear!: string;

  @Column({ type: 'varchar', length: 10 })
  kind!: VacationKind;

  @Column({ type: 'varchar', length: 50, nullable: true })
  name!: string | null;

  @Column({ type: 'date', name: 'starts_on', utc: true })
  startsOn!: string;

  @Column({ type: 'date', name: 'ends_on', utc: true })
  endsOn!: string;

  @Column({ type: 'datetime', precision: 3, name: 'created_at' })
  createdAt!: Date;
}
