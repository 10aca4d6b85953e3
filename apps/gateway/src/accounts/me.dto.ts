import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import {
  ACCOUNT_STATUSES,
  PASSWORD_RULE,
  PASSWORD_RULE_TEXT,
  ROLES,
  type AccountStatus,
  type Role,
} from '@app/contracts';

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

  @ApiProperty({
    enum: ACCOUNT_STATUSES,
    example: 'active',
    description: 'A deactivated account cannot sign in; its tokens stopped working',
  })
  status!: AccountStatus;

  @ApiProperty({
    example: false,
    description:
      'After an admin reset the password: until the owner sets a new one (POST /me/password), only /me, /me/password and /auth/logout answer',
  })
  mustChangePassword!: boolean;
}

export class ChangeOwnPasswordDto {
  @ApiProperty({ example: 'correct-Horse-battery-7', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  currentPassword!: string;

  @ApiProperty({ example: 'Autumn-Leaves-2027', description: PASSWORD_RULE_TEXT })
  @Matches(PASSWORD_RULE, { message: PASSWORD_RULE_TEXT.replace('password', 'newPassword') })
  newPassword!: string;
}
