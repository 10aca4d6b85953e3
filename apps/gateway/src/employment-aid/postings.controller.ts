import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CreatePostingBody,
  ListPostingsHttpQuery,
  PageOf,
  PostingView,
  ReferralView,
  ReferToPostingBody,
  ReviewPostingBody,
  Topics,
  type AccessTokenClaims,
  type Page,
} from '@app/contracts';
import { RpcClient } from '@app/messaging';
import { actorOf } from '../auth/actor.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApiErrors } from '../http/api-errors.js';
import { uuidParam } from '../http/uuid-param.js';

/** Job and internship vacancies (见习岗位) a career centre publishes for its graduates. */
@ApiTags('employment-aid')
@ApiBearerAuth()
@Controller('employment-aid/postings')
export class PostingsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ApiOperation({
    summary: 'Create a job or internship posting',
    description:
      'Career-centre staff, for an employer; it waits for review by another member of staff. wageMax below wageMin is a VALIDATION_FAILED.',
  })
  @ApiCreatedResponse({ type: PostingView, description: 'Created, pending review' })
  @ApiErrors('FORBIDDEN')
  create(
    @CurrentUser() user: AccessTokenClaims,
    @Body() body: CreatePostingBody,
  ): Promise<PostingView> {
    return this.rpc.send(Topics.employmentAid.createPosting, { ...body, actor: actorOf(user) });
  }

  @Get()
  @ApiOperation({
    summary: 'List postings',
    description:
      'Career-centre staff: every posting of the university; mentors: the published ones that have not expired.',
  })
  @ApiOkResponse({
    type: PageOf(PostingView),
    description: 'Staff: every posting; mentors: published and not expired',
  })
  list(
    @CurrentUser() user: AccessTokenClaims,
    @Query() query: ListPostingsHttpQuery,
  ): Promise<Page<PostingView>> {
    return this.rpc.send(Topics.employmentAid.listPostings, { ...query, actor: actorOf(user) });
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Get a posting',
    description:
      'Staff of its university; mentors only once published and not expired (404 otherwise).',
  })
  @ApiOkResponse({ type: PostingView, description: 'The posting' })
  @ApiErrors('POSTING_NOT_FOUND')
  get(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
  ): Promise<PostingView> {
    return this.rpc.send(Topics.employmentAid.getPosting, { postingId: id, actor: actorOf(user) });
  }

  @Post(':id/review')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publish or reject a posting',
    description: 'Career-centre staff of its university other than its author, once.',
  })
  @ApiOkResponse({ type: PostingView, description: 'Published or rejected' })
  @ApiErrors('FORBIDDEN', 'POSTING_NOT_FOUND', 'POSTING_ALREADY_REVIEWED', 'POSTING_SELF_REVIEW')
  review(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: ReviewPostingBody,
  ): Promise<PostingView> {
    return this.rpc.send(Topics.employmentAid.reviewPosting, {
      ...body,
      postingId: id,
      actor: actorOf(user),
    });
  }

  @Post(':id/referrals')
  @ApiOperation({
    summary: 'Refer a mentee to a posting',
    description:
      "The graduate's current mentor, to a published posting of the university that has not expired; the referral joins the graduate's plan.",
  })
  @ApiCreatedResponse({ type: ReferralView, description: "A referral in the mentee's plan" })
  @ApiErrors('FORBIDDEN', 'GRADUATE_NOT_FOUND', 'POSTING_NOT_FOUND', 'POSTING_NOT_OPEN')
  refer(
    @CurrentUser() user: AccessTokenClaims,
    @Param('id', uuidParam()) id: string,
    @Body() body: ReferToPostingBody,
  ): Promise<ReferralView> {
    return this.rpc.send(Topics.employmentAid.referToPosting, {
      ...body,
      postingId: id,
      actor: actorOf(user),
    });
  }
}
