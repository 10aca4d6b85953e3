import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Read model of the directory's organisations, from `directory.organisation.created.v1`. */
@Entity({ name: 'aid_organisations' })
export class OrganisationEntity {
  @PrimaryColumn({ type: 'char', length: 36 })
  id!: string;

  @Column({ type: 'char', length: 36, name: 'parent_id', nullable: true })
  parentId!: string | null;

  @Column({ type: 'varchar', length: 30 })
  kind!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** `/<root id>/.../<own id>/`: a bureau's subtree is every path starting with its own. */
  @Column({ type: 'varchar', length: 1000 })
  path!: string;
}
