import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreatePostingCommand,
  ListPostingsQuery,
  PostingRef,
  ReferToPostingCommand,
  ReviewPostingCommand,
  Topics,
  type Page,
  type PostingView,
  type ReferralView,
} from '@app/contracts';
import { PostingsService } from './postings.service.js';

@Controller()
export class PostingsController {
  constructor(private readonly postings: PostingsService) {}

  @MessagePattern(Topics.employmentAid.createPosting)
  create(@Payload() command: CreatePostingCommand): Promise<PostingView> {
    return this.postings.create(command);
  }

  @MessagePattern(Topics.employmentAid.reviewPosting)
  review(@Payload() command: ReviewPostingCommand): Promise<PostingView> {
    return this.postings.review(command);
  }

  @MessagePattern(Topics.employmentAid.getPosting)
  get(@Payload() query: PostingRef): Promise<PostingView> {
    return this.postings.get(query.actor, query.postingId);
  }

  @MessagePattern(Topics.employmentAid.listPostings)
  list(@Payload() query: ListPostingsQuery): Promise<Page<PostingView>> {
    return this.postings.list(query);
  }

  @MessagePattern(Topics.employmentAid.referToPosting)
  refer(@Payload() command: ReferToPostingCommand): Promise<ReferralView> {
    return this.postings.refer(command);
  }
}
