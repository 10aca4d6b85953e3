import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type {
  Actor,
  CreatePostingCommand,
  ListPostingsQuery,
  Page,
  PostingView,
  ReferralView,
  ReferToPostingCommand,
  ReviewPostingCommand,
} from '@app/contracts';
import { Clock, shanghaiDateOf } from '@app/time';
import { AidAccess } from '../access/aid-access.js';
import {
  invalidWages,
  postingAlreadyReviewed,
  postingNotFound,
  postingNotOpen,
  postingSelfReview,
} from '../employment-aid.errors.js';
import { PlansRepository } from '../plans/plans.repository.js';
import { toReferralView } from '../plans/plans.service.js';
import type { ReferralEntity } from '../plans/plan.entities.js';
import type { PostingEntity } from './posting.entity.js';
import { PostingsRepository } from './postings.repository.js';

/** Job and internship postings: created by staff, reviewed by other staff, then referred to. */
@Injectable()
export class PostingsService {
  constructor(
    private readonly postings: PostingsRepository,
    private readonly plans: PlansRepository,
    private readonly access: AidAccess,
    private readonly clock: Clock,
  ) {}

  async create(command: CreatePostingCommand): Promise<PostingView> {
    const universityId = this.access.staffUniversity(command.actor);
    if (command.wageMax < command.wageMin) throw invalidWages();
    const posting: PostingEntity = {
      id: randomUUID(),
      universityId,
      kind: command.kind,
      employer: command.employer,
      title: command.title,
      location: command.location,
      wageMin: command.wageMin,
      wageMax: command.wageMax,
      requirements: command.requirements,
      expiresOn: command.expiresOn,
      status: 'pending_review',
      createdBy: command.actor.accountId,
      createdAt: this.clock.now(),
      reviewedBy: null,
      reviewedAt: null,
      reviewNote: null,
    };
    await this.postings.insert(posting);
    return this.view(posting);
  }

  async review(command: ReviewPostingCommand): Promise<PostingView> {
    const posting = await this.postings.findById(command.postingId);
    if (!posting) throw postingNotFound();
    this.access.assertStaffOf(command.actor, posting.universityId, postingNotFound);
    if (posting.status !== 'pending_review') throw postingAlreadyReviewed();
    if (posting.createdBy === command.actor.accountId) throw postingSelfReview();
    const change = {
      status: command.decision === 'publish' ? ('published' as const) : ('rejected' as const),
      reviewedBy: command.actor.accountId,
      reviewedAt: this.clock.now(),
      reviewNote: command.note ?? null,
    };
    if (!(await this.postings.review(posting.id, change))) throw postingAlreadyReviewed();
    return this.view({ ...posting, ...change });
  }

  async get(actor: Actor, postingId: string): Promise<PostingView> {
    const posting = await this.postings.findById(postingId);
    if (!posting || !this.canSee(actor, posting)) throw postingNotFound();
    return this.view(posting);
  }

  async list(query: ListPostingsQuery): Promise<Page<PostingView>> {
    const { actor } = query;
    const staff = actor.role === 'career_centre_staff';
    if (!actor.organisationId || (!staff && actor.role !== 'mentor')) {
      return { items: [], page: query.page, pageSize: query.pageSize, total: 0 };
    }
    const [rows, total] = await this.postings.page(
      staff
        ? { universityId: actor.organisationId, status: query.status }
        : {
            universityId: actor.organisationId,
            status: 'published',
            openOn: shanghaiDateOf(this.clock.now()),
          },
      query.page,
      query.pageSize,
    );
    return {
      items: rows.map((p) => this.view(p)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  /** The graduate's current mentor refers them to an open posting of their university. */
  async refer(command: ReferToPostingCommand): Promise<ReferralView> {
    const { graduate } = await this.access.graduateForMentor(command.actor, command.graduateId);
    const posting = await this.postings.findById(command.postingId);
    if (!posting || posting.universityId !== graduate.universityId) throw postingNotFound();
    if (!this.isOpen(posting)) throw postingNotOpen();
    const now = this.clock.now();
    const referral: ReferralEntity = {
      id: randomUUID(),
      graduateId: graduate.id,
      postingId: posting.id,
      employer: posting.employer,
      position: posting.title,
      note: command.note ?? null,
      result: 'pending',
      referredBy: command.actor.accountId,
      referredAt: now,
      updatedAt: now,
    };
    await this.plans.insertReferral(referral);
    return toReferralView(referral);
  }

  private canSee(actor: Actor, posting: PostingEntity): boolean {
    if (this.access.isStaffOf(actor, posting.universityId)) return true;
    return (
      actor.role === 'mentor' &&
      actor.organisationId === posting.universityId &&
      this.isOpen(posting)
    );
  }

  private isOpen(posting: PostingEntity): boolean {
    return posting.status === 'published' && posting.expiresOn >= shanghaiDateOf(this.clock.now());
  }

  private view(p: PostingEntity): PostingView {
    return {
      id: p.id,
      universityId: p.universityId,
      kind: p.kind,
      employer: p.employer,
      title: p.title,
      location: p.location,
      wageMin: p.wageMin,
      wageMax: p.wageMax,
      requirements: p.requirements,
      expiresOn: p.expiresOn,
      expired: p.expiresOn < shanghaiDateOf(this.clock.now()),
      status: p.status,
      createdBy: p.createdBy,
      createdAt: p.createdAt.toISOString(),
      reviewedBy: p.reviewedBy,
      reviewedAt: p.reviewedAt?.toISOString() ?? null,
      reviewNote: p.reviewNote,
    };
  }
}
