import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
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
  @ValidateNested()
  @Type(() => Actor)
  actor!: Actor;
}

/** Page query: `page` from 1, `pageSize` up to 100. */
export class PageQuery extends ActorMessage {
  @IsOptional()
  @IsInt()
  @Min(1)
  page: number = 1;

  @IsOptional()
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
