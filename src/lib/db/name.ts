// The site's base path (see src/lib/base-path.d.ts). A bundle made by another tool (the
// benchmarks' esbuild) leaves it undefined: the root.
const base = typeof __BASE_PATH__ === 'string' ? __BASE_PATH__ : '';

/**
 * The database's name, in a module of its own: home asks whether it exists without loading Dexie.
 * At the root it stays 'tabledeck' (another name would leave everyone's progress behind);
 * under a base path it is 'tabledeck/<path>', so two copies on one origin never share progress.
 */
export const DATABASE_NAME = base ? `tabledeck${base}` : 'tabledeck';
