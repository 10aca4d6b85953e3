import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { type FilmView, schoolYearOfDate } from '@app/contracts';
import { withDbRetry } from '@app/database';
import { OutboxRelay } from '@app/messaging';
import { addDays, Clock, shanghaiDateOf, shanghaiInstant } from '@app/time';
import { AttendanceService } from '../attendance/attendance.service.js';
import { ScreeningsConfig } from '../config.js';
import { FilmsRepository } from '../films/films.repository.js';
import {
  ReadModelRepository,
  type KnownOrganisation,
} from '../read-model/read-model.repository.js';
import {
  ScreeningsRepository,
  type ScreeningWithFilm,
} from '../screenings/screenings.repository.js';
import { ScreeningsService } from '../screenings/screenings.service.js';

export const DEMO_SCHOOL_NAME = '济南市历下区第一实验小学';
export const DEMO_BUREAU_NAME = '山东省教育厅';
export const DEMO_SCHOOL_YEAR = '2026-2027';
const DEMO_GRADE = 3;
const DONE_KEY = 'screenings-demo-v1';
/** No person entered the demo data; a fixed id marks the seed as its author. */
const SEED_ACCOUNT_ID = '00000000-0000-4000-8000-000000000003';
const POLL_MS = 2000;

/**
 * DEMO DATA: well-known Chinese films often shown in schools. Years are the release years;
 * running times are as commonly listed (check before real use); grades are a judgement.
 * Mainland releases carry Chinese subtitles; audio-described (无障碍) versions exist for some
 * films, so a bureau flips `audioDescription` when it has one.
 */
const DEMO_FILMS: Omit<FilmView, 'id' | 'createdBy' | 'createdAt'>[] = [
  {
    title: '闪闪的红星',
    year: 1974,
    runningMinutes: 95,
    grades: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    synopsis: '红军长征后，少年潘冬子在白色恐怖中成长，最终成为一名红军战士。',
    language: '普通话',
    subtitles: true,
    audioDescription: false,
  },
  {
    title: '小兵张嘎',
    year: 1963,
    runningMinutes: 97,
    grades: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    synopsis: '抗日战争时期，白洋淀少年张嘎在八路军中成长为一名真正的小侦察员。',
    language: '普通话',
    subtitles: true,
    audioDescription: false,
  },
  {
    title: '我和我的祖国',
    year: 2019,
    runningMinutes: 155,
    grades: [4, 5, 6, 7, 8, 9, 10, 11, 12],
    synopsis: '七个故事，讲述新中国成立七十年来普通人与国家命运相连的历史瞬间。',
    language: '普通话',
    subtitles: true,
    audioDescription: false,
  },
  {
    title: '流浪地球',
    year: 2019,
    runningMinutes: 125,
    grades: [7, 8, 9, 10, 11, 12],
    synopsis: '太阳即将毁灭，人类带着地球逃离太阳系，一群年轻人在危难中挺身而出。',
    language: '普通话',
    subtitles: true,
    audioDescription: false,
  },
  {
    title: '长津湖',
    year: 2021,
    runningMinutes: 176,
    grades: [7, 8, 9, 10, 11, 12],
    synopsis: '抗美援朝战争中，中国人民志愿军在极寒中于长津湖地区英勇作战。',
    language: '普通话',
    subtitles: true,
    audioDescription: false,
  },
];

/**
 * With SEED_DEMO=true: the demo films in the catalogue, approved by the province bureau for
 * 2026-2027; at the demo school a past screening of 《闪闪的红星》 with its grade-3 class booked
 * and attendance recorded (events published, so quotas has something to count), and an
 * upcoming screening of 《小兵张嘎》 a week ahead with the same class booked. It waits until
 * the school, the bureau and the class's students have reached the read models (events come
 * in any order), then runs once (idempotent: a `demo_seeds` row, and each step checks first).
 */
@Injectable()
export class DemoSeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DemoSeed.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private lastClassSize = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: ScreeningsConfig,
    private readonly readModel: ReadModelRepository,
    private readonly films: FilmsRepository,
    private readonly screenings: ScreeningsRepository,
    private readonly screeningsService: ScreeningsService,
    private readonly attendance: AttendanceService,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.SEED_DEMO) return;
    this.timer = setInterval(() => this.tick(), POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.seedOnce()
      .then((done) => {
        if (done && this.timer) {
          clearInterval(this.timer);
          this.timer = null;
        }
      })
      .catch((error: unknown) =>
        this.logger.warn({ msg: 'demo seed failed; will retry', err: error }),
      )
      .finally(() => {
        this.running = null;
      });
  }

  /** True when the demo data exists (now or before). */
  async seedOnce(): Promise<boolean> {
    const done: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM demo_seeds WHERE demo_key = ?',
      [DONE_KEY],
    );
    if (done.length > 0) return true;
    const [school, bureau] = await Promise.all([
      this.readModel.findOrganisationByName('school', DEMO_SCHOOL_NAME),
      this.readModel.findOrganisationByName('bureau', DEMO_BUREAU_NAME),
    ]);
    if (!school || !bureau) return false;
    const demoClass = await this.demoClass(school.id);
    if (!demoClass) return false;
    const now = this.clock.now();
    const upcomingDate = addDays(shanghaiDateOf(now), 7);
    const filmIds = await this.ensureFilms();
    for (const schoolYear of new Set([DEMO_SCHOOL_YEAR, schoolYearOfDate(upcomingDate)])) {
      for (const filmId of filmIds.values()) {
        await this.films.approve(this.dataSource.manager, {
          filmId,
          bureauId: bureau.id,
          schoolYear,
          approvedBy: SEED_ACCOUNT_ID,
          at: now,
        });
      }
    }
    const past = await this.ensureBookedScreening(
      school,
      demoClass,
      filmIds.get('闪闪的红星')!,
      '2026-11-20',
    );
    const students = await this.readModel.classStudents(
      this.dataSource.manager,
      school.id,
      demoClass,
      false,
    );
    await this.attendance.record(
      past,
      students.map((s, i) => ({ studentId: s.studentId, present: i < students.length - 1 })),
      SEED_ACCOUNT_ID,
      false,
    );
    await this.ensureBookedScreening(school, demoClass, filmIds.get('小兵张嘎')!, upcomingDate);
    await this.dataSource.query('INSERT IGNORE INTO demo_seeds (demo_key, done_at) VALUES (?, ?)', [
      DONE_KEY,
      now,
    ]);
    this.logger.log({ msg: 'demo films, screenings, bookings and attendance ready' });
    return true;
  }

  /** The demo school's grade-3 class, once its students stopped arriving (same count twice). */
  private async demoClass(schoolId: string): Promise<string | null> {
    const rows: { class_id: string; students: number }[] = await this.dataSource.query(
      `SELECT class_id, COUNT(*) AS students FROM roster_students
       WHERE school_id = ? AND grade = ? AND active = 1 AND class_id IS NOT NULL
       GROUP BY class_id ORDER BY class_id LIMIT 1`,
      [schoolId, DEMO_GRADE],
    );
    const size = rows[0] ? Number(rows[0].students) : 0;
    const stable = size > 0 && size === this.lastClassSize;
    this.lastClassSize = size;
    return stable ? rows[0].class_id : null;
  }

  private async ensureFilms(): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (const film of DEMO_FILMS) {
      const existing = await this.films.findByTitle(film.title, film.year);
      if (existing) {
        ids.set(film.title, existing.id);
        continue;
      }
      const id = randomUUID();
      await this.films.insert(this.dataSource.manager, {
        ...film,
        id,
        createdBy: SEED_ACCOUNT_ID,
        createdAt: this.clock.now().toISOString(),
      });
      ids.set(film.title, id);
    }
    return ids;
  }

  /** A school-hall screening at 14:00 with the class booked a week before; found if it exists. */
  private async ensureBookedScreening(
    school: KnownOrganisation,
    classId: string,
    filmId: string,
    localDate: string,
  ): Promise<ScreeningWithFilm> {
    const [existing]: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM screenings WHERE school_id = ? AND film_id = ? AND local_date = ? LIMIT 1`,
      [school.id, filmId, localDate],
    );
    if (existing) return (await this.screenings.find(existing.id))!;
    const film = (await this.films.find(filmId))!;
    const startsAt = shanghaiInstant(localDate, '14:00');
    const bookedAt = new Date(startsAt.getTime() - 7 * 86_400_000);
    const id = randomUUID();
    await withDbRetry(() =>
      this.dataSource.transaction(async (manager) => {
        await this.screenings.insert(manager, {
          id,
          school_id: school.id,
          school_year: schoolYearOfDate(localDate),
          film_id: filmId,
          place_kind: 'school_hall',
          venue_organisation_id: null,
          hall_name: '学校礼堂',
          local_date: localDate,
          start_time: '14:00',
          starts_at: startsAt,
          ends_at: new Date(
            startsAt.getTime() +
              (Number(film.running_minutes) + this.config.SCREENING_BUFFER_MINUTES) * 60_000,
          ),
          seats: 300,
          status: 'scheduled',
          cancel_reason: null,
          created_by: SEED_ACCOUNT_ID,
          created_at: bookedAt,
          updated_at: bookedAt,
        });
        const screening = (await this.screenings.find(id, manager))!;
        const students = await this.readModel.classStudents(manager, school.id, classId, true);
        await this.screeningsService.bookStudents(
          manager,
          screening,
          classId,
          students,
          SEED_ACCOUNT_ID,
          bookedAt,
        );
      }),
    );
    this.relay.wake();
    return (await this.screenings.find(id))!;
  }
}
