import { ApiProperty } from '@nestjs/swagger';
import { IsAreaCode } from '@app/contracts';

/** How every calendar read names its area, and how the answer is found. */
export const AREA_CODE_DOC =
  'Administrative region code, 6 digits (370102 Lixia district, 370100 Jinan, 370000 Shandong, ' +
  '000000 the whole country). Data is looked up in the nearest enclosing area that has some: the ' +
  'area itself, its city (first 4 digits + 00), its province (first 2 digits + 0000), then 000000. ' +
  'Terms and vacations are taken per school year from one area; holidays and make-up working days ' +
  'per date.';

export class AreaQueryDto {
  @ApiProperty({ example: '370102', description: AREA_CODE_DOC })
  @IsAreaCode()
  areaCode!: string;
}
