import { Injectable } from '@nestjs/common';
import type {
  BureauReportQuery,
  BureauReportView,
  CentreReportQuery,
  CentreReportView,
} from '@app/contracts';
import { Clock } from '@app/time';
import { AidAccess } from '../access/aid-access.js';
import { AssignmentsRepository } from '../assignments/assignments.repository.js';
import { EmploymentAidConfig } from '../config.js';
import { bureauNotFound, forbidden, universityNotFound } from '../employment-aid.errors.js';
import { GraduatesRepository } from '../graduates/graduates.repository.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { OutcomesRepository } from '../outcomes/outcomes.repository.js';
import { centreReport } from './centre-report.js';

/** Reports per career centre: staff read their own; admins any university in their subtree. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly graduates: GraduatesRepository,
    private readonly assignments: AssignmentsRepository,
    private readonly outcomes: OutcomesRepository,
    private readonly organisations: OrganisationsService,
    private readonly access: AidAccess,
    private readonly clock: Clock,
    private readonly config: EmploymentAidConfig,
  ) {}

  async centre(query: CentreReportQuery): Promise<CentreReportView> {
    return this.reportOf(await this.universityFor(query));
  }

  /** Every university under the bureau (from the organisation read model), and the totals. */
  async bureau(query: BureauReportQuery): Promise<BureauReportView> {
    const { actor } = query;
    if (actor.role !== 'platform_admin' && actor.role !== 'bureau_admin') {
      throw forbidden('Only bureau and platform admins read bureau reports');
    }
    const bureauId = query.bureauId ?? actor.organisationId;
    if (!bureauId) throw bureauNotFound();
    if (
      actor.role === 'bureau_admin' &&
      !(actor.organisationId && (await this.organisations.isWithin(bureauId, actor.organisationId)))
    ) {
      throw bureauNotFound();
    }
    const universityIds = await this.organisations.universitiesUnder(bureauId);
    const universities = await Promise.all(universityIds.map((id) => this.reportOf(id)));
    return {
      bureauId,
      generatedAt: this.clock.now().toISOString(),
      totals: await this.reportOf(bureauId, universityIds),
      universities,
    };
  }

  /** One university's report, or the graduates of several counted together. */
  private async reportOf(
    reportId: string,
    universityIds: string[] = [reportId],
  ): Promise<CentreReportView> {
    const graduates = (
      await Promise.all(universityIds.map((id) => this.graduates.allOfUniversity(id)))
    ).flat();
    const universityId = reportId;
    const ids = graduates.map((g) => g.id);
    const [active, verified] = await Promise.all([
      this.assignments.activeOfGraduates(ids),
      this.outcomes.verifiedOfGraduates(ids),
    ]);
    return centreReport({
      universityId,
      now: this.clock.now(),
      alertWindowDays: this.config.FOLLOW_UP_ALERT_DAYS,
      graduates,
      assignedGraduateIds: new Set(active.map((a) => a.graduateId)),
      verifiedOutcomes: verified,
    });
  }

  private async universityFor(query: CentreReportQuery): Promise<string> {
    const { actor } = query;
    switch (actor.role) {
      case 'career_centre_staff': {
        const own = this.access.staffUniversity(actor);
        if (query.universityId && query.universityId !== own) throw universityNotFound();
        return own;
      }
      case 'platform_admin':
      case 'bureau_admin': {
        if (!query.universityId) throw universityNotFound();
        if (actor.role === 'bureau_admin') {
          const under = actor.organisationId
            ? await this.organisations.universitiesUnder(actor.organisationId)
            : [];
          if (!under.includes(query.universityId)) throw universityNotFound();
        }
        return query.universityId;
      }
      case 'school_staff':
      case 'venue_staff':
      case 'mentor':
      case 'student':
      case 'graduate':
        throw forbidden('Only career-centre staff and admins read these reports');
    }
  }
}
