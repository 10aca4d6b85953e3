import { ApiProperty } from '@nestjs/swagger';
import {
  IsCalendarDate,
  IsOnOrAfter,
  MAX_DAYS_PER_QUERY,
  TERM_NUMBERS,
  VACATION_KINDS,
  type TermNumber,
  type VacationKind,
} from '@app/contracts';
import { AreaQueryDto } from './area-query.dto.js';

export class DaysQueryDto extends AreaQueryDto {
  @ApiProperty({ example: '2026-10-01' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({
    example: '2026-10-31',
    description: `≥ from; at most ${MAX_DAYS_PER_QUERY} dates from \`from\` to \`to\`, both included`,
  })
  @IsCalendarDate()
  @IsOnOrAfter('from', MAX_DAYS_PER_QUERY)
  to!: string;
}

export class CalendarDayTermDto {
  @ApiProperty({ example: '2026-2027' }) schoolYear!: string;
  @ApiProperty({ enum: TERM_NUMBERS, example: 1 }) term!: TermNumber;
  @ApiProperty({ example: '2026-09-01' }) startsOn!: string;
  @ApiProperty({ example: '2027-01-22' }) endsOn!: string;
}

export class CalendarDayVacationDto {
  @ApiProperty({ enum: VACATION_KINDS, example: 'winter' }) kind!: VacationKind;
  @ApiProperty({ nullable: true, type: String, example: '2027年寒假' }) name!: string | null;
  @ApiProperty({ example: '2027-01-23' }) startsOn!: string;
  @ApiProperty({ example: '2027-02-21' }) endsOn!: string;
}

export class CalendarDayResponseDto {
  @ApiProperty({ example: '2026-10-10', description: 'Local date (Asia/Shanghai)' })
  date!: string;
  @ApiProperty({ example: '370102', description: 'The area asked about' }) areaCode!: string;
  @ApiProperty({ example: false }) isHoliday!: boolean;
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Set on holidays' })
  holidayName!: string | null;
  @ApiProperty({ example: true, description: '调休上班: worked although a weekend day' })
  isMakeupWorkday!: boolean;
  @ApiProperty({ example: true, description: 'Saturday or Sunday' }) isWeekend!: boolean;
  @ApiProperty({
    example: true,
    description: 'A make-up working day, or a weekday that is not a holiday',
  })
  isWorkingDay!: boolean;
  @ApiProperty({ example: false }) isVacation!: boolean;
  @ApiProperty({ type: CalendarDayVacationDto, nullable: true, example: null })
  vacation!: CalendarDayVacationDto | null;
  @ApiProperty({ type: CalendarDayTermDto, nullable: true, description: 'Its last day included' })
  term!: CalendarDayTermDto | null;
}

export class CalendarDaysResponseDto {
  @ApiProperty({ example: '370102' }) areaCode!: string;
  @ApiProperty({ example: '2026-10-01' }) from!: string;
  @ApiProperty({ example: '2026-10-31' }) to!: string;
  @ApiProperty({ type: [CalendarDayResponseDto], description: 'One entry per date, in order' })
  days!: CalendarDayResponseDto[];
}
