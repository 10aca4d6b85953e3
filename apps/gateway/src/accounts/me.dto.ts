import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@app/contracts';

export class AccountResponseDto {
  @ApiProperty({ example: '3f0e0a57-3c1e-4a4b-9d7e-2b8d4f8a6c11' })
  id!: string;

  @ApiProperty({ example: 'teacher@school.example' })
  email!: string;

  @ApiProperty({ example: 'Demo platform admin' })
  displayName!: string;

  @ApiProperty({ enum: ROLES, example: 'platform_admin' })
  role!: Role;

  @ApiProperty({ nullable: true, example: null, type: String })
  organisationId!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    example: null,
    description: "A student account's roster student, if linked",
  })
  studentId!: string | null;

  @ApiProperty({ example: '2026-11-28T13:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    example: null,
    description:
      'Until when a client address is locked out after 5 wrong passwords (the latest such lock); other addresses can still sign in',
  })
  lockedUntil!: string | null;
}
