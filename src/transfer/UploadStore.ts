import type { Queryable } from '../entities/database';
import { WORK_TABLES } from '../entities/workTables';
import { BadUserInputError } from '../errors';
import { isUuid } from '../resolvers/validateInput';

/** How long an upload stays for imports (a dry run, then the real one). */
export const UPLOAD_LIFETIME_HOURS = 24;

/** Staged files for `importRecords`, each usable only by the token subject that sent it. */
export class UploadStore {
  constructor(private readonly db: Queryable) {}

  async insert(owner: string, fileName: string | undefined, content: Buffer): Promise<string> {
    await this.db.query(`DELETE FROM ${WORK_TABLES.upload} WHERE created_at < now() - make_interval(hours => $1)`, [UPLOAD_LIFETIME_HOURS]);
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO ${WORK_TABLES.upload} (owner, file_name, content) VALUES ($1, $2, $3) RETURNING id`,
      [owner, fileName ?? null, content],
    );
    return row!.id;
  }

  /** The file's bytes; BAD_USER_INPUT (field `upload`) when missing, expired or someone else's. */
  async content(id: string, owner: string): Promise<Buffer> {
    const [row] = isUuid(id)
      ? await this.db.query<{ content: Buffer | Uint8Array }>(
          `SELECT content FROM ${WORK_TABLES.upload} WHERE id = $1 AND owner = $2 AND created_at >= now() - make_interval(hours => $3)`,
          [id, owner, UPLOAD_LIFETIME_HOURS],
        )
      : [];
    if (!row) throw new BadUserInputError([{ field: 'upload', message: 'no upload with this id is available to you (uploads last 24 hours)' }]);
    return Buffer.from(row.content);
  }
}
