import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CreateOrganisationBody,
  ListOrganisationsParams,
  OrganisationView,
  PageOf,
  Topics,
  type AccessTokenClaims,
  type Page,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors } from '../http/api-errors.js';
import { uuidParam } from '../http/uuid-param.js';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({
    summary: 'Create an organisation',
    description:
      'Administrators create bureaus, schools, venues and universities under a bureau of their ' +
      'subtree. The region code must lie inside the parent bureau’s region, and a bureau’s code ' +
      'must be of its level. level, stage, operator and careerCentreName are required for their kind.',
  })
  @ApiCreatedResponse({ type: OrganisationView })
  @ApiErrors(
    'INVALID_ORGANISATION_HIERARCHY',
    'REGION_OUTSIDE_PARENT',
    'REGION_LEVEL_MISMATCH',
    'FORBIDDEN',
    'PARENT_ORGANISATION_NOT_FOUND',
  )
  create(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: CreateOrganisationBody,
  ): Promise<OrganisationView> {
    return this.rpc.send(Topics.directory.createOrganisation, {
      ...body,
      parentId: body.parentId ?? null,
      actor: actorOf(user),
    });
  }

  @Get()
  @ApiOperation({ summary: 'List organisations' })
  @ApiOkResponse({ type: PageOf(OrganisationView), description: 'Organisations inside your scope' })
  list(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListOrganisationsParams,
  ): Promise<Page<OrganisationView>> {
    return this.rpc.send(Topics.directory.listOrganisations, { ...query, actor: actorOf(user) });
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an organisation' })
  @ApiOkResponse({ type: OrganisationView })
  @ApiErrors('ORGANISATION_NOT_FOUND')
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
