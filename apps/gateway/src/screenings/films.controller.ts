import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  Topics,
  type AccessTokenClaims,
  type ApprovedFilmView,
  type FilmApprovalView,
  type FilmView,
  type Page,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ErrorBodyDto } from '../http/error-body.dto.js';
import { uuidParam } from '../http/uuid-param.js';
import {
  ApprovedFilmsQueryDto,
  CreateFilmDto,
  FilmApprovalDto,
  ListFilmsQueryDto,
} from './screenings.dto.js';

const CURATORS_ONLY = {
  status: 403,
  type: ErrorBodyDto,
  description: 'SCREENING_ACTION_FORBIDDEN: platform and bureau admins only',
} as const;

@ApiTags('films')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorBodyDto, description: 'UNAUTHENTICATED' })
@Controller('films')
export class FilmsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({ summary: 'Add a film to the catalogue (platform and bureau admins)' })
  @ApiCreatedResponse({ description: 'The film' })
  @ApiResponse(CURATORS_ONLY)
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description: 'FILM_ALREADY_EXISTS (title and year)',
  })
  create(@CurrentUser() user: AccessTokenClaims, @Body() body: CreateFilmDto): Promise<FilmView> {
    return this.rpc.send(Topics.screenings.createFilm, { ...body, actor: actorOf(user) });
  }

  @Get()
  @ApiOperation({ summary: 'The film catalogue, newest first (any signed-in user)' })
  list(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListFilmsQueryDto,
  ): Promise<Page<FilmView>> {
    return this.rpc.send(Topics.screenings.listFilms, { ...query, actor: actorOf(user) });
  }

  @Get('approved')
  @ApiOperation({
    summary: 'Films a school may schedule in a school year',
    description:
      'Approved for that year by any bureau whose region contains the school (province, city or county), with the approvals.',
  })
  @ApiResponse({
    status: 404,
    type: ErrorBodyDto,
    description: 'SCHOOL_NOT_FOUND (or outside your scope)',
  })
  approved(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ApprovedFilmsQueryDto,
  ): Promise<Page<ApprovedFilmView>> {
    return this.rpc.send(Topics.screenings.listApprovedFilms, { ...query, actor: actorOf(user) });
  }

  @Get(':id')
  @ApiOperation({ summary: 'A film of the catalogue' })
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'FILM_NOT_FOUND' })
  get(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<FilmView> {
    return this.rpc.send(Topics.screenings.getFilm, { filmId: id, actor: actorOf(user) });
  }

  @Post(':id/approvals')
  @ApiOperation({ summary: "Approve a film for a school year on the bureau's list (idempotent)" })
  @ApiCreatedResponse({ description: 'The approval' })
  @ApiResponse(CURATORS_ONLY)
  @ApiResponse({ status: 404, type: ErrorBodyDto, description: 'FILM_NOT_FOUND, BUREAU_NOT_FOUND' })
  approve(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: FilmApprovalDto,
  ): Promise<FilmApprovalView> {
    return this.rpc.send(Topics.screenings.approveFilm, {
      ...body,
      filmId: id,
      actor: actorOf(user),
    });
  }

  @Post(':id/approvals/withdraw')
  @HttpCode(200)
  @ApiOperation({
    summary: "Take a film off the bureau's list for a school year",
    description: 'Screenings already scheduled stay; new ones need another approval.',
  })
  @ApiResponse(CURATORS_ONLY)
  withdraw(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: FilmApprovalDto,
  ): Promise<{ withdrawn: boolean }> {
    return this.rpc.send(Topics.screenings.withdrawApproval, {
      ...body,
      filmId: id,
      actor: actorOf(user),
    });
  }
}
