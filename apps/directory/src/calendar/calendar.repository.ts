import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  In,
  type DataSource,
  type EntityManager,
  type FindOptionsWhere,
  type ObjectLiteral,
} from 'typeorm';
import { HolidayEntity } from './holiday.entity.js';
import { TermEntity } from './term.entity.js';
import { VacationEntity } from './vacation.entity.js';

/** Terms and vacations: periods of a school year in an area, stored alike. */
export type PeriodEntity = TermEntity | VacationEntity;
export type PeriodClass<T extends PeriodEntity> = new () => T;

@Injectable()
export class CalendarRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The periods of these areas, of these school years (all when omitted), earliest first. */
  periodsOf<T extends PeriodEntity>(
    entity: PeriodClass<T>,
    areaCodes: string[],
    schoolYears?: string[],
  ): Promise<T[]> {
    const query = this.dataSource
      .getRepository(entity)
      .createQueryBuilder('p')
      .where('p.areaCode IN (:...areaCodes)', { areaCodes });
    if (schoolYears) query.andWhere('p.schoolYear IN (:...schoolYears)', { schoolYears });
    return query.orderBy('p.startsOn', 'ASC').addOrderBy('p.areaCode', 'ASC').getMany();
  }

  /**
   * The periods of one area and school year, locked until the transaction ends. The locking
   * read also locks the index gap, so two concurrent inserts for the same area and school
   * year cannot both pass the overlap check: one waits, or fails with a deadlock and is retried.
   */
  lockPeriodsOf<T extends PeriodEntity>(
    manager: EntityManager,
    entity: PeriodClass<T>,
    areaCode: string,
    schoolYear: string,
  ): Promise<T[]> {
    return manager
      .getRepository(entity)
      .createQueryBuilder('p')
      .where('p.areaCode = :areaCode AND p.schoolYear = :schoolYear', { areaCode, schoolYear })
      .setLock('pessimistic_write')
      .getMany();
  }

  lockById<T extends PeriodEntity | HolidayEntity>(
    manager: EntityManager,
    entity: new () => T,
    id: string,
  ): Promise<T | null> {
    return manager.getRepository(entity).findOne({
      where: { id } as FindOptionsWhere<T>,
      lock: { mode: 'pessimistic_write' },
    });
  }

  async insert<T extends PeriodEntity | HolidayEntity>(
    manager: EntityManager,
    entity: new () => T,
    rows: T[],
  ): Promise<void> {
    if (rows.length > 0) await manager.insert<ObjectLiteral>(entity, rows);
  }

  async deleteById<T extends PeriodEntity | HolidayEntity>(
    manager: EntityManager,
    entity: new () => T,
    id: string,
  ): Promise<void> {
    await manager.delete(entity, { id });
  }

  /** The holiday entries of these areas from `from` to `to`, by date. */
  holidaysOf(areaCodes: string[], from: string, to: string): Promise<HolidayEntity[]> {
    return this.dataSource
      .getRepository(HolidayEntity)
      .createQueryBuilder('h')
      .where('h.areaCode IN (:...areaCodes)', { areaCodes })
      .andWhere('h.date BETWEEN :from AND :to', { from, to })
      .orderBy('h.date', 'ASC')
      .addOrderBy('h.areaCode', 'ASC')
      .getMany();
  }

  /** The entries of an area on these dates, locked (with their gaps) until the transaction ends. */
  lockHolidays(
    manager: EntityManager,
    areaCode: string,
    dates: string[],
  ): Promise<HolidayEntity[]> {
    if (dates.length === 0) return Promise.resolve([]);
    return manager.getRepository(HolidayEntity).find({
      where: { areaCode, date: In(dates) },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async updateHoliday(manager: EntityManager, holiday: HolidayEntity): Promise<void> {
    await manager.update(
      HolidayEntity,
      { id: holiday.id },
      { kind: holiday.kind, name: holiday.name, updatedAt: holiday.updatedAt },
    );
  }
}
