import { ApiProperty } from '@nestjs/swagger';

/**
 * Agreed between the screenings and quotas services: the attendance digest the quotas
 * consistency check compares its ledger with. The screenings service answers this command
 * (register it in its request topics); the gateway asks it, then hands the digest to quotas.
 */
export const SCREENINGS_ATTENDANCE_DIGEST = 'screenings.attendance.digest';

/** Payload (besides `actor`): one school, local dates `from`..`to` inclusive (Asia/Shanghai). */
export interface AttendanceDigestQuery {
  schoolId: string;
  from: string;
  to: string;
}

/** Per student with at least one mark in the window, from the latest revision of each mark. */
export class AttendanceDigestStudent {
  @ApiProperty({ format: 'uuid' }) studentId!: string;

  /** Distinct films the student was marked present at. */
  @ApiProperty({ type: Number, description: 'Distinct films the student was marked present at' })
  distinctFilms!: number;

  /** Screenings the student was marked present at (a repeat viewing counts here). */
  @ApiProperty({
    type: Number,
    description: 'Screenings the student was marked present at (a repeat viewing counts here)',
  })
  presentMarks!: number;
}

export class AttendanceDigest implements AttendanceDigestQuery {
  @ApiProperty({ format: 'uuid' }) schoolId!: string;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ type: () => [AttendanceDigestStudent] }) students!: AttendanceDigestStudent[];
}
