import { createConnection, type Connection } from 'mysql2/promise';
import {
  nationalIdCheckCharacter,
  schoolYearOf,
  Topics,
  type RosterImportJobView,
} from '@app/contracts';
import { databaseName } from '@app/database';
import { createKafka } from '@app/messaging';
import { TopicRecorder, uniqueSuffix, waitFor } from '@app/testing';
import { testEnv } from '../../scripts/test-infra.js';
import { DEMO, loginAsDemoAdmin, startSuite, type Suite } from '../harness.js';

const PASSWORD = 'Roster-Test-2026';
const SCHOOL_YEAR = schoolYearOf(new Date());

/**
 * Valid national IDs that no earlier run used: national IDs are unique across the whole
 * (shared, kept) test database, so each run takes a random region and a random start day.
 */
const region = `37${String(1000 + Math.floor(Math.random() * 9000))}`;
const firstDay = Date.UTC(2000, 0, 1) + Math.floor(Math.random() * 3000) * 86_400_000;
let idCounter = 0;
function nationalId(): string {
  const n = idCounter++;
  const day = new Date(firstDay + Math.floor(n / 1000) * 86_400_000).toISOString().slice(0, 10);
  const first17 = `${region}${day.replace(/-/g, '')}${String(n % 1000).padStart(3, '0')}`;
  return first17 + nationalIdCheckCharacter(first17);
}

/** GBK bytes for a text: Node decodes GBK but has no encoder, so invert the decoder once. */
let gbkTable: Map<string, number[]> | null = null;
function encodeGbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(Uint8Array.from([lead, trail]));
        if (char.length === 1 && char !== '\ufffd' && !gbkTable.has(char))
          gbkTable.set(char, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else {
      const pair = gbkTable.get(char);
      if (!pair) throw new Error(`No GBK code for ${char}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

interface Org {
  id: string;
}

describe('the roster: classes, students, sensitive fields and imports (gateway → Kafka → directory → MySQL)', () => {
  let suite: Suite;
  let recorder: TopicRecorder;
  let db: Connection;
  const run = uniqueSuffix();
  const tokens: Record<string, string> = {};
  const orgs: Record<string, Org> = {};
  const classes: Record<string, { id: string; grade: number; name: string }> = {};
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

  async function createOrganisation(key: string, body: Record<string, unknown>): Promise<void> {
    const res = await suite.http().post('/organisations').set(as('platform')).send(body);
    expect(res.status).toBe(201);
    orgs[key] = res.body;
  }

  async function createAccount(key: string, role: string, organisation: string): Promise<void> {
    const email = `${key}.${run}@roster.example`;
    await suite
      .http()
      .post('/accounts')
      .set(as('platform'))
      .send({
        email,
        password: PASSWORD,
        displayName: key,
        role,
        organisationId: orgs[organisation].id,
      })
      .expect(201);
    const login = await suite.http().post('/auth/login').send({ email, password: PASSWORD });
    expect(login.status).toBe(200);
    tokens[key] = login.body.accessToken;
  }

  async function createClass(school: string, who: string, grade: number, name: string) {
    const res = await suite
      .http()
      .post('/roster/classes')
      .set(as(who))
      .send({ schoolId: orgs[school].id, schoolYear: SCHOOL_YEAR, grade, name });
    expect(res.status).toBe(201);
    return res.body as { id: string; grade: number; name: string };
  }

  async function enrol(who: string, body: Record<string, unknown>) {
    return suite.http().post('/roster/students').set(as(who)).send(body);
  }

  async function importFile(
    who: string,
    school: string,
    file: Buffer,
  ): Promise<RosterImportJobView> {
    const started = await suite
      .http()
      .post(`/roster/imports?schoolId=${orgs[school].id}`)
      .set(as(who))
      .set('content-type', 'text/csv')
      .send(file);
    expect(started.status).toBe(202);
    expect(['queued', 'running', 'done']).toContain(started.body.status);
    const jobId = started.body.id as string;
    return waitFor(
      async () => {
        const res = await suite.http().get(`/roster/imports/${jobId}`).set(as(who)).expect(200);
        const job = res.body as RosterImportJobView;
        return job.status === 'done' || job.status === 'failed' ? job : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 200, what: `import ${jobId} to end` },
    );
  }

  beforeAll(async () => {
    suite = await startSuite({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    db = await createConnection({
      uri: `${testEnv.mysqlUrl.replace(/\/$/, '')}/${databaseName(testEnv.dbPrefix, 'directory')}`,
    });
    recorder = await new TopicRecorder(createKafka(testEnv.kafka, `it-roster-${run}`), [
      Topics.events.studentEnrolled,
      Topics.events.studentMoved,
      Topics.events.studentTransferred,
      Topics.events.studentWithdrawn,
    ]).start();
    tokens.platform = await loginAsDemoAdmin(suite);
    expect(DEMO.email).toBeDefined();

    await createOrganisation('province', {
      kind: 'bureau',
      level: 'province',
      name: `省教育厅 ${run}`,
      regionCode: '370000',
      parentId: null,
    });
    await createOrganisation('city', {
      kind: 'bureau',
      level: 'city',
      name: `市教育局 ${run}`,
      regionCode: '370100',
      parentId: orgs.province.id,
    });
    for (const [key, code] of [
      ['countyA', '370102'],
      ['countyB', '370112'],
    ] as const) {
      await createOrganisation(key, {
        kind: 'bureau',
        level: 'county',
        name: `${key} ${run}`,
        regionCode: code,
        parentId: orgs.city.id,
      });
    }
    for (const [key, county] of [
      ['schoolA', 'countyA'],
      ['schoolA2', 'countyA'],
      ['importSchool', 'countyA'],
      ['schoolB', 'countyB'],
    ] as const) {
      await createOrganisation(key, {
        kind: 'school',
        stage: 'primary',
        name: `${key} ${run}`,
        regionCode: county === 'countyA' ? '370102' : '370112',
        parentId: orgs[county].id,
      });
    }
    await createAccount('staffA', 'school_staff', 'schoolA');
    await createAccount('staffA2', 'school_staff', 'schoolA2');
    await createAccount('importer', 'school_staff', 'importSchool');
    await createAccount('staffB', 'school_staff', 'schoolB');
    await createAccount('countyAdminA', 'bureau_admin', 'countyA');

    classes.a3_1 = await createClass('schoolA', 'staffA', 3, '三年级1班');
    classes.a3_2 = await createClass('schoolA', 'staffA', 3, '三年级2班');
    classes.b4_1 = await createClass('schoolB', 'staffB', 4, '四年级1班');
    for (let grade = 1; grade <= 6; grade++) {
      for (const n of [1, 2]) {
        classes[`import${grade}_${n}`] = await createClass(
          'importSchool',
          'importer',
          grade,
          `${'一二三四五六'[grade - 1]}年级${n}班`,
        );
      }
    }
  });

  afterAll(async () => {
    await recorder?.stop();
    await db?.end();
    await suite?.close();
  });

  describe('classes', () => {
    it('keeps class names unique per school and year (409), and lets only the school’s staff create them', async () => {
      const taken = await suite
        .http()
        .post('/roster/classes')
        .set(as('staffA'))
        .send({ schoolId: orgs.schoolA.id, schoolYear: SCHOOL_YEAR, grade: 3, name: '三年级1班' })
        .expect(409);
      expect(taken.body.code).toBe('CLASS_NAME_TAKEN');
      const admin = await suite
        .http()
        .post('/roster/classes')
        .set(as('countyAdminA'))
        .send({ schoolId: orgs.schoolA.id, schoolYear: SCHOOL_YEAR, grade: 3, name: '三年级9班' })
        .expect(403);
      expect(admin.body.code).toBe('FORBIDDEN');
      const invalid = await suite
        .http()
        .post('/roster/classes')
        .set(as('staffA'))
        .send({ schoolId: orgs.schoolA.id, schoolYear: '2026-2028', grade: 13, name: '' })
        .expect(400);
      expect(invalid.body.code).toBe('VALIDATION_FAILED');
    });

    it('answers staff of school B about school A’s class with 404, as if it did not exist', async () => {
      await suite.http().get(`/roster/classes/${classes.a3_1.id}`).set(as('staffA')).expect(200);
      const res = await suite
        .http()
        .get(`/roster/classes/${classes.a3_1.id}`)
        .set(as('staffB'))
        .expect(404);
      expect(res.body.code).toBe('CLASS_NOT_FOUND');
      const create = await suite
        .http()
        .post('/roster/classes')
        .set(as('staffB'))
        .send({ schoolId: orgs.schoolA.id, schoolYear: SCHOOL_YEAR, grade: 3, name: '三年级7班' })
        .expect(404);
      expect(create.body.code).toBe('SCHOOL_NOT_FOUND');
      const list = await suite
        .http()
        .get(`/roster/classes?schoolId=${orgs.schoolA.id}`)
        .set(as('staffB'))
        .expect(404);
      expect(list.body.code).toBe('SCHOOL_NOT_FOUND');
    });

    it('lists a school’s classes with pagination, renames one and deletes an empty one', async () => {
      const page = await suite
        .http()
        .get(`/roster/classes?schoolId=${orgs.importSchool.id}&grade=3&pageSize=1&page=2`)
        .set(as('importer'))
        .expect(200);
      expect(page.body).toMatchObject({ page: 2, pageSize: 1, total: 2 });
      expect(page.body.items[0].name).toBe('三年级2班');
      const spare = await createClass('schoolA', 'staffA', 5, '五年级1班');
      const renamed = await suite
        .http()
        .patch(`/roster/classes/${spare.id}`)
        .set(as('staffA'))
        .send({ name: '五年级(1)班' })
        .expect(200);
      expect(renamed.body.name).toBe('五年级(1)班');
      await suite.http().delete(`/roster/classes/${spare.id}`).set(as('staffA')).expect(204);
      await suite.http().get(`/roster/classes/${spare.id}`).set(as('staffA')).expect(404);
    });
  });

  describe('students', () => {
    const idOfXiaoming = nationalId();
    let xiaoming: { id: string };

    beforeAll(async () => {
      const res = await enrol('staffA', {
        classId: classes.a3_1.id,
        studentNumber: `A${run}`,
        name: '王小明',
        gender: 'male',
        dateOfBirth: '2017-05-14',
        nationalId: idOfXiaoming,
      });
      expect(res.status).toBe(201);
      xiaoming = res.body;
    });

    it('enrols a student and never shows the national ID unmasked in enrol, get or list responses', async () => {
      const idOfXiaohong = nationalId();
      const created = await enrol('staffA', {
        classId: classes.a3_1.id,
        studentNumber: `B${run}`,
        name: '李小红',
        gender: 'female',
        dateOfBirth: '2017-09-02',
        nationalId: idOfXiaohong,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        schoolId: orgs.schoolA.id,
        classId: classes.a3_1.id,
        className: '三年级1班',
        schoolYear: SCHOOL_YEAR,
        grade: 3,
        status: 'active',
      });
      expect(created.body.nationalIdMasked).toMatch(/^\*{14}[0-9X]{4}$/);
      expect(created.body).not.toHaveProperty('nationalId');

      const get = await suite
        .http()
        .get(`/roster/students/${xiaoming.id}`)
        .set(as('staffA'))
        .expect(200);
      const list = await suite
        .http()
        .get(`/roster/students?classId=${classes.a3_1.id}&pageSize=100`)
        .set(as('staffA'))
        .expect(200);
      for (const text of [created.text, get.text, list.text]) {
        for (const id of [idOfXiaoming, idOfXiaohong]) {
          expect(text).not.toContain(id);
          expect(text).not.toContain(id.slice(0, 14));
        }
      }
      expect(get.body.nationalIdMasked).toBe(`${'*'.repeat(14)}${idOfXiaoming.slice(-4)}`);
      expect(list.body.total).toBe(2);
      const notEmpty = await suite
        .http()
        .delete(`/roster/classes/${classes.a3_1.id}`)
        .set(as('staffA'))
        .expect(409);
      expect(notEmpty.body.code).toBe('CLASS_NOT_EMPTY');
    });

    it('refuses a second student with the same national ID (409) and a bad check digit (400)', async () => {
      const again = await enrol('staffA', {
        classId: classes.a3_2.id,
        studentNumber: `C${run}`,
        name: '王小明',
        gender: 'male',
        dateOfBirth: '2017-05-14',
        nationalId: idOfXiaoming,
      });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('NATIONAL_ID_ALREADY_RECORDED');
      const wrongCheck = idOfXiaoming.slice(0, 17) + (idOfXiaoming[17] === '0' ? '1' : '0');
      const bad = await enrol('staffA', {
        classId: classes.a3_2.id,
        studentNumber: `D${run}`,
        name: '赵六',
        gender: 'male',
        dateOfBirth: '2017-05-14',
        nationalId: wrongCheck,
      });
      expect(bad.status).toBe(400);
      expect(bad.body.details.fields[0].field).toBe('nationalId');
      const sameNumber = await enrol('staffA', {
        classId: classes.a3_2.id,
        studentNumber: `a${run}`,
        name: '重复',
        gender: 'male',
        dateOfBirth: '2017-05-14',
      });
      expect(sameNumber.status).toBe(409);
      expect(sameNumber.body.code).toBe('STUDENT_NUMBER_TAKEN');
    });

    it('publishes the enrolment on its topic, keyed by student id, without the national ID', async () => {
      const [message] = await recorder.waitForCount((m) => m.key === xiaoming.id, 1);
      expect(message.topic).toBe(Topics.events.studentEnrolled);
      const envelope = JSON.parse(message.value!);
      expect(envelope).toMatchObject({
        type: Topics.events.studentEnrolled,
        producer: 'directory',
        payload: {
          studentId: xiaoming.id,
          schoolId: orgs.schoolA.id,
          classId: classes.a3_1.id,
          grade: 3,
          schoolYear: SCHOOL_YEAR,
        },
      });
      expect(message.value).not.toContain(idOfXiaoming);
    });

    it('shows the full national ID to the school’s staff only, and writes an audit row for each read', async () => {
      const read = await suite
        .http()
        .get(`/roster/students/${xiaoming.id}/sensitive`)
        .set(as('staffA'))
        .set('x-request-id', `roster-audit-${run}`)
        .expect(200);
      expect(read.body).toEqual({
        studentId: xiaoming.id,
        schoolId: orgs.schoolA.id,
        nationalId: idOfXiaoming,
        nationalIdMasked: `${'*'.repeat(14)}${idOfXiaoming.slice(-4)}`,
      });
      const [rows] = await db.query(
        'SELECT actor_account_id, actor_role, actor_organisation_id, action, subject_type, subject_organisation_id, fields, request_id FROM audit_log WHERE subject_id = ?',
        [xiaoming.id],
      );
      expect(rows).toEqual([
        {
          actor_account_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          actor_role: 'school_staff',
          actor_organisation_id: orgs.schoolA.id,
          action: 'student.sensitive.read',
          subject_type: 'student',
          subject_organisation_id: orgs.schoolA.id,
          fields: '["nationalId"]',
          request_id: `roster-audit-${run}`,
        },
      ]);
      // The ID is stored encrypted: neither the number nor its digits in clear.
      const [stored] = await db.query(
        'SELECT HEX(national_id_ciphertext) AS c, national_id_last4 AS last4 FROM students WHERE id = ?',
        [xiaoming.id],
      );
      const [{ c, last4 }] = stored as { c: string; last4: string }[];
      expect(Buffer.from(c, 'hex').toString('latin1')).not.toContain(idOfXiaoming.slice(0, 6));
      expect(last4).toBe(idOfXiaoming.slice(-4));

      const admin = await suite
        .http()
        .get(`/roster/students/${xiaoming.id}/sensitive`)
        .set(as('countyAdminA'))
        .expect(403);
      expect(admin.body.code).toBe('FORBIDDEN');
      const other = await suite
        .http()
        .get(`/roster/students/${xiaoming.id}/sensitive`)
        .set(as('staffB'))
        .expect(404);
      expect(other.body.code).toBe('STUDENT_NOT_FOUND');
      const [after] = await db.query('SELECT COUNT(*) AS n FROM audit_log WHERE subject_id = ?', [
        xiaoming.id,
      ]);
      expect((after as { n: number }[])[0].n).toBe(1);
    });

    it('answers staff of school B about school A’s student with 404, on every route', async () => {
      for (const path of ['', '/history']) {
        const res = await suite
          .http()
          .get(`/roster/students/${xiaoming.id}${path}`)
          .set(as('staffB'))
          .expect(404);
        expect(res.body.code).toBe('STUDENT_NOT_FOUND');
      }
      const move = await suite
        .http()
        .post(`/roster/students/${xiaoming.id}/move`)
        .set(as('staffB'))
        .send({ toClassId: classes.b4_1.id })
        .expect(404);
      expect(move.body.code).toBe('STUDENT_NOT_FOUND');
      const list = await suite
        .http()
        .get(`/roster/students?schoolId=${orgs.schoolA.id}`)
        .set(as('staffB'))
        .expect(404);
      expect(list.body.code).toBe('SCHOOL_NOT_FOUND');
    });

    it('shows a county bureau admin the students of its schools and not the next county’s', async () => {
      const inB = await enrol('staffB', {
        classId: classes.b4_1.id,
        studentNumber: `B${run}`,
        name: '孙七',
        gender: 'female',
        dateOfBirth: '2016-03-03',
      });
      expect(inB.status).toBe(201);
      const list = await suite
        .http()
        .get('/roster/students?pageSize=100')
        .set(as('countyAdminA'))
        .expect(200);
      const schools = new Set((list.body.items as { schoolId: string }[]).map((s) => s.schoolId));
      expect(schools.has(orgs.schoolA.id)).toBe(true);
      expect(schools.has(orgs.schoolB.id)).toBe(false);
      await suite.http().get(`/roster/students/${xiaoming.id}`).set(as('countyAdminA')).expect(200);
      const other = await suite
        .http()
        .get(`/roster/students/${inB.body.id}`)
        .set(as('countyAdminA'))
        .expect(404);
      expect(other.body.code).toBe('STUDENT_NOT_FOUND');
      await suite
        .http()
        .get(`/roster/students?schoolId=${orgs.schoolB.id}`)
        .set(as('countyAdminA'))
        .expect(404);
      const enrolByAdmin = await enrol('countyAdminA', {
        classId: classes.a3_1.id,
        studentNumber: `E${run}`,
        name: '管理员',
        gender: 'male',
        dateOfBirth: '2017-01-01',
      });
      expect(enrolByAdmin.status).toBe(403);
    });

    it('moves, transfers within the county and withdraws, keeping every change in the history', async () => {
      const student = await enrol('staffA', {
        classId: classes.a3_1.id,
        studentNumber: `M${run}`,
        name: '周八',
        gender: 'male',
        dateOfBirth: '2017-02-02',
      });
      expect(student.status).toBe(201);
      const id = student.body.id as string;
      const moved = await suite
        .http()
        .post(`/roster/students/${id}/move`)
        .set(as('staffA'))
        .send({ toClassId: classes.a3_2.id, reason: '分班调整' })
        .expect(200);
      expect(moved.body).toMatchObject({ classId: classes.a3_2.id, className: '三年级2班' });
      const same = await suite
        .http()
        .post(`/roster/students/${id}/move`)
        .set(as('staffA'))
        .send({ toClassId: classes.a3_2.id })
        .expect(400);
      expect(same.body.code).toBe('INVALID_ROSTER_CHANGE');
      const otherSchoolsClass = await suite
        .http()
        .post(`/roster/students/${id}/move`)
        .set(as('staffA'))
        .send({ toClassId: classes.b4_1.id })
        .expect(404);
      expect(otherSchoolsClass.body.code).toBe('CLASS_NOT_FOUND');

      const nextCounty = await suite
        .http()
        .post(`/roster/students/${id}/transfer`)
        .set(as('staffA'))
        .send({ toSchoolId: orgs.schoolB.id })
        .expect(404);
      expect(nextCounty.body.code).toBe('SCHOOL_NOT_FOUND');
      const transferred = await suite
        .http()
        .post(`/roster/students/${id}/transfer`)
        .set(as('staffA'))
        .send({ toSchoolId: orgs.schoolA2.id, reason: '搬家' })
        .expect(200);
      expect(transferred.body).toMatchObject({
        schoolId: orgs.schoolA2.id,
        classId: null,
        grade: 3,
        status: 'active',
      });
      await suite.http().get(`/roster/students/${id}`).set(as('staffA')).expect(404);
      await suite.http().get(`/roster/students/${id}`).set(as('staffA2')).expect(200);
      await recorder.waitForCount(
        (m) => m.key === id && m.topic === Topics.events.studentTransferred,
        1,
      );

      const withdrawn = await suite
        .http()
        .post(`/roster/students/${id}/withdraw`)
        .set(as('staffA2'))
        .send({ reason: '随家庭迁往省外' })
        .expect(200);
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn', classId: null });
      const again = await suite
        .http()
        .post(`/roster/students/${id}/withdraw`)
        .set(as('staffA2'))
        .send({ reason: 'twice' })
        .expect(409);
      expect(again.body.code).toBe('STUDENT_NOT_ACTIVE');

      const history = await suite
        .http()
        .get(`/roster/students/${id}/history`)
        .set(as('staffA2'))
        .expect(200);
      expect(history.body.total).toBe(4);
      expect(history.body.items).toMatchObject([
        { kind: 'enrolled', toSchoolId: orgs.schoolA.id, toClassId: classes.a3_1.id },
        {
          kind: 'moved',
          fromClassId: classes.a3_1.id,
          toClassId: classes.a3_2.id,
          reason: '分班调整',
        },
        {
          kind: 'transferred',
          fromSchoolId: orgs.schoolA.id,
          toSchoolId: orgs.schoolA2.id,
          toClassId: null,
          reason: '搬家',
        },
        { kind: 'withdrawn', fromSchoolId: orgs.schoolA2.id, reason: '随家庭迁往省外' },
      ]);
      for (const entry of history.body.items) {
        expect(entry.actorAccountId).toMatch(/^[0-9a-f-]{36}$/);
      }
      await recorder.waitForCount(
        (m) => m.key === id && m.topic === Topics.events.studentWithdrawn,
        1,
      );
    });
  });

  describe('imports', () => {
    const header = 'student_number,name,gender,date_of_birth,grade,class_name,national_id';
    const rows: string[] = [];
    const bad: Record<number, { code: string; reason: RegExp }> = {};
    for (let i = 0; i < 2000; i++) {
      const grade = (i % 6) + 1;
      const dateOfBirth = `${2019 - grade}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
      const cells = [
        `S${String(i).padStart(5, '0')}`,
        `学生${i}`,
        i % 2 ? '女' : 'male',
        dateOfBirth,
        String(grade),
        `${'一二三四五六'[grade - 1]}年级${(i % 2) + 1}班`,
        i % 3 === 0 ? '' : nationalId(),
      ];
      const line = i + 2;
      if (i === 100) {
        cells[1] = '';
        bad[line] = { code: 'MISSING_FIELD', reason: /name is missing/ };
      } else if (i === 1500) {
        cells[0] = 'S00010';
        cells[6] = '';
        bad[line] = { code: 'DUPLICATE_STUDENT_NUMBER', reason: /S00010 repeats line 12/ };
      } else if (i === 700) {
        cells[3] = '2016-02-30';
        bad[line] = { code: 'INVALID_DATE', reason: /date_of_birth "2016-02-30" is not a date/ };
      } else if (i === 1234) {
        cells[5] = '九年级9班';
        bad[line] = { code: 'UNKNOWN_CLASS', reason: /class "九年级9班" does not exist/ };
      } else if (i === 1999) {
        const valid = nationalId();
        cells[6] = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
        bad[line] = { code: 'INVALID_NATIONAL_ID', reason: /national_id is not a valid/ };
      }
      rows.push(cells.map((c) => (c.includes(',') ? `"${c}"` : c)).join(','));
    }
    const file = Buffer.from(`${header}\r\n${rows.join('\r\n')}\r\n`, 'utf8');

    const expectTheFiveBadLines = (job: RosterImportJobView) => {
      expect(job.rejected.total).toBe(5);
      expect(job.rejected.items.map((r) => r.line)).toEqual(
        Object.keys(bad)
          .map(Number)
          .sort((a, b) => a - b),
      );
      for (const rejection of job.rejected.items) {
        expect(rejection.code).toBe(bad[rejection.line].code);
        expect(rejection.reason).toMatch(bad[rejection.line].reason);
      }
    };

    it('imports a 2,000-row CSV with five bad rows: 1,995 students, and exactly those five lines reported', async () => {
      const job = await importFile('importer', 'importSchool', file);
      expect(job).toMatchObject({
        status: 'done',
        encoding: 'utf-8',
        fileBytes: file.length,
        progress: { processed: 2000, total: 2000 },
        counts: { created: 1995, moved: 0, updated: 0, unchanged: 0, rejected: 5 },
        error: null,
      });
      expectTheFiveBadLines(job);
      const students = await suite
        .http()
        .get(`/roster/students?schoolId=${orgs.importSchool.id}&pageSize=1`)
        .set(as('importer'))
        .expect(200);
      expect(students.body.total).toBe(1995);
      const firstPage = await suite
        .http()
        .get(`/roster/imports/${job.id}?pageSize=2&page=2`)
        .set(as('importer'))
        .expect(200);
      expect(firstPage.body.rejected).toMatchObject({ page: 2, pageSize: 2, total: 5 });
      expect(firstPage.body.rejected.items).toHaveLength(2);
      const s1 = await suite
        .http()
        .get(`/roster/students?schoolId=${orgs.importSchool.id}&studentNumber=S00001`)
        .set(as('importer'))
        .expect(200);
      expect(s1.body.items[0]).toMatchObject({
        name: '学生1',
        gender: 'female',
        grade: 2,
        className: '二年级2班',
      });
      expect(s1.body.items[0].nationalIdMasked).toMatch(/^\*{14}/);
      await recorder.waitForCount(
        (m) => m.key === s1.body.items[0].id && m.topic === Topics.events.studentEnrolled,
        1,
      );
    });

    it('adds nobody when the same file is imported again, and turns a changed class into a move', async () => {
      const again = await importFile('importer', 'importSchool', file);
      expect(again).toMatchObject({
        status: 'done',
        counts: { created: 0, moved: 0, updated: 0, unchanged: 1995, rejected: 5 },
      });
      expectTheFiveBadLines(again);
      const students = await suite
        .http()
        .get(`/roster/students?schoolId=${orgs.importSchool.id}&pageSize=1`)
        .set(as('importer'))
        .expect(200);
      expect(students.body.total).toBe(1995);

      const changed = Buffer.from(
        `${header}\nS00001,学生1,女,2017-02-02,2,二年级1班,\nS00002,学生二,male,2016-03-03,3,三年级1班,\n`,
      );
      const job = await importFile('importer', 'importSchool', changed);
      expect(job.counts).toEqual({ created: 0, moved: 1, updated: 1, unchanged: 0, rejected: 0 });
      const s1 = await suite
        .http()
        .get(`/roster/students?schoolId=${orgs.importSchool.id}&studentNumber=S00001`)
        .set(as('importer'))
        .expect(200);
      expect(s1.body.items[0]).toMatchObject({ className: '二年级1班' });
      expect(s1.body.items[0].nationalIdMasked).not.toBeNull();
      const history = await suite
        .http()
        .get(`/roster/students/${s1.body.items[0].id}/history`)
        .set(as('importer'))
        .expect(200);
      expect(history.body.items.map((h: { kind: string }) => h.kind)).toEqual([
        'enrolled',
        'moved',
      ]);
      expect(history.body.items[1].importJobId).toBe(job.id);
      await recorder.waitForCount(
        (m) => m.key === s1.body.items[0].id && m.topic === Topics.events.studentMoved,
        1,
      );
    });

    it('imports a GBK file with Chinese headers, and a UTF-8 file with a BOM', async () => {
      const gbk = encodeGbk(
        [
          '学号,姓名,性别,出生日期,年级,班级,身份证号',
          `G0001,张伟,男,2018/3/7,1,一年级1班,${nationalId()}`,
          'G0002,欧阳娜娜,女,2018-11-20,1,一年级2班,',
          'G0003,李雷,男,2018-01-01,2,一年级1班,',
        ].join('\r\n'),
      );
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
      const job = await importFile('importer', 'importSchool', gbk);
      expect(job).toMatchObject({
        status: 'done',
        encoding: 'gbk',
        counts: { created: 2, rejected: 1 },
      });
      expect(job.rejected.items).toEqual([
        {
          line: 4,
          studentNumber: 'G0003',
          code: 'GRADE_MISMATCH',
          reason: 'grade 2 does not match class 一年级1班 (grade 1)',
        },
      ]);
      const student = await suite
        .http()
        .get(`/roster/students?schoolId=${orgs.importSchool.id}&studentNumber=G0002`)
        .set(as('importer'))
        .expect(200);
      expect(student.body.items[0]).toMatchObject({ name: '欧阳娜娜', gender: 'female' });

      const bom = Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(`${header}\nU0001,"Smith, Anna",F,2018-05-05,1,一年级1班,\n`),
      ]);
      const bomJob = await importFile('importer', 'importSchool', bom);
      expect(bomJob).toMatchObject({ status: 'done', encoding: 'utf-8', counts: { created: 1 } });
    });

    it('takes a file bigger than a Kafka message (1 MB) in chunks, and refuses one over 20 MiB', async () => {
      const lines = [header];
      for (let i = 0; i < 20_000; i++) {
        const grade = (i % 6) + 1;
        lines.push(
          `L${String(i).padStart(6, '0')},大文件学生${i},male,2015-06-0${(i % 9) + 1},${grade},${'一二三四五六'[grade - 1]}年级1班,`,
        );
      }
      const big = Buffer.from(`${lines.join('\n')}\n`);
      expect(big.length).toBeGreaterThan(1024 * 1024);
      const job = await importFile('importer', 'importSchool', big);
      expect(job).toMatchObject({
        status: 'done',
        fileBytes: big.length,
        progress: { processed: 20_000, total: 20_000 },
        counts: { created: 20_000, rejected: 0 },
      });

      const tooBig = await suite
        .http()
        .post(`/roster/imports?schoolId=${orgs.importSchool.id}`)
        .set(as('importer'))
        .set('content-type', 'text/csv')
        .send(Buffer.alloc(20 * 1024 * 1024 + 1, 0x41))
        .expect(413);
      expect(tooBig.body.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('fails a file without the required columns as a whole, and refuses what is not CSV', async () => {
      const job = await importFile(
        'importer',
        'importSchool',
        Buffer.from('student_number,name\n1,x\n'),
      );
      expect(job.status).toBe('failed');
      expect(job.error).toMatch(/missing: gender, date_of_birth, class_name/);
      const json = await suite
        .http()
        .post(`/roster/imports?schoolId=${orgs.importSchool.id}`)
        .set(as('importer'))
        .send({ csv: 'x' })
        .expect(400);
      expect(json.body.code).toBe('MALFORMED_REQUEST');
      const otherSchool = await suite
        .http()
        .post(`/roster/imports?schoolId=${orgs.schoolA.id}`)
        .set(as('importer'))
        .set('content-type', 'text/csv')
        .send(file)
        .expect(404);
      expect(otherSchool.body.code).toBe('SCHOOL_NOT_FOUND');
      const notYours = await suite
        .http()
        .get(`/roster/imports/${job.id}`)
        .set(as('staffB'))
        .expect(404);
      expect(notYours.body.code).toBe('ROSTER_IMPORT_NOT_FOUND');
    });
  });
});
