import { tableName } from '../../entities/storageNames';
import type { Queryable } from '../../entities/database';
import { NotFoundError } from '../../errors';
import type { EntityDefinition } from '../../metadata/types';
import { inflection } from '../../schema/inflection';
import { rowFilterOf } from '../compiler/rowFilter';
import { and, ident, SqlBuilder } from '../compiler/SqlBuilder';
import type { RequestContext } from '../context';

/**
 * Locks the record a trait mutation changes (its addresses, attributes) for the rest of the
 * transaction, and answers NOT_FOUND unless the caller may update it: trait rows are changed
 * with their record's rights (issue 5), so an invisible record does not exist for them.
 */
export async function lockChangeableRecord(tx: Queryable, context: RequestContext, entity: EntityDefinition, id: string): Promise<void> {
  const sql = new SqlBuilder(rowFilterOf(context, 'update'));
  const where = and([`r.id = ${sql.param(id, 'uuid')}`, sql.visible(entity, 'r')]);
  const rows = await tx.query(`SELECT 1 FROM ${ident(tableName(entity))} r WHERE ${where} FOR UPDATE`, sql.params);
  if (rows.length === 0) throw new NotFoundError(inflection.typeName(entity), id);
}
