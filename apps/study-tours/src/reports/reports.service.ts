import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { StudyTourReportQuery, StudyTourReportRow, StudyTourReportView } from '@app/contracts';
import { AppError } from '@app/errors';
import { Clock } from '@app/time';
import { forbidden } from '../access/study-tours-access.js';
import { BasesService, regionLikeOf } from '../bases/bases.service.js';
import { ReadModelRepository } from '../read-model/read-model.repository.js';

type GroupColumn = 'base_organisation_id' | 'school_id';

/**
 * Bookings, participants and ratings per base and per school over a period (by visit date),
 * for a bureau's area. Bookings count once they reached the base (drafts and bookings awaiting
 * the principal do not); students booked count submitted, confirmed and completed bookings.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly basesService: BasesService,
    private readonly readModel: ReadModelRepository,
    private readonly clock: Clock,
  ) {}

  async report(query: StudyTourReportQuery): Promise<StudyTourReportView> {
    const access = await this.basesService.accessOf(query.actor);
    if (!access.isPlatformAdmin && access.bureauArea === null)
      throw forbidden('Study-tour reports are for bureau and platform admins');
    if (query.to < query.from)
      throw new AppError('VALIDATION_FAILED', 'invalid', 'to must not be before from', {
        fields: [{ field: 'to', errors: ['to must not be before from'] }],
      });
    let area: string | null = access.bureauArea;
    let bureauId: string | null = access.isPlatformAdmin ? null : query.actor.organisationId;
    if (query.bureauId) {
      const bureau = await this.readModel.findOrganisation(query.bureauId);
      if (!bureau || bureau.kind !== 'bureau' || !access.oversees(bureau.regionCode))
        throw new AppError(
          'STUDY_TOUR_BUREAU_NOT_FOUND',
          'not_found',
          'No such bureau in your scope',
        );
      area = bureau.regionCode;
      bureauId = bureau.id;
    }
    const regionLike = area === null ? '%' : regionLikeOf(area);
    const [bases, schools] = await Promise.all([
      this.rows('base_organisation_id', regionLike, query.from, query.to),
      this.rows('school_id', regionLike, query.from, query.to),
    ]);
    return {
      from: query.from,
      to: query.to,
      bureauId,
      generatedAt: this.clock.now().toISOString(),
      bases,
      schools,
    };
  }

  private async rows(
    column: GroupColumn,
    regionLike: string,
    from: string,
    to: string,
  ): Promise<StudyTourReportRow[]> {
    const scope = `FROM st_bookings b JOIN st_organisations o ON o.id = b.${column}
      WHERE b.local_date BETWEEN ? AND ? AND o.region_code LIKE ?
        AND b.status NOT IN ('draft', 'awaiting_approval')`;
    const params = [from, to, regionLike];
    const bookings: {
      id: string;
      name: string;
      bookings: string;
      confirmed: string;
      completed: string;
      cancelled: string;
      declined: string;
      expired: string;
      students: string;
    }[] = await this.dataSource.query(
      `SELECT o.id, o.name, COUNT(*) AS bookings,
         SUM(b.status = 'confirmed') AS confirmed, SUM(b.status = 'completed') AS completed,
         SUM(b.status = 'cancelled') AS cancelled, SUM(b.status = 'declined') AS declined,
         SUM(b.status = 'expired') AS expired,
         SUM(CASE WHEN b.status IN ('submitted', 'confirmed', 'completed') THEN b.student_count ELSE 0 END) AS students
       ${scope} GROUP BY o.id, o.name ORDER BY o.name, o.id`,
      params,
    );
    const participants: { id: string; n: string }[] = await this.dataSource.query(
      `SELECT o.id, COUNT(*) AS n FROM st_participations p JOIN st_bookings b ON b.id = p.booking_id
         JOIN st_organisations o ON o.id = b.${column}
       WHERE p.took_part = 1 AND b.local_date BETWEEN ? AND ? AND o.region_code LIKE ? GROUP BY o.id`,
      params,
    );
    const ratings: { id: string; n: string; average: string }[] = await this.dataSource.query(
      `SELECT o.id, COUNT(*) AS n, AVG(r.score) AS average FROM st_ratings r
         JOIN st_bookings b ON b.id = r.booking_id JOIN st_organisations o ON o.id = b.${column}
       WHERE b.local_date BETWEEN ? AND ? AND o.region_code LIKE ? GROUP BY o.id`,
      params,
    );
    const took = new Map(participants.map((p) => [p.id, Number(p.n)]));
    const rated = new Map(ratings.map((r) => [r.id, r]));
    return bookings.map((r) => ({
      organisationId: r.id,
      name: r.name,
      bookings: Number(r.bookings),
      confirmed: Number(r.confirmed),
      completed: Number(r.completed),
      cancelled: Number(r.cancelled),
      declined: Number(r.declined),
      expired: Number(r.expired),
      studentsBooked: Number(r.students),
      participants: took.get(r.id) ?? 0,
      ratingCount: Number(rated.get(r.id)?.n ?? 0),
      averageRating: rated.has(r.id)
        ? Math.round(Number(rated.get(r.id)!.average) * 100) / 100
        : null,
    }));
  }
}
