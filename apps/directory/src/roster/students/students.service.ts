import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  maskNationalId,
  Topics,
  type Actor,
  type EnrolStudentCommand,
  type ListStudentsQuery,
  type MoveStudentCommand,
  type Page,
  type StudentEnrolledPayload,
  type StudentHistoryEntryView,
  type StudentHistoryQuery,
  type StudentMovedPayload,
  type StudentSensitiveView,
  type StudentTransferredPayload,
  type StudentView,
  type StudentWithdrawnPayload,
  type TransferStudentCommand,
  type WithdrawStudentCommand,
} from '@app/contracts';
import { isDuplicateKeyError } from '@app/database';
import { AppError } from '@app/errors';
import { OutboxRelay, OutboxWriter } from '@app/messaging';
import { AuditLog } from '@app/sensitive-data';
import { shanghaiDateOf } from '@app/time';
import { AccessScope } from '../../organisations/access-scope.js';
import { ClassesRepository } from '../classes/classes.repository.js';
import type { SchoolClassEntity } from '../classes/school-class.entity.js';
import { NationalIdProtector } from '../crypto/national-id-protector.js';
import {
  classNotFound,
  invalidRosterChange,
  nationalIdAlreadyRecorded,
  schoolNotFound,
  studentNotActive,
  studentNotFound,
  studentNumberTaken,
} from '../roster.errors.js';
import { timeOrderedUuid } from '../time-ordered-id.js';
import {
  historyEntry,
  placementPayload,
  toHistoryView,
  toStudentView,
  type ChangeAuthor,
} from './student-records.js';
import type { StudentEntity } from './student.entity.js';
import { StudentsRepository } from './students.repository.js';

const authorOf = (actor: Actor): ChangeAuthor => ({
  accountId: actor.accountId,
  organisationId: actor.organisationId ?? null,
});

/** Enrolment, moves, transfers, withdrawals, history and the audited sensitive read. */
@Injectable()
export class StudentsService {
  private readonly logger = new Logger('Roster');

  constructor(
    private readonly students: StudentsRepository,
    private readonly classes: ClassesRepository,
    private readonly scope: AccessScope,
    private readonly protector: NationalIdProtector,
    private readonly audit: AuditLog,
    private readonly outbox: OutboxWriter,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
  ) {}

  async enrol(command: EnrolStudentCommand): Promise<StudentView> {
    const schoolClass = await this.classes.findById(command.classId);
    if (!schoolClass) throw classNotFound();
    await this.scope.rosterSchoolToChange(command.actor, schoolClass.schoolId, classNotFound);
    assertBornBeforeToday(command.dateOfBirth);
    const now = new Date();
    const id = timeOrderedUuid();
    const sealed = command.nationalId ? this.protector.protect(command.nationalId, id) : null;
    const student: StudentEntity = {
      id,
      schoolId: schoolClass.schoolId,
      studentNumber: command.studentNumber,
      name: command.name,
      gender: command.gender,
      dateOfBirth: command.dateOfBirth,
      grade: schoolClass.grade,
      classId: schoolClass.id,
      status: 'active',
      nationalIdCiphertext: sealed?.ciphertext ?? null,
      nationalIdHmac: sealed?.hmac ?? null,
      nationalIdLast4: sealed?.lastFour ?? null,
      enrolledAt: now,
      withdrawnAt: null,
      updatedAt: now,
      importJobId: null,
      importLine: null,
    };
    await this.students.transaction(async (manager) => {
      if (sealed && (await this.students.lockByNationalIdHashes(manager, [sealed.hmac])).length) {
        throw nationalIdAlreadyRecorded();
      }
      try {
        await this.students.insert(manager, student);
      } catch (error) {
        if (isDuplicateKeyError(error)) throw studentNumberTaken(student.studentNumber);
        throw error;
      }
      await this.students.appendHistory(manager, [
        historyEntry('enrolled', id, authorOf(command.actor), null, student, now),
      ]);
      await this.outbox.append<StudentEnrolledPayload>(manager, {
        topic: Topics.events.studentEnrolled,
        key: id,
        payload: placementPayload(student, schoolClass),
      });
    });
    this.relay.wake();
    return toStudentView(student, schoolClass);
  }

  async get(actor: Actor, studentId: string): Promise<StudentView> {
    const student = await this.readable(actor, studentId);
    return toStudentView(student, await this.classOf(student));
  }

  async list(query: ListStudentsQuery): Promise<Page<StudentView>> {
    const filter = await this.scope.rosterListFilter(query.actor, query.schoolId, schoolNotFound);
    if (query.classId) {
      const schoolClass = await this.classes.findById(query.classId);
      if (!schoolClass) throw classNotFound();
      await this.scope.rosterSchoolToRead(query.actor, schoolClass.schoolId, classNotFound);
    }
    const [rows, total] = await this.students.list(
      {
        ...filter,
        classId: query.classId,
        grade: query.grade,
        status: query.status ?? 'active',
        studentNumber: query.studentNumber,
      },
      query.page,
      query.pageSize,
    );
    const classIds = [...new Set(rows.map((s) => s.classId).filter((c): c is string => !!c))];
    const classes = new Map((await this.classes.findByIds(classIds)).map((c) => [c.id, c]));
    return {
      items: rows.map((s) => toStudentView(s, s.classId ? classes.get(s.classId) : null)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  async move(command: MoveStudentCommand): Promise<StudentView> {
    const { actor } = command;
    const now = new Date();
    const [moved, toClass] = await this.students.transaction(async (manager) => {
      const student = await this.students.lockById(manager, command.studentId);
      if (!student) throw studentNotFound();
      await this.scope.rosterSchoolToChange(actor, student.schoolId, studentNotFound);
      if (student.status !== 'active') throw studentNotActive();
      const target = await this.classes.findById(command.toClassId);
      if (!target || target.schoolId !== student.schoolId) throw classNotFound();
      if (target.id === student.classId) {
        throw invalidRosterChange('The student is already in this class');
      }
      const after: StudentEntity = {
        ...student,
        classId: target.id,
        grade: target.grade,
        updatedAt: now,
      };
      await this.students.update(manager, after);
      await this.students.appendHistory(manager, [
        historyEntry('moved', student.id, authorOf(actor), student, after, now, {
          reason: command.reason,
        }),
      ]);
      await this.outbox.append<StudentMovedPayload>(manager, {
        topic: Topics.events.studentMoved,
        key: student.id,
        payload: {
          ...placementPayload(after, target),
          fromClassId: student.classId,
          fromGrade: student.grade,
        },
      });
      return [after, target] as const;
    });
    this.relay.wake();
    return toStudentView(moved, toClass);
  }

  async transfer(command: TransferStudentCommand): Promise<StudentView> {
    const { actor } = command;
    const now = new Date();
    const [transferred, toClass] = await this.students.transaction(async (manager) => {
      const student = await this.students.lockById(manager, command.studentId);
      if (!student) throw studentNotFound();
      const from = await this.scope.rosterSchoolToRead(actor, student.schoolId, studentNotFound);
      if (student.status !== 'active') throw studentNotActive();
      if (command.toSchoolId === student.schoolId) {
        throw invalidRosterChange(
          'The student is already at this school; move them between classes instead',
        );
      }
      const to = await this.scope.rosterTransferDestination(
        actor,
        from,
        command.toSchoolId,
        schoolNotFound,
      );
      let target: SchoolClassEntity | null = null;
      if (command.toClassId) {
        target = await this.classes.findById(command.toClassId);
        if (!target || target.schoolId !== to.id) throw classNotFound();
        await this.scope.rosterSchoolToRead(actor, to.id, classNotFound);
      }
      const after: StudentEntity = {
        ...student,
        schoolId: to.id,
        classId: target?.id ?? null,
        grade: target?.grade ?? student.grade,
        studentNumber: command.studentNumber ?? student.studentNumber,
        importJobId: null,
        importLine: null,
        updatedAt: now,
      };
      try {
        await this.students.update(manager, after);
      } catch (error) {
        if (isDuplicateKeyError(error)) throw studentNumberTaken(after.studentNumber);
        throw error;
      }
      await this.students.appendHistory(manager, [
        historyEntry('transferred', student.id, authorOf(actor), student, after, now, {
          reason: command.reason,
        }),
      ]);
      await this.outbox.append<StudentTransferredPayload>(manager, {
        topic: Topics.events.studentTransferred,
        key: student.id,
        payload: {
          ...placementPayload(after, target),
          fromSchoolId: student.schoolId,
          fromClassId: student.classId,
        },
      });
      return [after, target] as const;
    });
    this.relay.wake();
    return toStudentView(transferred, toClass);
  }

  async withdraw(command: WithdrawStudentCommand): Promise<StudentView> {
    const { actor } = command;
    const now = new Date();
    const withdrawn = await this.students.transaction(async (manager) => {
      const student = await this.students.lockById(manager, command.studentId);
      if (!student) throw studentNotFound();
      await this.scope.rosterSchoolToChange(actor, student.schoolId, studentNotFound);
      if (student.status !== 'active') throw studentNotActive();
      const leftClass = await this.classOf(student);
      const after: StudentEntity = {
        ...student,
        status: 'withdrawn',
        classId: null,
        withdrawnAt: now,
        updatedAt: now,
      };
      await this.students.update(manager, after);
      await this.students.appendHistory(manager, [
        historyEntry('withdrawn', student.id, authorOf(actor), student, null, now, {
          reason: command.reason,
        }),
      ]);
      await this.outbox.append<StudentWithdrawnPayload>(manager, {
        topic: Topics.events.studentWithdrawn,
        key: student.id,
        payload: placementPayload(student, leftClass),
      });
      return after;
    });
    this.relay.wake();
    return toStudentView(withdrawn, null);
  }

  async history(query: StudentHistoryQuery): Promise<Page<StudentHistoryEntryView>> {
    const student = await this.readable(query.actor, query.studentId);
    const [rows, total] = await this.students.history(student.id, query.page, query.pageSize);
    return { items: rows.map(toHistoryView), page: query.page, pageSize: query.pageSize, total };
  }

  /**
   * The full national ID, for staff of the student's own school only (admins see the masked
   * value in every student record). The read is audited before the value leaves.
   */
  async readSensitive(actor: Actor, studentId: string): Promise<StudentSensitiveView> {
    const student = await this.readable(actor, studentId);
    if (!this.scope.readsSensitiveFieldsOf(actor, student.schoolId)) {
      throw new AppError(
        'FORBIDDEN',
        'forbidden',
        "Only staff of the student's own school read the full national ID; the masked value is in the student record",
      );
    }
    const fields = ['nationalId'];
    const auditId = await this.audit.record({
      actor,
      action: 'student.sensitive.read',
      subjectType: 'student',
      subjectId: student.id,
      subjectOrganisationId: student.schoolId,
      fields,
    });
    this.logger.log({
      msg: 'sensitive fields read',
      auditId,
      studentId: student.id,
      accountId: actor.accountId,
      fields,
    });
    const last4 = student.nationalIdLast4;
    return {
      studentId: student.id,
      schoolId: student.schoolId,
      nationalId: student.nationalIdCiphertext
        ? this.protector.reveal(student.nationalIdCiphertext, student.id)
        : null,
      nationalIdMasked: last4 ? maskNationalId(last4) : null,
    };
  }

  private async readable(actor: Actor, studentId: string): Promise<StudentEntity> {
    const student = await this.students.findById(studentId);
    if (!student) throw studentNotFound();
    await this.scope.rosterSchoolToRead(actor, student.schoolId, studentNotFound);
    return student;
  }

  private async classOf(student: StudentEntity): Promise<SchoolClassEntity | null> {
    return student.classId ? this.classes.findById(student.classId) : null;
  }
}

function assertBornBeforeToday(dateOfBirth: string): void {
  if (dateOfBirth < shanghaiDateOf(new Date())) return;
  throw new AppError('VALIDATION_FAILED', 'invalid', 'Invalid fields: dateOfBirth', {
    fields: [{ field: 'dateOfBirth', errors: ['dateOfBirth must lie in the past'] }],
  });
}
