import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AttendanceDigestCommand,
  ListAttendanceQuery,
  RollCallCommand,
  ScreeningCheckInCommand,
  Topics,
  type AttendanceDigest,
  type AttendanceHistoryEntry,
  type AttendanceMarkView,
  type Page,
  type RollCallResult,
} from '@app/contracts';
import { AttendanceService } from './attendance.service.js';

@Controller()
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @MessagePattern(Topics.screenings.recordRollCall)
  recordRollCall(@Payload() command: RollCallCommand): Promise<RollCallResult> {
    return this.attendance.recordRollCall(command);
  }

  @MessagePattern(Topics.screenings.checkIn)
  checkIn(@Payload() command: ScreeningCheckInCommand): Promise<AttendanceMarkView> {
    return this.attendance.checkIn(command);
  }

  @MessagePattern(Topics.screenings.listAttendance)
  listAttendance(@Payload() query: ListAttendanceQuery): Promise<Page<AttendanceMarkView>> {
    return this.attendance.listAttendance(query);
  }

  @MessagePattern(Topics.screenings.attendanceHistory)
  history(@Payload() query: ListAttendanceQuery): Promise<Page<AttendanceHistoryEntry>> {
    return this.attendance.history(query);
  }

  @MessagePattern(Topics.screenings.attendanceDigest)
  digest(@Payload() command: AttendanceDigestCommand): Promise<AttendanceDigest> {
    return this.attendance.digest(command);
  }
}
