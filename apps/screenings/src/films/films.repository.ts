import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { FilmApprovalView, FilmView } from '@app/contracts';
import { gradesMaskOf, gradesOfMask } from './grades-mask.js';

export interface FilmRow {
  id: string;
  title: string;
  year: number;
  running_minutes: number;
  grades_mask: number;
  synopsis: string;
  language: string;
  subtitles: number;
  audio_description: number;
  created_by: string;
  created_at: Date;
}

export const filmViewOf = (r: FilmRow): FilmView => ({
  id: r.id,
  title: r.title,
  year: Number(r.year),
  runningMinutes: Number(r.running_minutes),
  grades: gradesOfMask(Number(r.grades_mask)),
  synopsis: r.synopsis,
  language: r.language,
  subtitles: Number(r.subtitles) === 1,
  audioDescription: Number(r.audio_description) === 1,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at).toISOString(),
});

interface ApprovalRow {
  film_id: string;
  bureau_id: string;
  bureau_name: string | null;
  school_year: string;
  approved_by: string;
  approved_at: Date;
}

const approvalViewOf = (r: ApprovalRow): FilmApprovalView => ({
  filmId: r.film_id,
  bureauId: r.bureau_id,
  bureauName: r.bureau_name ?? '',
  schoolYear: r.school_year,
  approvedBy: r.approved_by,
  approvedAt: new Date(r.approved_at).toISOString(),
});

/** Every query of the film catalogue and the bureaus' approved lists. */
@Injectable()
export class FilmsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, film: FilmView): Promise<void> {
    await manager.query(
      `INSERT INTO films (id, title, year, running_minutes, grades_mask, synopsis, language,
         subtitles, audio_description, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        film.id,
        film.title,
        film.year,
        film.runningMinutes,
        gradesMaskOf(film.grades),
        film.synopsis,
        film.language,
        film.subtitles ? 1 : 0,
        film.audioDescription ? 1 : 0,
        film.createdBy,
        new Date(film.createdAt),
      ],
    );
  }

  async find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<FilmRow | null> {
    const rows: FilmRow[] = await manager.query('SELECT * FROM films WHERE id = ?', [id]);
    return rows[0] ?? null;
  }

  async findByTitle(title: string, year: number): Promise<FilmRow | null> {
    const rows: FilmRow[] = await this.dataSource.query(
      'SELECT * FROM films WHERE title = ? AND year = ?',
      [title, year],
    );
    return rows[0] ?? null;
  }

  async list(
    filter: { grade?: number; title?: string; ids?: string[] },
    page: number,
    pageSize: number,
  ): Promise<[FilmRow[], number]> {
    const where: string[] = ['1 = 1'];
    const params: unknown[] = [];
    if (filter.grade !== undefined) {
      where.push('(grades_mask & ?) <> 0');
      params.push(1 << filter.grade);
    }
    if (filter.title) {
      where.push('title LIKE ?');
      params.push(`%${filter.title.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    if (filter.ids) {
      if (filter.ids.length === 0) return [[], 0];
      where.push('id IN (?)');
      params.push(filter.ids);
    }
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT COUNT(*) AS total FROM films WHERE ${where.join(' AND ')}`,
      params,
    );
    const rows: FilmRow[] = await this.dataSource.query(
      `SELECT * FROM films WHERE ${where.join(' AND ')} ORDER BY year DESC, title, id LIMIT ? OFFSET ?`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    return [rows, Number(total)];
  }

  /** Inserts the approval unless it exists; true when it was new. */
  async approve(
    manager: EntityManager,
    a: { filmId: string; bureauId: string; schoolYear: string; approvedBy: string; at: Date },
  ): Promise<boolean> {
    const result: { affectedRows: number } = await manager.query(
      `INSERT IGNORE INTO film_approvals (bureau_id, school_year, film_id, approved_by, approved_at)
       VALUES (?, ?, ?, ?, ?)`,
      [a.bureauId, a.schoolYear, a.filmId, a.approvedBy, a.at],
    );
    return result.affectedRows > 0;
  }

  async withdraw(filmId: string, bureauId: string, schoolYear: string): Promise<boolean> {
    const result: { affectedRows: number } = await this.dataSource.query(
      'DELETE FROM film_approvals WHERE film_id = ? AND bureau_id = ? AND school_year = ?',
      [filmId, bureauId, schoolYear],
    );
    return result.affectedRows > 0;
  }

  /** Approvals of a school year by any of the bureaus, optionally of one film. */
  async approvals(
    bureauIds: string[],
    schoolYear: string,
    filmId?: string,
  ): Promise<FilmApprovalView[]> {
    if (bureauIds.length === 0) return [];
    const rows: ApprovalRow[] = await this.dataSource.query(
      `SELECT a.*, o.name AS bureau_name FROM film_approvals a
         LEFT JOIN known_organisations o ON o.id = a.bureau_id
       WHERE a.bureau_id IN (?) AND a.school_year = ? ${filmId ? 'AND a.film_id = ?' : ''}
       ORDER BY a.approved_at, a.bureau_id`,
      filmId ? [bureauIds, schoolYear, filmId] : [bureauIds, schoolYear],
    );
    return rows.map(approvalViewOf);
  }
}
