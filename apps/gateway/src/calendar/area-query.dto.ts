import { ApiProperty } from '@nestjs/swagger';
import { IsAreaCode } from '@app/contracts';

/** How every calendar read names its area, and how the answer is found. */
export const AREA_CODE_DOC =
  'Administrative region code, 6 digits (370102 Lixia district, 370100 Jinan, 370000 Shandong, ' +
  '000000 the whole country). Data is layered over the enclosing areas, nearest first: the area ' +
  'itself, its city (first 4 digits + 00), its province (first 2 digits + 0000), then 000000. ' +
  'Holidays and make-up working days per date: the nearest area with an entry for that date ' +
  'decides, so a province entry overrides that one date and every other date falls through to ' +
  'the national list. Terms and vacations per school year: all from the nearest area that defines ' +
  'any for that year, never a mix.';

export class AreaQueryDto {
  @ApiProperty({ example: '370102', description: AREA_CODE_DOC })
  @IsAreaCode()
  areaCode!: string;
}
