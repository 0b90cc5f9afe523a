import type { Queryable } from '../entities/database';
import { SYSTEM_COLUMNS, tableName } from '../entities/storageNames';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import type { Operation } from '../metadata/roles/RoleDefinition';
import type { EntityDefinition } from '../metadata/types';
import { inflection } from '../schema/inflection';
import { rowFilterOf } from './compiler/rowFilter';
import { and, ident, SqlBuilder } from './compiler/SqlBuilder';
import type { RequestContext } from './context';

/**
 * Why a write of one record reached no row, as the error to throw (contract section 4,
 * issue 5): NOT_FOUND when it is missing or the caller cannot see it (so nothing is learnt
 * about invisible records), FORBIDDEN when they see it but the operation's scope excludes
 * it, otherwise CONFLICT on the version.
 */
export async function explainMissing(
  db: Queryable,
  context: RequestContext,
  entity: EntityDefinition,
  id: string,
  operation: Operation,
  expectedVersion?: number | null,
): Promise<never> {
  const typeName = inflection.typeName(entity);
  const sql = new SqlBuilder();
  const where = and([`r.id = ${sql.param(id, 'uuid')}`, rowFilterOf(context, 'read')(entity, 'r', sql)]);
  const allowed = rowFilterOf(context, operation)(entity, 'r', sql) ?? 'TRUE';
  const [row] = await db.query<{ version: number; allowed: boolean }>(
    `SELECT r.${SYSTEM_COLUMNS.version} AS version, (${allowed}) AS allowed FROM ${ident(tableName(entity))} r WHERE ${where}`,
    sql.params,
  );
  if (!row) throw new NotFoundError(typeName, id);
  if (!row.allowed) throw new ForbiddenError(`You may not ${operation} ${typeName} ${id}`);
  throw new ConflictError(`${typeName} ${id} was changed by someone else: version ${row.version}, expected ${expectedVersion}`, {
    currentVersion: row.version,
  });
}
