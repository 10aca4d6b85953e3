import { HolidayEntity } from './holiday.entity.js';
import { CreateCalendar1764300200000 } from './migrations/1764300200000-CreateCalendar.js';
import { TermEntity } from './term.entity.js';
import { VacationEntity } from './vacation.entity.js';

/** The calendar feature's entities and migrations, registered in database/database.ts. */
export const calendarEntities: (new () => object)[] = [TermEntity, VacationEntity, HolidayEntity];
export const calendarMigrations: (new () => object)[] = [CreateCalendar1764300200000];
