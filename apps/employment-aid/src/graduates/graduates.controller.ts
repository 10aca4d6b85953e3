import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  GraduateRef,
  LinkGraduateAccountCommand,
  ListAlertsQuery,
  ListGraduatesQuery,
  RegisterGraduateCommand,
  Topics,
  type AlertDigestView,
  type AlertView,
  type GraduateSensitiveView,
  type GraduateView,
  type Page,
} from '@app/contracts';
import { GraduatesService } from './graduates.service.js';

@Controller()
export class GraduatesController {
  constructor(private readonly graduates: GraduatesService) {}

  @MessagePattern(Topics.employmentAid.registerGraduate)
  register(@Payload() command: RegisterGraduateCommand): Promise<GraduateView> {
    return this.graduates.register(command);
  }

  @MessagePattern(Topics.employmentAid.getGraduate)
  get(@Payload() query: GraduateRef): Promise<GraduateView> {
    return this.graduates.get(query.actor, query.graduateId);
  }

  @MessagePattern(Topics.employmentAid.listGraduates)
  list(@Payload() query: ListGraduatesQuery): Promise<Page<GraduateView>> {
    return this.graduates.list(query);
  }

  @MessagePattern(Topics.employmentAid.readGraduateSensitive)
  readSensitive(@Payload() query: GraduateRef): Promise<GraduateSensitiveView> {
    return this.graduates.readSensitive(query.actor, query.graduateId);
  }

  @MessagePattern(Topics.employmentAid.listAlerts)
  alerts(@Payload() query: ListAlertsQuery): Promise<AlertView[]> {
    return this.graduates.alerts(query.actor);
  }

  @MessagePattern(Topics.employmentAid.linkGraduateAccount)
  linkAccount(@Payload() command: LinkGraduateAccountCommand): Promise<GraduateView> {
    return this.graduates.linkAccount(command);
  }

  @MessagePattern(Topics.employmentAid.unlinkGraduateAccount)
  unlinkAccount(@Payload() command: GraduateRef): Promise<GraduateView> {
    return this.graduates.unlinkAccount(command);
  }

  @MessagePattern(Topics.employmentAid.alertDigest)
  digest(@Payload() query: ListAlertsQuery): Promise<AlertDigestView> {
    return this.graduates.digest(query.actor);
  }
}
