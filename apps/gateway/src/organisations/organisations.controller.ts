import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Topics, type AccessTokenClaims, type OrganisationView, type Page } from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ErrorBodyDto } from '../http/error-body.dto.js';
import { uuidParam } from '../http/uuid-param.js';
import {
  CreateOrganisationDto,
  ListOrganisationsQueryDto,
  OrganisationPageDto,
  OrganisationResponseDto,
} from './organisations.dto.js';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiCreatedResponse({ type: OrganisationResponseDto })
  @ApiResponse({
    status: 400,
    type: ErrorBodyDto,
    description:
      'VALIDATION_FAILED, INVALID_ORGANISATION_HIERARCHY, REGION_OUTSIDE_PARENT (the region code lies outside the parent bureau’s region) or REGION_LEVEL_MISMATCH (a bureau’s code is not of its level)',
  })
  @ApiResponse({
    status: 403,
    type: ErrorBodyDto,
    description: 'FORBIDDEN: only administrators create organisations',
  })
  @ApiResponse({
    status: 404,
    type: ErrorBodyDto,
    description: 'PARENT_ORGANISATION_NOT_FOUND (or outside your subtree)',
  })
  create(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: CreateOrganisationDto,
  ): Promise<OrganisationView> {
    return this.rpc.send(Topics.directory.createOrganisation, {
      ...body,
      parentId: body.parentId ?? null,
      actor: actorOf(user),
    });
  }

  @Get()
  @ApiOkResponse({ type: OrganisationPageDto, description: 'Organisations inside your scope' })
  list(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListOrganisationsQueryDto,
  ): Promise<Page<OrganisationView>> {
    return this.rpc.send(Topics.directory.listOrganisations, { ...query, actor: actorOf(user) });
  }

  @Get(':id')
  @ApiOkResponse({ type: OrganisationResponseDto })
  @ApiResponse({
    status: 404,
    type: ErrorBodyDto,
    description: 'ORGANISATION_NOT_FOUND (or outside your scope)',
  })
  get(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<OrganisationView> {
    return this.rpc.send(Topics.directory.getOrganisation, {
      organisationId: id,
      actor: actorOf(user),
    });
  }
}
