/** The database's name, in a module of its own: home asks whether it exists without loading Dexie. */
export const DATABASE_NAME = 'tabledeck';
