import type { ComplianceReportView, StudentStandingView } from '@app/contracts';
import { column, tableSection, type Table } from '../http/table-reply.js';

type Report = ComplianceReportView;

const SUMMARY = [
  column<Report>('rule', '规则', (r) => r.rule.name),
  column<Report>('period', '统计周期', (r) => r.period),
  column<Report>('level', '范围级别', (r) => r.scope.level),
  column<Report>('scopeId', '范围ID', (r) => r.scope.id),
  column<Report>('students', '学生数', (r) => r.counts.students),
  column<Report>('met', '已达标', (r) => r.counts.met),
  column<Report>('onTrack', '进度正常', (r) => r.counts.onTrack),
  column<Report>('short', '未达标', (r) => r.counts.short),
  column<Report>('over', '超出上限', (r) => r.counts.over),
];

const STUDENTS = [
  column<StudentStandingView>('studentNumber', '学号', (s) => s.studentNumber),
  column<StudentStandingView>('name', '姓名', (s) => s.name),
  column<StudentStandingView>('className', '班级', (s) => s.className),
  column<StudentStandingView>('grade', '年级', (s) => s.grade),
  column<StudentStandingView>('counted', '已计次数', (s) => s.counted),
  column<StudentStandingView>('booked', '已预约', (s) => s.booked),
  column<StudentStandingView>('standing', '达标情况', (s) => s.standing),
  column<StudentStandingView>('missing', '尚缺', (s) => s.missing),
  column<StudentStandingView>('studentId', '学生ID', (s) => s.studentId),
  column<StudentStandingView>('schoolId', '学校ID', (s) => s.schoolId),
  column<StudentStandingView>('classId', '班级ID', (s) => s.classId),
];

/**
 * The compliance report as a table: a summary row (the counts), then one row per listed
 * student of this page: who (student number, name, class; never a national ID), the
 * standing, then the ids. Names are text a school typed: the table reply neutralises formulas.
 */
export function complianceReportTable(report: Report): Table {
  return {
    filename: 'quota-compliance',
    sheetName: '定额达标情况',
    sections: [tableSection(SUMMARY, [report]), tableSection(STUDENTS, report.students)],
  };
}
