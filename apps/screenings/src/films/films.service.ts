import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type {
  ApprovedFilmView,
  CreateFilmCommand,
  FilmApprovalCommand,
  FilmApprovalView,
  FilmQuery,
  FilmView,
  ListApprovedFilmsQuery,
  ListFilmsQuery,
  Page,
} from '@app/contracts';
import { isDuplicateKeyError } from '@app/database';
import { Clock } from '@app/time';
import { curatesFilms, regionContains, seesSchool } from '../access/screening-access.js';
import { KnownOrganisation, ReadModelRepository } from '../read-model/read-model.repository.js';
import {
  actionForbidden,
  bureauNotFound,
  filmAlreadyExists,
  filmNotFound,
  schoolNotFound,
} from '../screenings.errors.js';
import { filmViewOf, FilmsRepository, type FilmRow } from './films.repository.js';

/**
 * The film catalogue (platform and bureau admins add films) and the approved lists: a bureau
 * approves films per school year, and a school may schedule a film approved for that year by
 * any bureau whose region contains the school's (province, city or county).
 */
@Injectable()
export class FilmsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly films: FilmsRepository,
    private readonly readModel: ReadModelRepository,
    private readonly clock: Clock,
  ) {}

  async createFilm(command: CreateFilmCommand): Promise<FilmView> {
    if (!curatesFilms(command.actor)) throw actionForbidden('add films to the catalogue');
    const film: FilmView = {
      id: randomUUID(),
      title: command.title.trim(),
      year: command.year,
      runningMinutes: command.runningMinutes,
      grades: [...command.grades].sort((a, b) => a - b),
      synopsis: command.synopsis,
      language: command.language.trim(),
      subtitles: command.subtitles,
      audioDescription: command.audioDescription,
      createdBy: command.actor.accountId,
      createdAt: this.clock.now().toISOString(),
    };
    try {
      await this.films.insert(this.dataSource.manager, film);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw filmAlreadyExists(film.title, film.year);
      throw error;
    }
    return film;
  }

  async listFilms(query: ListFilmsQuery): Promise<Page<FilmView>> {
    const [rows, total] = await this.films.list(
      { grade: query.grade, title: query.title },
      query.page,
      query.pageSize,
    );
    return { items: rows.map(filmViewOf), page: query.page, pageSize: query.pageSize, total };
  }

  async getFilm(query: FilmQuery): Promise<FilmView> {
    return filmViewOf(await this.filmOrNotFound(query.filmId));
  }

  async approveFilm(command: FilmApprovalCommand): Promise<FilmApprovalView> {
    const bureau = await this.approvingBureau(command);
    await this.filmOrNotFound(command.filmId);
    await this.films.approve(this.dataSource.manager, {
      filmId: command.filmId,
      bureauId: bureau.id,
      schoolYear: command.schoolYear,
      approvedBy: command.actor.accountId,
      at: this.clock.now(),
    });
    const [approval] = await this.films.approvals([bureau.id], command.schoolYear, command.filmId);
    return approval;
  }

  async withdrawApproval(command: FilmApprovalCommand): Promise<{ withdrawn: boolean }> {
    const bureau = await this.approvingBureau(command);
    await this.filmOrNotFound(command.filmId);
    return { withdrawn: await this.films.withdraw(command.filmId, bureau.id, command.schoolYear) };
  }

  async listApprovedFilms(query: ListApprovedFilmsQuery): Promise<Page<ApprovedFilmView>> {
    const school = await this.visibleSchool(query.actor, query.schoolId);
    const approvals = await this.films.approvals(
      (await this.bureausAbove(school)).map((b) => b.id),
      query.schoolYear,
    );
    const [rows, total] = await this.films.list(
      { grade: query.grade, ids: [...new Set(approvals.map((a) => a.filmId))] },
      query.page,
      query.pageSize,
    );
    return {
      items: rows.map((row) => ({
        ...filmViewOf(row),
        approvals: approvals.filter((a) => a.filmId === row.id),
      })),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  /** Whether a bureau above the school approved the film for the school year. */
  async isApprovedFor(
    school: KnownOrganisation,
    filmId: string,
    schoolYear: string,
  ): Promise<boolean> {
    const bureaus = await this.bureausAbove(school);
    return (
      (
        await this.films.approvals(
          bureaus.map((b) => b.id),
          schoolYear,
          filmId,
        )
      ).length > 0
    );
  }

  async filmOrNotFound(filmId: string): Promise<FilmRow> {
    const film = await this.films.find(filmId);
    if (!film) throw filmNotFound(filmId);
    return film;
  }

  /** A school the actor sees (school staff: their own by default), else 404. */
  async visibleSchool(
    actor: ListApprovedFilmsQuery['actor'],
    schoolId: string | undefined,
  ): Promise<KnownOrganisation> {
    const id = schoolId ?? (actor.role === 'school_staff' ? actor.organisationId : null);
    if (!id) throw schoolNotFound(null);
    const [school, own] = await Promise.all([
      this.readModel.findOrganisation(id),
      actor.organisationId ? this.readModel.findOrganisation(actor.organisationId) : null,
    ]);
    if (!school || school.kind !== 'school' || !seesSchool(actor, school, own))
      throw schoolNotFound(id);
    return school;
  }

  private async bureausAbove(school: KnownOrganisation): Promise<KnownOrganisation[]> {
    return (await this.readModel.bureaus()).filter((b) =>
      regionContains(b.regionCode, school.regionCode),
    );
  }

  /** A bureau admin approves for their own bureau; a platform admin names the bureau. */
  private async approvingBureau(command: FilmApprovalCommand): Promise<KnownOrganisation> {
    const { actor } = command;
    if (!curatesFilms(actor)) throw actionForbidden('approve films');
    const bureauId =
      actor.role === 'bureau_admin' ? (command.bureauId ?? actor.organisationId) : command.bureauId;
    if (!bureauId) throw bureauNotFound(null);
    if (actor.role === 'bureau_admin' && bureauId !== actor.organisationId)
      throw bureauNotFound(bureauId);
    const bureau = await this.readModel.findOrganisation(bureauId);
    if (!bureau || bureau.kind !== 'bureau') throw bureauNotFound(bureauId);
    return bureau;
  }
}
