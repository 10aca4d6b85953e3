import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  HOLIDAY_ON_CLOSED_DAY_RULES,
  IsCalendarDate,
  LOCAL_TIME,
  MAX_GROUP_STUDENTS,
  VENUE_CATEGORIES,
  type HolidayOnClosedDayRule,
  type VenueCategory,
} from '@app/contracts';
import { PageQueryDto } from '../http/page-query.dto.js';

const TIME_MESSAGE = '$property must be a local time HH:mm (Asia/Shanghai)';

export class DailyHoursDto {
  @ApiProperty({ example: '09:00', description: 'Local time, Asia/Shanghai' })
  @Matches(LOCAL_TIME, { message: TIME_MESSAGE })
  opens!: string;

  @ApiProperty({ example: '17:00', description: 'Local time, after opens' })
  @Matches(LOCAL_TIME, { message: TIME_MESSAGE })
  closes!: string;
}

const day = () =>
  ApiPropertyOptional({ type: DailyHoursDto, description: 'Absent: closed that weekday' });

export class WeeklyHoursDto {
  @day() @IsOptional() @ValidateNested() @Type(() => DailyHoursDto) mon?: DailyHoursDto;
  @day() @IsOptional() @ValidateNested() @Type(() => DailyHoursDto) tue?: DailyHoursDto;
  @day() @IsOptional() @ValidateNested() @Type(() => DailyHoursDto) wed?: DailyHoursDto;
  @day() @IsOptional() @ValidateNested() @Type(() => DailyHoursDto) thu?: DailyHoursDto;
  @day() @IsOptional() @ValidateNested() @Type(() => DailyHoursDto) fri?: DailyHoursDto;
  @day() @IsOptional() @ValidateNested() @Type(() => DailyHoursDto) sat?: DailyHoursDto;
  @day() @IsOptional() @ValidateNested() @Type(() => DailyHoursDto) sun?: DailyHoursDto;
}

export const PRICE_DOC =
  'Student price in fen (0.01 yuan). museum, memorial_hall, cultural_centre, library and ' +
  'art_gallery are free for students by policy and never take one (400 STUDENT_PRICE_NOT_ALLOWED); ' +
  'science_museum, science_venue and sports_facility must state it, 0 allowed (400 STUDENT_PRICE_REQUIRED).';

export class CreateVenueDto {
  @ApiPropertyOptional({
    example: '0b8f9b1e-5d6f-4a39-9d2a-1f8a3c2e4b5d',
    description: 'The venue organisation; defaults to your own (venue staff). Admins name it.',
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiProperty({ example: '山东博物馆' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: VENUE_CATEGORIES, example: 'museum' })
  @IsIn(VENUE_CATEGORIES)
  category!: VenueCategory;

  @ApiPropertyOptional({ example: null, nullable: true, description: PRICE_DOC })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  studentPriceFen?: number | null;

  @ApiPropertyOptional({ example: '370102', description: "Defaults to the organisation's region" })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'regionCode must be a 6-digit administrative region code' })
  regionCode?: string;

  @ApiPropertyOptional({ example: '济南市历下区经十路11899号' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;

  @ApiPropertyOptional({ example: '山东省综合性博物馆' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ example: '无障碍通道、轮椅借用' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  accessibility?: string;

  @ApiPropertyOptional({ example: '0531-85058201' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  contact?: string;

  @ApiPropertyOptional({
    type: WeeklyHoursDto,
    description:
      'Ordinary hours; a weekday left out is a regular closed day. Default Tue-Sun 9:00-17:00.',
    example: { tue: { opens: '09:00', closes: '17:00' }, sun: { opens: '09:00', closes: '17:00' } },
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => WeeklyHoursDto)
  weeklyHours?: WeeklyHoursDto;

  @ApiPropertyOptional({
    type: DailyHoursDto,
    nullable: true,
    example: { opens: '09:00', closes: '20:00' },
    description:
      'Extended hours, applied by themselves on statutory holidays and during the school vacations ' +
      "of the venue's area (from the directory's calendar). Make-up working days keep the ordinary hours.",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => DailyHoursDto)
  extendedHours?: DailyHoursDto | null;

  @ApiPropertyOptional({
    enum: HOLIDAY_ON_CLOSED_DAY_RULES,
    default: 'open',
    description:
      'A statutory holiday on a regular closed day: open (default, with the extended hours: the ' +
      'policy asks venues to open longer in holidays) or closed.',
  })
  @IsOptional()
  @IsIn(HOLIDAY_ON_CLOSED_DAY_RULES)
  holidayOnClosedDay?: HolidayOnClosedDayRule;

  @ApiPropertyOptional({ example: 60, default: 60, minimum: 15, maximum: 480 })
  @IsOptional()
  @IsInt()
  @Min(15)
  @Max(480)
  slotMinutes?: number;

  @ApiPropertyOptional({ example: 50, default: 50, description: 'Individual places per slot' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  individualCapacity?: number;

  @ApiPropertyOptional({ example: 100, default: 100, description: 'School-group places per slot' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  groupCapacity?: number;
}

export class UpdateVenueDto extends PartialType(CreateVenueDto) {}

export class SearchVenuesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    example: '370100',
    description: 'A province, city or district: venues inside it',
  })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'regionCode must be 6 digits' })
  regionCode?: string;

  @ApiPropertyOptional({ enum: VENUE_CATEGORIES })
  @IsOptional()
  @IsIn(VENUE_CATEGORIES)
  category?: VenueCategory;

  @ApiPropertyOptional({
    example: '2026-10-05',
    description: 'Only venues with places left that local date',
  })
  @IsOptional()
  @IsCalendarDate()
  date?: string;
}

export class ClosureDto {
  @ApiProperty({ example: '2026-12-24', description: 'Local date' })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ example: '展厅维护' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  reason!: string;
}

export class SlotsQueryDto {
  @ApiProperty({ example: '2026-10-01' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2026-10-07', description: 'At most 31 days after from' })
  @IsCalendarDate()
  to!: string;
}

export class InboxQueryDto extends PageQueryDto {}

export class CheckInDto {
  @ApiProperty({
    example: 'v1.MGI4ZjliMWUt….Xk2…',
    description: "The booking's QR token, as scanned",
  })
  @IsString()
  @MinLength(10)
  @MaxLength(1000)
  token!: string;
}

export class IndividualBookingDto {
  @ApiProperty({ example: '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f' })
  @IsUUID()
  slotId!: string;
}

/** A group request's people: for a slot (with `slotId`) or an activity (in the path). */
export class GroupVisitOfActivityDto {
  @ApiProperty({
    type: [String],
    example: ['0b8f9b1e-5d6f-4a39-9d2a-1f8a3c2e4b5d'],
    description: `Students of your school (roster ids), at most ${MAX_GROUP_STUDENTS}`,
  })
  @IsUUID('all', { each: true })
  @ArrayUnique()
  @ArrayMaxSize(MAX_GROUP_STUDENTS)
  studentIds!: string[];

  @ApiProperty({ example: 2, description: 'Accompanying teachers; they take places too' })
  @IsInt()
  @Min(0)
  @Max(100)
  teacherCount!: number;

  @ApiPropertyOptional({ example: '三年级二班' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class GroupVisitDto extends GroupVisitOfActivityDto {
  @ApiProperty({ example: '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f' })
  @IsUUID()
  slotId!: string;
}

export class DeclineDto {
  @ApiProperty({ example: '当日已有大型活动，请改约其他时段' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;
}

export class BookingsQueryDto extends PageQueryDto {}
