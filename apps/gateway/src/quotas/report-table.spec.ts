import type { ComplianceReportView } from '@app/contracts';
import { tableCsv } from '../http/table-reply.js';
import { complianceReportTable } from './report-table.js';

describe('compliance report table', () => {
  it('keeps the CSV layout: summary, a blank line, then the students', () => {
    const report = {
      rule: { name: '每学期至少观看2部优秀影片' },
      period: '2026-2027-T1',
      scope: { level: 'school', id: 's1' },
      counts: { students: 2, met: 1, onTrack: 0, short: 1, over: 0 },
      students: [
        {
          studentId: 'st1',
          name: '=1+2',
          studentNumber: 'A1',
          className: '三年级1班',
          schoolId: 's1',
          classId: 'c1',
          grade: 3,
          counted: 1,
          booked: 0,
          standing: 'short',
          missing: 1,
        },
      ],
    } as unknown as ComplianceReportView;
    expect(tableCsv(complianceReportTable(report)).split('\r\n')).toEqual([
      '\uFEFFrule,period,level,scopeId,students,met,onTrack,short,over',
      '每学期至少观看2部优秀影片,2026-2027-T1,school,s1,2,1,0,1,0',
      '',
      'studentNumber,name,className,grade,counted,booked,standing,missing,studentId,schoolId,classId',
      "A1,'=1+2,三年级1班,3,1,0,short,1,st1,s1,c1",
      '',
    ]);
  });
});
