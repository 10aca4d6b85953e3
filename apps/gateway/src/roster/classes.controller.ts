import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Topics, type AccessTokenClaims, type ClassView, type Page } from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ErrorBodyDto } from '../http/error-body.dto.js';
import { uuidParam } from '../http/uuid-param.js';
import {
  ClassPageDto,
  ClassResponseDto,
  CreateClassDto,
  ListClassesQueryDto,
  RenameClassDto,
} from './roster.dto.js';

@ApiTags('roster')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorBodyDto, description: 'UNAUTHENTICATED' })
@Controller('roster/classes')
export class ClassesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiCreatedResponse({ type: ClassResponseDto })
  @ApiResponse({ status: 400, type: ErrorBodyDto, description: 'VALIDATION_FAILED' })
  @ApiResponse({
    status: 403,
    type: ErrorBodyDto,
    description: "FORBIDDEN: only the school's own staff keep its classes",
  })
  @ApiResponse({
    status: 404,
    type: ErrorBodyDto,
    description: 'SCHOOL_NOT_FOUND (or not your school)',
  })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description: 'CLASS_NAME_TAKEN in that school year',
  })
  create(@CurrentUser() user: AccessTokenClaims, @Body() body: CreateClassDto): Promise<ClassView> {
    return this.rpc.send(Topics.roster.createClass, { ...body, actor: actorOf(user) });
  }

  @Get()
  @ApiOkResponse({
    type: ClassPageDto,
    description: "Classes you can see: your school's, or your bureau's schools'",
  })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'SCHOOL_NOT_FOUND' })
  list(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListClassesQueryDto,
  ): Promise<Page<ClassView>> {
    return this.rpc.send(Topics.roster.listClasses, { ...query, actor: actorOf(user) });
  }

  @Get(':id')
  @ApiOkResponse({ type: ClassResponseDto })
  @ApiResponse({
    status: 404,
    type: ErrorBodyDto,
    description: 'CLASS_NOT_FOUND (or outside your scope)',
  })
  get(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<ClassView> {
    return this.rpc.send(Topics.roster.getClass, { classId: id, actor: actorOf(user) });
  }

  @Patch(':id')
  @ApiOkResponse({ type: ClassResponseDto, description: 'Renamed' })
  @ApiResponse({ status: 403, type: ErrorBodyDto, description: 'FORBIDDEN: admins only read' })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'CLASS_NOT_FOUND' })
  @ApiResponse({ status: 409, type: ErrorBodyDto, description: 'CLASS_NAME_TAKEN' })
  rename(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: RenameClassDto,
  ): Promise<ClassView> {
    return this.rpc.send(Topics.roster.renameClass, {
      ...body,
      classId: id,
      actor: actorOf(user),
    });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiResponse({ status: 403, type: ErrorBodyDto, description: 'FORBIDDEN: admins only read' })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'CLASS_NOT_FOUND' })
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description: 'CLASS_NOT_EMPTY: students are placed in it',
  })
  async delete(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<void> {
    await this.rpc.send(Topics.roster.deleteClass, { classId: id, actor: actorOf(user) });
  }
}
