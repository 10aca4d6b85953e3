import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateClassCommand,
  DeleteClassCommand,
  GetClassQuery,
  ListClassesQuery,
  RenameClassCommand,
  Topics,
  type ClassView,
  type Page,
} from '@app/contracts';
import { ClassesService } from './classes.service.js';

@Controller()
export class ClassesController {
  constructor(private readonly classes: ClassesService) {}

  @MessagePattern(Topics.roster.createClass)
  create(@Payload() command: CreateClassCommand): Promise<ClassView> {
    return this.classes.create(command);
  }

  @MessagePattern(Topics.roster.getClass)
  get(@Payload() query: GetClassQuery): Promise<ClassView> {
    return this.classes.get(query.actor, query.classId);
  }

  @MessagePattern(Topics.roster.listClasses)
  list(@Payload() query: ListClassesQuery): Promise<Page<ClassView>> {
    return this.classes.list(query);
  }

  @MessagePattern(Topics.roster.renameClass)
  rename(@Payload() command: RenameClassCommand): Promise<ClassView> {
    return this.classes.rename(command);
  }

  @MessagePattern(Topics.roster.deleteClass)
  delete(@Payload() command: DeleteClassCommand): Promise<{ deleted: true }> {
    return this.classes.delete(command.actor, command.classId);
  }
}
