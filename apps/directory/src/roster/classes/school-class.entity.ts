import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A class of a school in one school year, e.g. 三年级2班 of 2026-2027. */
@Entity({ name: 'school_classes' })
export class SchoolClassEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36, name: 'school_id' })
  schoolId!: string;

  @Column({ type: 'char', length: 9, name: 'school_year' })
  schoolYear!: string;

  @Column({ type: 'tinyint', unsigned: true })
  grade!: number;

  @Column({ type: 'varchar', length: 50 })
  name!: string;

  @Column({ type: 'datetime', precision: 3, name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'datetime', precision: 3, name: 'updated_at' })
  updatedAt!: Date;
}
