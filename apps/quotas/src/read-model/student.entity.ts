import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The roster read model's row; an entity only so `bulkInsert` can seed it (bench). */
@Entity({ name: 'q_students' })
export class StudentEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;
  @Column({ type: 'char', length: 36, name: 'school_id' }) schoolId!: string;
  @Column({ type: 'char', length: 36, name: 'class_id', nullable: true }) classId!: string | null;
  @Column({ type: 'tinyint' }) grade!: number;
  @Column({ type: 'char', length: 9, name: 'school_year', nullable: true })
  schoolYear!: string | null;
  @Column({ type: 'tinyint' }) active!: number;
  @Column({ type: 'char', length: 6, name: 'region_code', nullable: true })
  regionCode!: string | null;
  @Column({ type: 'varchar', length: 30, nullable: true }) stage!: string | null;
}
