import {
  nationalIdCheckCharacter,
  schoolYearOf,
  SCHOOL_STAGES,
  type ComplianceReportView,
  type Page,
  type QuotaRuleView,
  type StudentStandingsView,
} from '@app/contracts';
import { uniqueSuffix, waitFor } from '@app/testing';
import { loginAsDemoAdmin, startSuite, type Suite } from '../harness.js';

const PASSWORD = 'Quota-Rule-2026';
/** A province code of this run, so its schools never meet an earlier run's. */
const P = String(80 + Math.floor(Math.random() * 19));
const C = String(10 + Math.floor(Math.random() * 90));

/** Issue 18 item 6: the default film rule left special-education schools out. */
describe('the default film rule covers every school stage (issue 18)', () => {
  let suite: Suite;
  const run = uniqueSuffix();
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const period = `${schoolYearOf(new Date())}-T1`;
  let schoolId = '';
  let studentId = '';

  beforeAll(async () => {
    suite = await startSuite({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    const http = () => suite.http();
    tokens.platform = await loginAsDemoAdmin(suite);
    const province = await http()
      .post('/organisations')
      .set(as('platform'))
      .send({
        kind: 'bureau',
        level: 'province',
        name: `省教育厅 ${run}`,
        regionCode: `${P}0000`,
        parentId: null,
      });
    expect(province.status).toBe(201);
    const school = await http()
      .post('/organisations')
      .set(as('platform'))
      .send({
        kind: 'school',
        stage: 'special_education',
        name: `特殊教育学校 ${run}`,
        regionCode: `${P}${C}01`,
        parentId: province.body.id,
      });
    expect(school.status).toBe(201);
    schoolId = school.body.id as string;
    const email = `special.${run}@quotas.example`;
    const account = await http().post('/accounts').set(as('platform')).send({
      email,
      password: PASSWORD,
      displayName: 'special',
      role: 'school_staff',
      organisationId: schoolId,
    });
    expect(account.status).toBe(201);
    const login = await http().post('/auth/login').send({ email, password: PASSWORD });
    expect(login.status).toBe(200);
    tokens.staff = login.body.accessToken as string;
    const klass = await http()
      .post('/roster/classes')
      .set(as('staff'))
      .send({ schoolId, schoolYear: schoolYearOf(new Date()), grade: 3, name: '三年级1班' });
    expect(klass.status).toBe(201);
    const first17 = `${P}${C}0120170514${String(Math.floor(Math.random() * 900)).padStart(3, '0')}`;
    const student = await http()
      .post('/roster/students')
      .set(as('staff'))
      .send({
        classId: klass.body.id,
        studentNumber: `S${run.replace(/[^A-Za-z0-9]/g, '').slice(-12)}`.toUpperCase(),
        name: '学生特教',
        gender: 'female',
        dateOfBirth: '2017-05-14',
        nationalId: first17 + nationalIdCheckCharacter(first17),
      });
    expect(student.status).toBe(201);
    studentId = student.body.id as string;
  }, 120_000);

  afterAll(async () => {
    await suite?.close();
  });

  it('lists the default rule with its stages, special education included', async () => {
    const res = await suite.http().get('/quotas/rules?pageSize=100').set(as('staff'));
    expect(res.status).toBe(200);
    const rule = (res.body as Page<QuotaRuleView>).items.find((r) => r.isDefault);
    expect(rule).toMatchObject({ kind: 'film', period: 'term', minimum: 2 });
    expect([...(rule?.stages ?? [])].sort()).toEqual([...SCHOOL_STAGES].sort());
  });

  it("counts a special-education school's student under the default rule: short of 2 films", async () => {
    // The roster and the school's stage reach the quotas read model by events.
    const report = await waitFor(
      async () => {
        const res = await suite
          .http()
          .get(`/quotas/reports/compliance?period=${period}&list=all`)
          .set(as('staff'));
        const body = res.body as ComplianceReportView;
        return res.status === 200 && body.counts.students === 1 ? body : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 300, what: 'the student in the default rule report' },
    );
    expect(report.rule.isDefault).toBe(true);
    expect(report.counts).toMatchObject({ students: 1, short: 1 });
    expect(report.students[0]).toMatchObject({ studentId, standing: 'short', missing: 2 });

    const standing = await suite
      .http()
      .get(`/quotas/students/${studentId}/standing?period=${period}`)
      .set(as('staff'));
    expect(standing.status).toBe(200);
    const standings = (standing.body as StudentStandingsView).standings;
    expect(standings.find((s) => s.ruleId === report.rule.id)).toMatchObject({
      counted: 0,
      standing: 'short',
    });
  });
});
