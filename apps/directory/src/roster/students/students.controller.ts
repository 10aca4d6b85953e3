import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  EnrolStudentCommand,
  GetStudentQuery,
  ListStudentsQuery,
  MoveStudentCommand,
  ReadStudentSensitiveQuery,
  StudentHistoryQuery,
  Topics,
  TransferStudentCommand,
  WithdrawStudentCommand,
  type Page,
  type StudentHistoryEntryView,
  type StudentSensitiveView,
  type StudentView,
} from '@app/contracts';
import { StudentsService } from './students.service.js';

@Controller()
export class StudentsController {
  constructor(private readonly students: StudentsService) {}

  @MessagePattern(Topics.roster.enrolStudent)
  enrol(@Payload() command: EnrolStudentCommand): Promise<StudentView> {
    return this.students.enrol(command);
  }

  @MessagePattern(Topics.roster.getStudent)
  get(@Payload() query: GetStudentQuery): Promise<StudentView> {
    return this.students.get(query.actor, query.studentId);
  }

  @MessagePattern(Topics.roster.listStudents)
  list(@Payload() query: ListStudentsQuery): Promise<Page<StudentView>> {
    return this.students.list(query);
  }

  @MessagePattern(Topics.roster.moveStudent)
  move(@Payload() command: MoveStudentCommand): Promise<StudentView> {
    return this.students.move(command);
  }

  @MessagePattern(Topics.roster.transferStudent)
  transfer(@Payload() command: TransferStudentCommand): Promise<StudentView> {
    return this.students.transfer(command);
  }

  @MessagePattern(Topics.roster.withdrawStudent)
  withdraw(@Payload() command: WithdrawStudentCommand): Promise<StudentView> {
    return this.students.withdraw(command);
  }

  @MessagePattern(Topics.roster.studentHistory)
  history(@Payload() query: StudentHistoryQuery): Promise<Page<StudentHistoryEntryView>> {
    return this.students.history(query);
  }

  @MessagePattern(Topics.roster.readStudentSensitive)
  readSensitive(@Payload() query: ReadStudentSensitiveQuery): Promise<StudentSensitiveView> {
    return this.students.readSensitive(query.actor, query.studentId);
  }
}
