import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ClassView,
  CreateClassBody,
  ListClassesParams,
  PageOf,
  RenameClassBody,
  Topics,
  type AccessTokenClaims,
  type Page,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors } from '../http/api-errors.js';
import { uuidParam } from '../http/uuid-param.js';

const KEEPERS = "Only the school's own staff keep its classes; administrators read them.";

@ApiTags('roster')
@ApiBearerAuth()
@Controller('roster/classes')
export class ClassesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({
    summary: 'Create a class of your school for a school year',
    description: `${KEEPERS} A class name is unique per school and school year.`,
  })
  @ApiCreatedResponse({ type: ClassView })
  @ApiErrors('FORBIDDEN', 'SCHOOL_NOT_FOUND', 'CLASS_NAME_TAKEN')
  create(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: CreateClassBody,
  ): Promise<ClassView> {
    return this.rpc.send(Topics.roster.createClass, { ...body, actor: actorOf(user) });
  }

  @Get()
  @ApiOperation({
    summary: 'List classes',
    description:
      "Classes you can see: your school's, or your bureau's schools', newest school year first.",
  })
  @ApiOkResponse({ type: PageOf(ClassView) })
  @ApiErrors('SCHOOL_NOT_FOUND')
  list(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListClassesParams,
  ): Promise<Page<ClassView>> {
    return this.rpc.send(Topics.roster.listClasses, { ...query, actor: actorOf(user) });
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a class' })
  @ApiOkResponse({ type: ClassView })
  @ApiErrors('CLASS_NOT_FOUND')
  get(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<ClassView> {
    return this.rpc.send(Topics.roster.getClass, { classId: id, actor: actorOf(user) });
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename a class', description: KEEPERS })
  @ApiOkResponse({ type: ClassView, description: 'Renamed' })
  @ApiErrors('FORBIDDEN', 'CLASS_NOT_FOUND', 'CLASS_NAME_TAKEN')
  rename(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: RenameClassBody,
  ): Promise<ClassView> {
    return this.rpc.send(Topics.roster.renameClass, {
      ...body,
      classId: id,
      actor: actorOf(user),
    });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a class no student is placed in',
    description: KEEPERS,
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors('FORBIDDEN', 'CLASS_NOT_FOUND', 'CLASS_NOT_EMPTY')
  async delete(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<void> {
    await this.rpc.send(Topics.roster.deleteClass, { classId: id, actor: actorOf(user) });
  }
}
