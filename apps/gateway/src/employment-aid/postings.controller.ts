import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  Topics,
  type AccessTokenClaims,
  type Page,
  type PostingView,
  type ReferralView,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ErrorBodyDto } from '../http/error-body.dto.js';
import { uuidParam } from '../http/uuid-param.js';
import {
  CreatePostingDto,
  ListPostingsQueryDto,
  ReferToPostingDto,
  ReviewPostingDto,
} from './employment-aid.dto.js';
import {
  PostingPageDto,
  PostingResponseDto,
  ReferralResponseDto,
} from './employment-aid-responses.dto.js';

const NOT_FOUND = {
  status: 404,
  type: ErrorBodyDto,
  description: 'POSTING_NOT_FOUND (or not of your university, or not yet published)',
} as const;

/** Job and internship vacancies (见习岗位) a career centre publishes for its graduates. */
@ApiTags('employment-aid')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorBodyDto, description: 'UNAUTHENTICATED' })
@Controller('employment-aid/postings')
export class PostingsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiCreatedResponse({ type: PostingResponseDto, description: 'Created, pending review' })
  @ApiResponse({ status: 400, type: ErrorBodyDto, description: 'VALIDATION_FAILED' })
  @ApiResponse({ status: 403, type: ErrorBodyDto, description: 'FORBIDDEN: career-centre staff' })
  create(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: CreatePostingDto,
  ): Promise<PostingView> {
    return this.rpc.send(Topics.employmentAid.createPosting, { ...body, actor: actorOf(user) });
  }

  @Get()
  @ApiOkResponse({
    type: PostingPageDto,
    description: 'Staff: every posting; mentors: published and not expired',
  })
  list(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListPostingsQueryDto,
  ): Promise<Page<PostingView>> {
    return this.rpc.send(Topics.employmentAid.listPostings, { ...query, actor: actorOf(user) });
  }

  @Get(':id')
  @ApiOkResponse({ type: PostingResponseDto, description: 'The posting' })
  @ApiResponse(NOT_FOUND)
  get(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<PostingView> {
    return this.rpc.send(Topics.employmentAid.getPosting, { postingId: id, actor: actorOf(user) });
  }

  @Post(':id/review')
  @HttpCode(200)
  @ApiOkResponse({ type: PostingResponseDto, description: 'Published or rejected' })
  @ApiResponse(NOT_FOUND)
  @ApiResponse({
    status: 409,
    type: ErrorBodyDto,
    description: 'POSTING_ALREADY_REVIEWED or POSTING_SELF_REVIEW (its author may not review it)',
  })
  review(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: ReviewPostingDto,
  ): Promise<PostingView> {
    return this.rpc.send(Topics.employmentAid.reviewPosting, {
      ...body,
      postingId: id,
      actor: actorOf(user),
    });
  }

  @Post(':id/referrals')
  @ApiCreatedResponse({ type: ReferralResponseDto, description: "A referral in the mentee's plan" })
  @ApiResponse(NOT_FOUND)
  @ApiResponse({ status: 409, type: ErrorBodyDto, description: 'POSTING_NOT_OPEN' })
  refer(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: ReferToPostingDto,
  ): Promise<ReferralView> {
    return this.rpc.send(Topics.employmentAid.referToPosting, {
      ...body,
      postingId: id,
      actor: actorOf(user),
    });
  }
}
