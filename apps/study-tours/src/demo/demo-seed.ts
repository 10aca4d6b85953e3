import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { isDuplicateKeyError } from '@app/database';
import { addDays, Clock, shanghaiDateOf } from '@app/time';
import { BasesRepository, gradesMaskOf } from '../bases/bases.repository.js';
import { BookingsRepository } from '../bookings/bookings.repository.js';
import { StudyToursConfig } from '../config.js';
import { ReadModelRepository } from '../read-model/read-model.repository.js';

export const DEMO_BASE = '山东博物馆';
export const DEMO_BUREAU = '山东省教育厅';
export const DEMO_SCHOOL = '济南市历下区第一实验小学';
/** Fixed ids: two replicas seeding at once insert the same rows, and the second is refused. */
export const DEMO_IDS = {
  designation: '5d000000-0000-4000-8000-000000000001',
  programme: '5d000000-0000-4000-8000-000000000002',
  booking: '5d000000-0000-4000-8000-000000000003',
  /** Stands for "the demo seed" where an account id is recorded. */
  seeder: '00000000-0000-4000-8000-000000000000',
};
const DEMO_STUDENTS = 5;
const ALL_PASSED = { passed: true, note: '演示数据' };

/**
 * With SEED_DEMO=true: once the directory's events have told this service about the demo
 * museum and the province bureau, the museum becomes a provincial base with a programme
 * (grades 3–6, one day, free); once the demo school's five students are known, the school has
 * a submitted booking two weeks ahead that the museum's staff can confirm. Idempotent.
 */
@Injectable()
export class DemoSeed {
  private readonly logger = new Logger(DemoSeed.name);
  /** Seeded completely: no more attempts (and no more queries) in this process. */
  private done = false;
  private running = false;
  private again = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: StudyToursConfig,
    private readonly readModel: ReadModelRepository,
    private readonly bases: BasesRepository,
    private readonly bookings: BookingsRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Called after each directory event. Never awaited by the event handlers (a replay of many
   * directory events must not wait on it): one attempt runs at a time, events arriving
   * meanwhile ask for one more, and once everything is seeded it does nothing.
   */
  tryToSeed(): void {
    if (!this.config.SEED_DEMO || this.done) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.attempts();
  }

  private async attempts(): Promise<void> {
    do {
      this.again = false;
      try {
        this.done = await this.seed();
      } catch (error) {
        this.logger.warn({
          msg: 'demo seed failed; tried again on the next event',
          error: String(error),
        });
      }
    } while (this.again && !this.done);
    this.running = false;
  }

  /** True once the demo booking exists (everything before it exists then too). */
  private async seed(): Promise<boolean> {
    const museum = await this.readModel.findByKindAndName('venue', DEMO_BASE);
    const province = await this.readModel.findByKindAndName('bureau', DEMO_BUREAU);
    if (!museum || !province) return false;
    const today = shanghaiDateOf(this.clock.now());
    const now = this.clock.now();
    if (!(await this.bases.findDesignation(DEMO_IDS.designation))) {
      await this.ignoreDuplicate(() =>
        this.dataSource.transaction((manager) =>
          this.bases.insertDesignation(manager, {
            id: DEMO_IDS.designation,
            organisationId: museum.id,
            level: 'provincial',
            designatedByOrgId: province.id,
            designatedBy: DEMO_IDS.seeder,
            validFrom: addDays(today, -30),
            validUntil: addDays(today, 3 * 365),
            checklist: {
              safetyAssessment: ALL_PASSED,
              facilities: ALL_PASSED,
              emergencyPlan: ALL_PASSED,
              insuranceCover: ALL_PASSED,
              staffQualifications: ALL_PASSED,
            },
            documents: [
              {
                kind: 'safetyAssessment',
                name: '安全评估报告.pdf',
                contentType: 'application/pdf',
                sizeBytes: 482113,
              },
              {
                kind: 'emergencyPlan',
                name: '应急预案.pdf',
                contentType: 'application/pdf',
                sizeBytes: 201544,
              },
            ],
            now,
          }),
        ),
      );
      this.logger.log({ msg: 'demo base designated', organisationId: museum.id });
    }
    const programme = await this.bases.findProgramme(DEMO_IDS.programme);
    if (!programme) {
      await this.ignoreDuplicate(() =>
        this.dataSource.transaction((manager) =>
          this.bases.insertProgramme(manager, {
            id: DEMO_IDS.programme,
            baseOrganisationId: museum.id,
            title: '齐鲁文明探源',
            theme: '历史文化',
            description:
              '走进山东博物馆，从龙山黑陶到孔子文化，感受齐鲁文明。含讲解、手工拓印体验。',
            gradesMask: gradesMaskOf([3, 4, 5, 6]),
            duration: 'full_day',
            days: 1,
            groupMin: 5,
            groupMax: 60,
            dailyCapacity: 120,
            priceFen: 0,
            studentsPerTeacher: null,
            mealOptions: ['none', 'packed_lunch'],
            transportOptions: ['self_arranged', 'base_coach'],
            createdBy: DEMO_IDS.seeder,
            now,
          }),
        ),
      );
    }
    const school = await this.readModel.findByKindAndName('school', DEMO_SCHOOL);
    if (await this.bookings.find(DEMO_IDS.booking)) return true;
    if (!school) return false;
    const studentIds = await this.readModel.enrolledStudentIds(school.id);
    if (studentIds.length < DEMO_STUDENTS) return false;
    const students = await this.readModel.studentsOfSchool(school.id, studentIds);
    const date = addDays(today, 14);
    const teacher = { name: '王老师', phone: '0531-86000001' };
    await this.ignoreDuplicate(() =>
      this.dataSource.transaction(async (manager) => {
        await this.bookings.insertDraft(
          manager,
          DEMO_IDS.booking,
          school.id,
          DEMO_IDS.seeder,
          {
            programme_id: DEMO_IDS.programme,
            base_organisation_id: museum.id,
            local_date: date,
            end_date: date,
            students: JSON.stringify(
              students.map((s) => ({ id: s.id, classId: s.classId, grade: s.grade })),
            ),
            student_count: students.length,
            class_ids: JSON.stringify([...new Set(students.map((s) => s.classId).filter(Boolean))]),
            teachers: JSON.stringify([teacher]),
            person_in_charge: JSON.stringify(teacher),
            insurance: JSON.stringify({
              insurer: '中国人民财产保险',
              policyNumber: 'PICC-DEMO-2026-001',
              coveredStudentIds: students.map((s) => s.id),
              validFrom: today,
              validUntil: addDays(date, 30),
            }),
            safety_plan: JSON.stringify({
              name: '研学安全预案.pdf',
              contentType: 'application/pdf',
              sizeBytes: 120337,
            }),
            consents: JSON.stringify(
              students.map((s) => ({ studentId: s.id, guardianName: '家长', recordedOn: today })),
            ),
            meal_option: 'packed_lunch',
            transport_option: 'base_coach',
            note: '演示预约：博物馆工作人员可确认',
          },
          now,
        );
        const full = await this.bookings.takePlaces(
          manager,
          DEMO_IDS.programme,
          [date],
          120,
          students.length,
        );
        if (full) throw new Error('no room for the demo booking');
        const taken = await this.bookings.claimStudentDays(
          manager,
          DEMO_IDS.booking,
          students.map((s) => s.id),
          [date],
        );
        if (taken) throw new Error('the demo students are already booked that day');
        // No decision deadline (decide_by NULL): the demo booking waits for the museum.
        await this.bookings.setStatus(manager, DEMO_IDS.booking, 'submitted', now, {
          holds_places: 1,
        });
      }),
    );
    this.logger.log({ msg: 'demo study-tour booking submitted', bookingId: DEMO_IDS.booking });
    return true;
  }

  private async ignoreDuplicate(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
}
