/** The roster feature's entities and migrations, registered in database/database.ts. */
export const rosterEntities: (new () => object)[] = [];
export const rosterMigrations: (new () => object)[] = [];
