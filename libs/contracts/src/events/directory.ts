import { IsEmail, IsIn, IsUUID } from 'class-validator';
import { ROLES, type Role } from '../messages/roles.js';

/** `directory.account.created.v1` */
export class AccountCreatedPayload {
  @IsUUID()
  accountId!: string;

  @IsEmail()
  email!: string;

  @IsIn(ROLES)
  role!: Role;
}
