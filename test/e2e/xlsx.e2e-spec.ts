import type { Response } from 'superagent';
import type {
  ComplianceReportView,
  RosterImportJobView,
  StudyTourReportView,
} from '@app/contracts';
import { waitFor } from '@app/testing';
import { rowValues, sheetsOf, workbookOf } from '../fixtures/xlsx.js';
import { DEMO, startSuite, type Suite } from '../harness.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TERM = '2026-2027-T1';
const FORMULA_NAME = '=HYPERLINK("http://evil.example","点我")';

/** Collects a binary body (an .xlsx) as a Buffer. */
const binary = (res: Response, done: (error: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('reports as .xlsx and roster imports from .xlsx (gateway → Kafka → services → MySQL)', () => {
  let suite: Suite;
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const http = () => suite.http();
  const run = Date.now().toString(36).toUpperCase();
  let schoolId = '';

  const download = async (path: string, who: string) => {
    const res = await http().get(path).set(as(who)).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[\w-]+\.xlsx"$/);
    const sheets = await sheetsOf(res.body as Buffer);
    expect(sheets).toHaveLength(1);
    return sheets[0];
  };

  const importXlsx = async (file: Buffer): Promise<RosterImportJobView> => {
    const started = await http()
      .post(`/roster/imports?schoolId=${schoolId}`)
      .set(as('teacher'))
      .set('content-type', XLSX)
      .send(file);
    expect(started.status).toBe(202);
    const jobId = started.body.id as string;
    return waitFor(
      async () => {
        const res = await http().get(`/roster/imports/${jobId}`).set(as('teacher')).expect(200);
        const job = res.body as RosterImportJobView;
        return job.status === 'done' || job.status === 'failed' ? job : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 200, what: `import ${jobId} to end` },
    );
  };

  beforeAll(async () => {
    suite = await startSuite({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    for (const [who, email] of [
      ['teacher', 'teacher@studentpass.local'],
      ['careers', 'careers@studentpass.local'],
      ['province', 'province.admin@studentpass.local'],
    ]) {
      const login = await http()
        .post('/auth/login')
        .send({ email, password: DEMO.password })
        .expect(200);
      tokens[who] = login.body.accessToken;
    }
    const me = await http().get('/me').set(as('teacher')).expect(200);
    schoolId = me.body.organisationId;
  }, 120_000);

  afterAll(async () => {
    await suite?.close();
  });

  it('imports the first sheet of an .xlsx roster, reporting a bad row by its sheet row', async () => {
    const file = await workbookOf(
      [
        ['学号', '姓名', '性别', '出生日期', '年级', '班级', '身份证号'],
        [`X${run}1`, '钱小雨', '女', new Date(Date.UTC(2017, 5, 1)), 3, '三年级1班', null],
        [`X${run}2`, FORMULA_NAME, '男', '2017-07-08', 3, '三年级1班', null],
        [],
        [`X${run}3`, '孙小雷', '未知', '2017-08-09', 3, '三年级1班', null],
      ],
      (workbook) => {
        workbook.worksheets[0].getColumn(4).numFmt = 'yyyy"年"m"月"d"日"';
      },
    );
    const job = await importXlsx(file);
    expect(job).toMatchObject({
      status: 'done',
      counts: { created: 2, rejected: 1 },
      error: null,
    });
    expect(job.rejected.items).toEqual([
      expect.objectContaining({ line: 5, code: 'INVALID_GENDER' }),
    ]);
    const created: { studentNumber: string; name: string }[] = [];
    for (let page = 1; ; page++) {
      const res = await http()
        .get(`/roster/students?schoolId=${schoolId}&pageSize=100&page=${page}`)
        .set(as('teacher'))
        .expect(200);
      const items = res.body.items as { studentNumber: string; name: string }[];
      created.push(...items.filter((s) => s.studentNumber.startsWith(`X${run}`)));
      if (items.length < 100) break;
    }
    created.sort((a, b) => a.studentNumber.localeCompare(b.studentNumber));
    expect(created.map((s) => [s.studentNumber, s.name])).toEqual([
      [`X${run}1`, '钱小雨'],
      [`X${run}2`, FORMULA_NAME],
    ]);
  });

  it('refuses a body that is not a workbook but says it is one', async () => {
    const res = await http()
      .post(`/roster/imports?schoolId=${schoolId}`)
      .set(as('teacher'))
      .set('content-type', XLSX)
      .send(Buffer.from('student_number,name,gender\r\n1,a,male\r\n'));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('ROSTER_IMPORT_INVALID_UPLOAD');
  });

  it('gives the compliance report as .xlsx: Chinese headers, the JSON numbers, a formula-looking name as text', async () => {
    const path = `/quotas/reports/compliance?period=${TERM}&list=all&pageSize=100`;
    const report = await waitFor(
      async () => {
        const res = await http().get(path).set(as('teacher')).expect(200);
        const body = res.body as ComplianceReportView;
        return body.students.some((s) => s.studentNumber === `X${run}2`) ? body : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 300, what: 'the imported students to reach quotas' },
    );
    const sheet = await download(`${path}&format=xlsx`, 'teacher');
    expect(rowValues(sheet, 1)).toEqual([
      '规则',
      '统计周期',
      '范围级别',
      '范围ID',
      '学生数',
      '已达标',
      '进度正常',
      '未达标',
      '超出上限',
    ]);
    const c = report.counts;
    expect(rowValues(sheet, 2)).toEqual([
      report.rule.name,
      report.period,
      report.scope.level,
      report.scope.id,
      c.students,
      c.met,
      c.onTrack,
      c.short,
      c.over,
    ]);
    expect(rowValues(sheet, 4)).toEqual([
      '学号',
      '姓名',
      '班级',
      '年级',
      '已计次数',
      '已预约',
      '达标情况',
      '尚缺',
      '学生ID',
      '学校ID',
      '班级ID',
    ]);
    const rows = report.students.map((_, index) => rowValues(sheet, 5 + index));
    expect(rows).toEqual(
      report.students.map((s) => [
        s.studentNumber,
        s.name === FORMULA_NAME ? `'${FORMULA_NAME}` : s.name,
        s.className,
        s.grade,
        s.counted,
        s.booked,
        s.standing,
        s.missing,
        s.studentId,
        s.schoolId,
        s.classId,
      ]),
    );
    const formulaRow = 5 + report.students.findIndex((s) => s.studentNumber === `X${run}2`);
    const cell = sheet.getRow(formulaRow).getCell(2);
    expect(cell.formula).toBeUndefined();
    expect(typeof cell.value).toBe('string');

    // The CSV keeps its English headers.
    const csv = await http().get(`${path}&format=csv`).set(as('teacher')).expect(200);
    expect(csv.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'rule,period,level,scopeId,students,met,onTrack,short,over',
    );
  });

  it('documents format=xlsx and the .xlsx content type of every report, and .xlsx roster uploads', async () => {
    const doc = (await http().get('/docs/json').expect(200)).body as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: { name: string; schema?: { enum?: string[] } }[];
            requestBody?: { content: Record<string, unknown> };
            responses: Record<string, { content?: Record<string, unknown> }>;
          }
        >
      >;
    };
    for (const path of [
      '/quotas/reports/compliance',
      '/study-tours/reports',
      '/employment-aid/reports/centre',
      '/employment-aid/reports/bureau',
    ]) {
      const get = doc.paths[path].get;
      expect({
        path,
        formats: get.parameters?.find((p) => p.name === 'format')?.schema?.enum,
      }).toEqual({
        path,
        formats: ['json', 'csv', 'xlsx'],
      });
      expect(Object.keys(get.responses['200'].content ?? {})).toContain(XLSX);
    }
    expect(Object.keys(doc.paths['/roster/imports'].post.requestBody?.content ?? {})).toContain(
      XLSX,
    );
  });

  it('gives the employment-aid centre report and the study-tours report as .xlsx with the JSON numbers', async () => {
    const centre = await http()
      .get('/employment-aid/reports/centre')
      .set(as('careers'))
      .expect(200);
    const centreSheet = await download('/employment-aid/reports/centre?format=xlsx', 'careers');
    expect(rowValues(centreSheet, 1).slice(0, 4)).toEqual([
      '高校ID',
      '生成时间',
      '联系时限（天）',
      '困难毕业生人数',
    ]);
    const numbers = (values: unknown[]) => values.filter((v) => typeof v === 'number');
    const c = centre.body;
    expect(numbers(rowValues(centreSheet, 2))).toEqual(
      [
        c.alertWindowDays,
        c.graduatesInNeed,
        c.assigned,
        c.assignedShare,
        c.contactedWithinWindow,
        c.contactedShare,
        c.employed,
        c.employedShare,
        c.medianDaysToEmployment,
      ].filter((v) => v !== null),
    );
    expect(c.graduatesInNeed).toBeGreaterThan(0);

    const tours = '/study-tours/reports?from=2026-09-01&to=2027-01-31';
    const json = (await http().get(tours).set(as('province')).expect(200))
      .body as StudyTourReportView;
    const toursSheet = await download(`${tours}&format=xlsx`, 'province');
    expect(rowValues(toursSheet, 1).slice(0, 4)).toEqual(['类别', '机构ID', '名称', '预约数']);
    expect(toursSheet.actualRowCount).toBe(1 + json.bases.length + json.schools.length);
  });
});
