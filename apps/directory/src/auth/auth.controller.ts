import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { LoginCommand, Topics, type LoginReply } from '@app/contracts';
import { AuthService } from './auth.service.js';

@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @MessagePattern(Topics.directory.login)
  login(@Payload() command: LoginCommand): Promise<LoginReply> {
    return this.auth.login(command.email, command.password);
  }
}
