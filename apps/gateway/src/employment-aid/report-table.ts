import type { BureauReportView, CentreReportView } from '@app/contracts';
import { column, tableSection, type Table } from '../http/table-reply.js';

const COLUMNS = [
  column<CentreReportView>('universityId', '高校ID', (r) => r.universityId),
  column<CentreReportView>('generatedAt', '生成时间', (r) => r.generatedAt),
  column<CentreReportView>('alertWindowDays', '联系时限（天）', (r) => r.alertWindowDays),
  column<CentreReportView>('graduatesInNeed', '困难毕业生人数', (r) => r.graduatesInNeed),
  column<CentreReportView>('assigned', '已结对人数', (r) => r.assigned),
  column<CentreReportView>('assignedShare', '结对比例', (r) => r.assignedShare),
  column<CentreReportView>('contactedWithinWindow', '时限内已联系', (r) => r.contactedWithinWindow),
  column<CentreReportView>('contactedShare', '联系比例', (r) => r.contactedShare),
  column<CentreReportView>('employed', '已就业人数', (r) => r.employed),
  column<CentreReportView>('employedShare', '就业比例', (r) => r.employedShare),
  column<CentreReportView>(
    'medianDaysToEmployment',
    '就业天数中位数',
    (r) => r.medianDaysToEmployment,
  ),
];

/** The centre's ledger as a table: a header row and one row. */
export function centreReportTable(report: CentreReportView): Table {
  return {
    filename: 'employment-aid-report',
    sheetName: '宏志助航统计',
    sections: [tableSection(COLUMNS, [report])],
  };
}

/** One row per university, then the bureau's totals (their universityId is the bureau's id). */
export function bureauReportTable(report: BureauReportView): Table {
  return {
    filename: 'employment-aid-bureau-report',
    sheetName: '宏志助航统计',
    sections: [tableSection(COLUMNS, [...report.universities, report.totals])],
  };
}
