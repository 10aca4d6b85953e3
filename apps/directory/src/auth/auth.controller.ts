import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  LoginCommand,
  LogoutCommand,
  RefreshCommand,
  Topics,
  type LoginReply,
  type LogoutReply,
} from '@app/contracts';
import { AuthService } from './auth.service.js';

@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @MessagePattern(Topics.directory.login)
  login(@Payload() command: LoginCommand): Promise<LoginReply> {
    return this.auth.login(command.email, command.password, command.clientAddress);
  }

  @MessagePattern(Topics.directory.refresh)
  refresh(@Payload() command: RefreshCommand): Promise<LoginReply> {
    return this.auth.refresh(command.refreshToken);
  }

  @MessagePattern(Topics.directory.logout)
  logout(@Payload() command: LogoutCommand): Promise<LogoutReply> {
    return this.auth.logout(command.actor, command.refreshToken);
  }
}
