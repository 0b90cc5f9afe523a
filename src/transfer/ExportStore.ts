import type { Queryable } from '../entities/database';
import { WORK_TABLES } from '../entities/workTables';
import { isUuid } from '../resolvers/validateInput';
import type { ExportRequest } from './prepareExport';

/** How long a download link works. */
export const EXPORT_LIFETIME_SECONDS = 24 * 3600;

export interface StoredExport {
  readonly id: string;
  readonly expiresAt: string;
}

/** Export requests, each readable only by the token subject that asked for it, until it expires. */
export class ExportStore {
  constructor(private readonly db: Queryable) {}

  async insert(owner: string, request: ExportRequest): Promise<StoredExport> {
    const [row] = await this.db.query<StoredExport>(
      `INSERT INTO ${WORK_TABLES.export} (owner, spec, expires_at) VALUES ($1, $2::jsonb, now() + make_interval(secs => $3))
       RETURNING id, to_json(expires_at) #>> '{}' AS "expiresAt"`,
      [owner, JSON.stringify(request), EXPORT_LIFETIME_SECONDS],
    );
    // Expired requests are cleared as new ones arrive.
    await this.db.query(`DELETE FROM ${WORK_TABLES.export} WHERE expires_at < now()`);
    return row!;
  }

  /** The request, or null when it is missing, expired or someone else's. */
  async get(id: string, owner: string): Promise<ExportRequest | null> {
    if (!isUuid(id)) return null;
    const [row] = await this.db.query<{ spec: ExportRequest }>(
      `SELECT spec FROM ${WORK_TABLES.export} WHERE id = $1 AND owner = $2 AND expires_at > now()`,
      [id, owner],
    );
    return row?.spec ?? null;
  }
}
