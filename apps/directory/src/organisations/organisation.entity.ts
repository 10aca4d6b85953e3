import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BureauLevel, OrganisationKind, SchoolStage } from '@app/contracts';

@Entity({ name: 'organisations' })
export class OrganisationEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: OrganisationKind;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'char', length: 36, name: 'parent_id', nullable: true })
  parentId!: string | null;

  /** Materialized path of ids, `/<root>/<child>/…/<self>/`: a subtree is `path LIKE '<path>%'`. */
  @Column({ type: 'varchar', length: 760 })
  path!: string;

  @Column({ type: 'char', length: 6, name: 'region_code' })
  regionCode!: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  level!: BureauLevel | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  stage!: SchoolStage | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  operator!: string | null;

  @Column({ type: 'varchar', length: 200, name: 'career_centre_name', nullable: true })
  careerCentreName!: string | null;

  @Column({ type: 'datetime', precision: 3, name: 'created_at' })
  createdAt!: Date;
}
