import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  ACCOUNT_STATUSES,
  PASSWORD_RULE,
  PASSWORD_RULE_TEXT,
  ROLES,
  type AccountStatus,
  type Role,
} from '@app/contracts';
import { PageQueryDto } from '../http/page-query.dto.js';
import { AccountResponseDto } from './me.dto.js';

export class CreateAccountDto {
  @ApiProperty({ example: 'wang.li@school.example.cn' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Spring-Field-2026', description: PASSWORD_RULE_TEXT })
  @Matches(PASSWORD_RULE, { message: PASSWORD_RULE_TEXT })
  password!: string;

  @ApiProperty({ example: '王丽', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName!: string;

  @ApiProperty({
    enum: ROLES,
    example: 'school_staff',
    description:
      'bureau_admin → a bureau; school_staff, student → a school; venue_staff → a venue; career_centre_staff, mentor, graduate → a university; platform_admin → none',
  })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: '0b6f8a8e-3c8e-4a57-9a55-1f0e7b0c2d11',
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description:
      "Student accounts only: the roster student (enrolled at the account's school) this account is. Quotas and bookings then know the student.",
    example: '01938a7e-5b7c-7d2e-9f10-3c4d5e6f7a8b',
  })
  @IsOptional()
  @IsUUID()
  studentId?: string | null;
}

export class ListAccountsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only accounts of this organisation' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ enum: ACCOUNT_STATUSES, example: 'active' })
  @IsOptional()
  @IsIn(ACCOUNT_STATUSES)
  status?: AccountStatus;

  @ApiPropertyOptional({
    description: 'Part of the email or the display name, any case',
    example: 'wang',
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;
}

export class UpdateAccountDto {
  @ApiPropertyOptional({ example: '王丽', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional({
    enum: ROLES,
    example: 'mentor',
    description:
      "Must fit the account's organisation, as at creation (a university: career_centre_staff, mentor, graduate; a school: school_staff, student); never above your own role, never your own account's. Revokes the account's sessions",
  })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

export class PasswordResetResponseDto {
  @ApiProperty({ type: AccountResponseDto })
  account!: AccountResponseDto;

  @ApiProperty({
    example: 'Hq7m-tX3e-9kPz-Rw2c',
    description:
      'Shown this once and stored nowhere: give it to the owner, who must replace it at POST /me/password before anything else',
  })
  temporaryPassword!: string;
}

export class AccountPageDto {
  @ApiProperty({ type: [AccountResponseDto] }) items!: AccountResponseDto[];
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) pageSize!: number;
  @ApiProperty({ example: 1 }) total!: number;
}
