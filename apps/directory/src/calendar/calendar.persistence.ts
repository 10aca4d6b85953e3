/** The calendar feature's entities and migrations, registered in database/database.ts. */
export const calendarEntities: (new () => object)[] = [];
export const calendarMigrations: (new () => object)[] = [];
