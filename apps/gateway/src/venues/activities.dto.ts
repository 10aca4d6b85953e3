import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
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
} from 'class-validator';
import {
  ACTIVITY_KINDS,
  IsCalendarDate,
  LOCAL_TIME,
  MAX_ACTIVITY_PLACES,
  MAX_GRADE,
  MIN_GRADE,
  type ActivityKind,
} from '@app/contracts';
import { PageQueryDto } from '../http/page-query.dto.js';

const TIME_MESSAGE = '$property must be a local time HH:mm (Asia/Shanghai)';
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class CreateActivityDto {
  @ApiProperty({ example: '假日科学秀：青铜器里的化学', minLength: 2, maxLength: 200 })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ enum: ACTIVITY_KINDS, example: 'show' })
  @IsIn(ACTIVITY_KINDS)
  kind!: ActivityKind;

  @ApiPropertyOptional({
    example: '现场演示青铜铸造与锈蚀中的化学变化',
    nullable: true,
    maxLength: 2000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiProperty({
    type: [Number],
    example: [4, 5, 6],
    description: `The grades it suits, ${MIN_GRADE} to ${MAX_GRADE}`,
  })
  @IsInt({ each: true })
  @Min(MIN_GRADE, { each: true })
  @Max(MAX_GRADE, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_GRADE)
  @ArrayUnique()
  grades!: number[];

  @ApiProperty({ example: '2027-01-25', description: 'Local date (Asia/Shanghai), within a year' })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ example: '14:00', description: 'Local time (Asia/Shanghai)' })
  @Matches(LOCAL_TIME, { message: TIME_MESSAGE })
  startTime!: string;

  @ApiProperty({ example: '15:00', description: 'Local time, after startTime (at most 12 h)' })
  @Matches(LOCAL_TIME, { message: TIME_MESSAGE })
  endTime!: string;

  @ApiProperty({
    example: 30,
    maximum: MAX_ACTIVITY_PLACES,
    description: 'Places for students booking alone',
  })
  @IsInt()
  @Min(0)
  @Max(MAX_ACTIVITY_PLACES)
  individualCapacity!: number;

  @ApiProperty({
    example: 60,
    maximum: MAX_ACTIVITY_PLACES,
    description: 'Places for school groups',
  })
  @IsInt()
  @Min(0)
  @Max(MAX_ACTIVITY_PLACES)
  groupCapacity!: number;

  @ApiPropertyOptional({
    example: null,
    nullable: true,
    description:
      'Student price in fen; absent or null: free. Never on a venue of a free category ' +
      '(museum, memorial_hall, cultural_centre, library, art_gallery): 400 STUDENT_PRICE_NOT_ALLOWED.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  studentPriceFen?: number | null;
}

export class UpdateActivityDto extends PartialType(CreateActivityDto) {}

export class CancelActivityDto {
  @ApiProperty({ example: '讲解员临时有事，活动取消，敬请谅解' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;
}

export class SearchActivitiesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '0b8f9b1e-5d6f-4a39-9d2a-1f8a3c2e4b5d' })
  @IsOptional()
  @IsUUID()
  venueId?: string;

  @ApiPropertyOptional({ example: '370100', description: 'A province, city or district' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'regionCode must be 6 digits' })
  regionCode?: string;

  @ApiPropertyOptional({ example: '2027-01-20', description: 'Local date; default today' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    example: '2027-02-20',
    description: 'Local date; default a year after from',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ enum: ACTIVITY_KINDS })
  @IsOptional()
  @IsIn(ACTIVITY_KINDS)
  kind?: ActivityKind;

  @ApiPropertyOptional({ example: 5, description: 'Only activities that suit this grade' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_GRADE)
  @Max(MAX_GRADE)
  grade?: number;

  @ApiPropertyOptional({ example: true, description: 'Only activities with places left' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  withPlacesLeft?: boolean;

  @ApiPropertyOptional({ example: false, description: 'Cancelled ones too' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeCancelled?: boolean;
}
