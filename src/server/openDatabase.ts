import type { Config } from '../config';
import { Database } from '../entities/database';

/** PostgreSQL when DATABASE_URL is set, otherwise PGlite under the data dir (contract section 1). */
export function openDatabase(config: Config): Promise<Database> {
  return config.databaseUrl ? Database.connect(config.databaseUrl) : Database.openEmbedded(config.dataDir);
}
