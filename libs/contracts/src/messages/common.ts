import { ApiHideProperty, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ROLES, type Role } from './roles.js';

/**
 * Who asks: taken by the gateway from the verified token, never from the request body.
 * Every command and query that acts for a person carries it, and the service decides
 * what that person may see or change.
 */
export class Actor {
  @IsUUID()
  accountId!: string;

  @IsIn(ROLES)
  role!: Role;

  @IsOptional()
  @IsUUID()
  organisationId!: string | null;

  /** A student account's roster student, if the account is linked to one. */
  @IsOptional()
  @IsUUID()
  studentId?: string | null;
}

/** Base of every message sent on behalf of a person. */
export class ActorMessage {
  /** Never part of an HTTP body: the gateway sets it (a body's `OmitType(…, ['actor'])`). */
  @ApiHideProperty()
  // Required: `@ValidateNested` alone lets a message without an actor through.
  @IsDefined()
  @ValidateNested()
  @Type(() => Actor)
  actor!: Actor;
}

/** Page query: `page` from 1, `pageSize` up to 100. */
export class PageQuery extends ActorMessage {
  @ApiPropertyOptional({ minimum: 1, default: 1, example: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20, example: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize: number = 20;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

const pageClasses = new Map<abstract new (...args: never[]) => unknown, unknown>();

/**
 * The OpenAPI shape of `Page<T>` for one item class (`@ApiOkResponse({ type: PageOf(FilmView) })`),
 * named `<Item>Page`; one class per item class, so the document has one schema per page kind.
 */
export function PageOf<T>(item: abstract new (...args: never[]) => T): new () => Page<T> {
  const known = pageClasses.get(item);
  if (known) return known as new () => Page<T>;
  class PageOfItems implements Page<T> {
    @ApiProperty({ type: () => [item] })
    items!: T[];

    @ApiProperty({ minimum: 1, example: 1 })
    page!: number;

    @ApiProperty({ minimum: 1, maximum: 100, example: 20 })
    pageSize!: number;

    @ApiProperty({ minimum: 0, example: 1, description: 'Items over all pages' })
    total!: number;
  }
  Object.defineProperty(PageOfItems, 'name', { value: `${item.name}Page` });
  pageClasses.set(item, PageOfItems);
  return PageOfItems;
}
