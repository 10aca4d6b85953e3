import { tableCsv } from '../http/table-reply.js';
import { centreReportTable } from './report-table.js';

describe('centre report CSV', () => {
  it('writes a header and one row, empty cells for nulls', () => {
    const csv = tableCsv(
      centreReportTable({
        universityId: 'u',
        generatedAt: '2026-11-28T00:00:00.000Z',
        alertWindowDays: 14,
        graduatesInNeed: 2,
        assigned: 1,
        assignedShare: 0.5,
        contactedWithinWindow: 0,
        contactedShare: 0,
        employed: 0,
        employedShare: 0,
        medianDaysToEmployment: null,
      }),
    );
    const [header, row] = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(header.split(',')).toHaveLength(11);
    expect(row).toBe('u,2026-11-28T00:00:00.000Z,14,2,1,0.5,0,0,0,0,');
  });
});
