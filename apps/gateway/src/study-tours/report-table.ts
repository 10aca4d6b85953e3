import type { StudyTourReportRow, StudyTourReportView } from '@app/contracts';
import { column, tableSection, type Table } from '../http/table-reply.js';

type Row = StudyTourReportRow & { kind: 'base' | 'school' };

const COLUMNS = [
  column<Row>('kind', '类别', (r) => r.kind),
  column<Row>('organisationId', '机构ID', (r) => r.organisationId),
  column<Row>('name', '名称', (r) => r.name),
  column<Row>('bookings', '预约数', (r) => r.bookings),
  column<Row>('confirmed', '已确认', (r) => r.confirmed),
  column<Row>('completed', '已完成', (r) => r.completed),
  column<Row>('cancelled', '已取消', (r) => r.cancelled),
  column<Row>('declined', '已拒绝', (r) => r.declined),
  column<Row>('expired', '已过期', (r) => r.expired),
  column<Row>('studentsBooked', '预约学生数', (r) => r.studentsBooked),
  column<Row>('participants', '实际参加人数', (r) => r.participants),
  column<Row>('ratingCount', '评价数', (r) => r.ratingCount),
  column<Row>('averageRating', '平均评分', (r) => r.averageRating),
];

/** The bureau report as a table: one row per base, then one per school, the first column saying which. */
export function studyTourReportTable(report: StudyTourReportView): Table {
  return {
    filename: 'study-tours-report',
    sheetName: '研学实践统计',
    sections: [
      tableSection(COLUMNS, [
        ...report.bases.map((r): Row => ({ ...r, kind: 'base' })),
        ...report.schools.map((r): Row => ({ ...r, kind: 'school' })),
      ]),
    ],
  };
}
