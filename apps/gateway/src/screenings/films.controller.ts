import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApprovedFilmView,
  CreateFilmBody,
  FilmApprovalBody,
  FilmApprovalView,
  FilmApprovalWithdrawalView,
  FilmView,
  ListApprovedFilmsHttpQuery,
  ListFilmsHttpQuery,
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

/**
 * The film catalogue and the bureaus' approved lists, under `/screenings/films`. Registered
 * before the screenings controller, so `/screenings/films` is not read as `/screenings/:id`.
 */
@ApiTags('films')
@ApiBearerAuth()
@Controller('screenings/films')
export class FilmsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({ summary: 'Add a film to the catalogue (platform and bureau admins)' })
  @ApiCreatedResponse({ type: FilmView, description: 'The film' })
  @ApiErrors('SCREENING_ACTION_FORBIDDEN', 'FILM_ALREADY_EXISTS')
  create(@CurrentUser() user: AccessTokenClaims, @Body() body: CreateFilmBody): Promise<FilmView> {
    return this.rpc.send(Topics.screenings.createFilm, { ...body, actor: actorOf(user) });
  }

  @Get()
  @ApiOperation({ summary: 'The film catalogue, newest first (any signed-in user)' })
  @ApiOkResponse({ type: PageOf(FilmView) })
  list(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListFilmsHttpQuery,
  ): Promise<Page<FilmView>> {
    return this.rpc.send(Topics.screenings.listFilms, { ...query, actor: actorOf(user) });
  }

  @Get('approved')
  @ApiOperation({
    summary: 'Films a school may schedule in a school year',
    description:
      'Approved for that year by any bureau whose region contains the school (province, city or county), with the approvals.',
  })
  @ApiOkResponse({ type: PageOf(ApprovedFilmView) })
  @ApiErrors('SCHOOL_NOT_FOUND')
  approved(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListApprovedFilmsHttpQuery,
  ): Promise<Page<ApprovedFilmView>> {
    return this.rpc.send(Topics.screenings.listApprovedFilms, { ...query, actor: actorOf(user) });
  }

  @Get(':id')
  @ApiOperation({ summary: 'A film of the catalogue' })
  @ApiOkResponse({ type: FilmView })
  @ApiErrors('FILM_NOT_FOUND')
  get(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<FilmView> {
    return this.rpc.send(Topics.screenings.getFilm, { filmId: id, actor: actorOf(user) });
  }

  @Post(':id/approvals')
  @ApiOperation({
    summary: "Approve a film for a school year on the bureau's list",
    description: 'Idempotent: approving again answers the existing approval.',
  })
  @ApiCreatedResponse({ type: FilmApprovalView, description: 'The approval' })
  @ApiErrors('SCREENING_ACTION_FORBIDDEN', 'BUREAU_NOT_FOUND', 'FILM_NOT_FOUND')
  approve(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: FilmApprovalBody,
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
  @ApiOkResponse({ type: FilmApprovalWithdrawalView })
  @ApiErrors('SCREENING_ACTION_FORBIDDEN', 'BUREAU_NOT_FOUND', 'FILM_NOT_FOUND')
  withdraw(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: FilmApprovalBody,
  ): Promise<FilmApprovalWithdrawalView> {
    return this.rpc.send(Topics.screenings.withdrawApproval, {
      ...body,
      filmId: id,
      actor: actorOf(user),
    });
  }
}
