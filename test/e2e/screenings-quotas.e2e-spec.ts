import type { AttendanceMarkView, ComplianceReportView, Page } from '@app/contracts';
import { waitFor } from '@app/testing';
import { DEMO, startSuite, type Suite } from '../harness.js';

/**
 * Across services, with nothing produced by the test: the screenings service's demo
 * screening (attendance recorded by roll call) reaches the quotas ledger through the outbox
 * and Kafka, and the demo school's compliance report counts exactly the students the
 * screening's attendance marks present.
 */
describe('screenings → quotas: attendance reaches the compliance report (gateway, Kafka, MySQL)', () => {
  let suite: Suite;
  let teacher: { authorization: string };

  beforeAll(async () => {
    suite = await startSuite();
    const login = await suite
      .http()
      .post('/auth/login')
      .send({ email: 'teacher@studentpass.local', password: DEMO.password })
      .expect(200);
    teacher = { authorization: `Bearer ${login.body.accessToken}` };
  });
  afterAll(async () => {
    await suite.close();
  });

  it("counts the demo screening's present students for the term, and no one else", async () => {
    const screening = await waitFor(
      async () => {
        const res = await suite
          .http()
          .get('/screenings?from=2026-11-20&to=2026-11-20')
          .set(teacher)
          .expect(200);
        return (res.body.items as { id: string; film: { title: string } }[]).find(
          (s) => s.film.title === '闪闪的红星',
        );
      },
      { what: 'the demo screening', timeoutMs: 30_000 },
    );
    const marks = await waitFor(
      async () => {
        const res = await suite
          .http()
          .get(`/screenings/${screening.id}/attendance?pageSize=100`)
          .set(teacher)
          .expect(200);
        const page = res.body as Page<AttendanceMarkView>;
        return page.total > 0 ? page.items : undefined;
      },
      { what: 'the demo attendance', timeoutMs: 30_000 },
    );
    const present = marks
      .filter((m) => m.present)
      .map((m) => m.studentId)
      .sort();
    const absent = marks.filter((m) => !m.present).map((m) => m.studentId);
    expect(present.length).toBeGreaterThan(0);

    // The default rule (two distinct films a term): one film seen, so everyone is short.
    const report = await waitFor(
      async () => {
        const res = await suite
          .http()
          .get('/quotas/reports/compliance?period=2026-2027-T1&list=all&pageSize=100')
          .set(teacher);
        if (res.status !== 200) return undefined;
        const body = res.body as ComplianceReportView;
        const counted = body.students
          .filter((s) => s.counted > 0)
          .map((s) => s.studentId)
          .sort();
        return counted.length >= present.length ? { body, counted } : undefined;
      },
      { what: 'the ledger to count the demo attendance', timeoutMs: 45_000 },
    );
    expect(report.counted).toEqual(present);
    const byId = new Map(report.body.students.map((s) => [s.studentId, s]));
    for (const id of present) {
      expect(byId.get(id)).toMatchObject({ counted: 1, standing: expect.any(String) });
      expect(byId.get(id)?.standing).not.toBe('met');
    }
    for (const id of absent) expect(byId.get(id)?.counted ?? 0).toBe(0);
  });
});
