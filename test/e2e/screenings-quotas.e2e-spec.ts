import type {
  AttendanceDigest,
  AttendanceMarkView,
  ComplianceReportView,
  Page,
} from '@app/contracts';
import { waitFor } from '@app/testing';
import { DEMO, startSuite, type Suite } from '../harness.js';

/**
 * Across services, with nothing produced by the test: the screenings service's demo
 * screening (attendance recorded by roll call) reaches the quotas ledger through the outbox
 * and Kafka, and the demo school's compliance report counts the students the screening's
 * attendance marks present, and only students that screenings holds a present mark for
 * (other test files may hold more screenings at the demo school, so not only these).
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

  it("counts the demo screening's present students for the term, and only students marked present", async () => {
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

    // The default rule (two distinct films a term): the ledger catches up with the marks.
    const report = await waitFor(
      async () => {
        const res = await suite
          .http()
          .get('/quotas/reports/compliance?period=2026-2027-T1&list=all&pageSize=100')
          .set(teacher);
        if (res.status !== 200) return undefined;
        const body = res.body as ComplianceReportView;
        const counted = new Map(body.students.map((s) => [s.studentId, s.counted]));
        return present.every((id) => (counted.get(id) ?? 0) >= 1) ? counted : undefined;
      },
      { what: 'the ledger to count the demo attendance', timeoutMs: 45_000 },
    );
    // Every student the ledger counts has a present mark in screenings, and a demo student
    // with no present mark anywhere counts nothing.
    const me = await suite.http().get('/me').set(teacher).expect(200);
    const digest = (
      await suite
        .http()
        .get(
          `/screenings/attendance-digest?schoolId=${me.body.organisationId}&from=2026-08-01&to=2027-07-31`,
        )
        .set(teacher)
        .expect(200)
    ).body as AttendanceDigest;
    const marked = new Map(digest.students.map((s) => [s.studentId, s.presentMarks]));
    for (const [studentId, counted] of report) {
      if (counted > 0) expect(marked.get(studentId) ?? 0).toBeGreaterThan(0);
    }
    for (const id of absent) {
      if (!marked.get(id)) expect(report.get(id) ?? 0).toBe(0);
    }
  });
});
