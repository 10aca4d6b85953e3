import { tableCsv } from '../http/table-reply.js';
import { studyTourReportTable } from './report-table.js';

describe('study-tour report CSV', () => {
  it('writes a BOM, a header, then bases and schools, quoting names with commas', () => {
    const row = {
      organisationId: 'b1',
      name: '博物馆, 总馆',
      bookings: 3,
      confirmed: 1,
      completed: 1,
      cancelled: 1,
      declined: 0,
      expired: 2,
      studentsBooked: 90,
      participants: 40,
      ratingCount: 1,
      averageRating: 4.5,
    };
    const csv = tableCsv(
      studyTourReportTable({
        from: '2026-09-01',
        to: '2026-12-31',
        bureauId: null,
        generatedAt: '2026-12-01T00:00:00.000Z',
        bases: [row],
        schools: [{ ...row, organisationId: 's1', name: '一小', averageRating: null }],
      }),
    );
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFkind,organisationId,name,bookings,confirmed,completed,cancelled,declined,expired,studentsBooked,participants,ratingCount,averageRating',
      'base,b1,"博物馆, 总馆",3,1,1,1,0,2,90,40,1,4.5',
      'school,s1,一小,3,1,1,1,0,2,90,40,1,',
      '',
    ]);
  });
});
