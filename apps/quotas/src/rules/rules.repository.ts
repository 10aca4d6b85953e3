import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { QuotaKind, QuotaPeriod, QuotaRuleView, SchoolStage } from '@app/contracts';

interface RuleRow {
  id: string;
  name: string;
  kind: QuotaKind;
  period: QuotaPeriod;
  minimum: number | null;
  maximum: number | null;
  stages: string;
  min_grade: number;
  max_grade: number;
  area_code: string;
  is_default: number;
  created_at: Date;
}

const toView = (r: RuleRow): QuotaRuleView => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  period: r.period,
  minimum: r.minimum === null ? null : Number(r.minimum),
  maximum: r.maximum === null ? null : Number(r.maximum),
  stages: r.stages === '' ? [] : (r.stages.split(',') as SchoolStage[]),
  minGrade: Number(r.min_grade),
  maxGrade: Number(r.max_grade),
  areaCode: r.area_code,
  isDefault: Number(r.is_default) === 1,
  createdAt: new Date(r.created_at).toISOString(),
});

@Injectable()
export class RulesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    rule: Omit<QuotaRuleView, 'createdAt' | 'isDefault'>,
    createdBy: string,
  ): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO q_rules (id, name, kind, period, minimum, maximum, stages, min_grade, max_grade,
         area_code, is_default, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, NOW(3))`,
      [
        rule.id,
        rule.name,
        rule.kind,
        rule.period,
        rule.minimum,
        rule.maximum,
        rule.stages.join(','),
        rule.minGrade,
        rule.maxGrade,
        rule.areaCode,
        createdBy,
      ],
    );
  }

  async find(id: string): Promise<QuotaRuleView | null> {
    const rows: RuleRow[] = await this.dataSource.query('SELECT * FROM q_rules WHERE id = ?', [id]);
    return rows[0] ? toView(rows[0]) : null;
  }

  async findDefault(): Promise<QuotaRuleView> {
    const rows: RuleRow[] = await this.dataSource.query(
      'SELECT * FROM q_rules WHERE is_default = 1 ORDER BY created_at LIMIT 1',
    );
    return toView(rows[0]);
  }

  /** The stages of the default rule, as configured (explicit, never "empty: all"). */
  async setDefaultStages(stages: readonly SchoolStage[]): Promise<void> {
    await this.dataSource.query('UPDATE q_rules SET stages = ? WHERE is_default = 1', [
      stages.join(','),
    ]);
  }

  async all(): Promise<QuotaRuleView[]> {
    const rows: RuleRow[] = await this.dataSource.query(
      'SELECT * FROM q_rules ORDER BY is_default DESC, created_at, id',
    );
    return rows.map(toView);
  }
}
