import type { GraphQLFieldResolver, GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import { getNamedType } from 'graphql';
import type { Queryable } from '../../entities/database';
import { SYSTEM_COLUMNS, tableName } from '../../entities/storageNames';
import { RECORD_COLUMN, addressTableOf } from '../../entities/traitTables';
import { BadUserInputError, NotFoundError, type FieldError } from '../../errors';
import { ADDRESS_MODEL } from '../../metadata/traits/addressModel';
import type { EntityDefinition } from '../../metadata/types';
import { traitNames, inflection } from '../../schema/inflection';
import { compileRecord } from '../compiler/compileSelection';
import { rowFilterOf } from '../compiler/rowFilter';
import { lockChangeableRecord } from './lockChangeableRecord';
import { QueryContext } from '../compiler/QueryContext';
import { and, ident, SqlBuilder } from '../compiler/SqlBuilder';
import type { RequestContext } from '../context';
import { insertRow } from '../insertRow';
import { isUuid, validateInput, type ColumnValue } from '../validateInput';

type Input = Record<string, unknown>;
const DEFAULT_COLUMN = 'is_default';

/**
 * `add<Type>Address`, `updateAddress`, `deleteAddress` (contract section 6). The record row
 * is locked first, so concurrent writes of one record's addresses run one after the other:
 * clearing the old default and setting the new one happen in one transaction, and the
 * partial unique index refuses two defaults of a kind whatever the order.
 */
export function makeAddAddress(entity: EntityDefinition): GraphQLFieldResolver<unknown, RequestContext, { id: string; input: Input }> {
  return async (_source, { id, input }, context, info) => {
    const columns = addressColumns(entity, input, 'create');
    if (!isUuid(id)) throw new NotFoundError(inflection.typeName(entity), id);
    return context.db.transaction(async (tx) => {
      await lockChangeableRecord(tx, context, entity, id);
      const kind = columns.find((c) => c.column === 'kind')!.value as string;
      if (columns.some((c) => c.column === DEFAULT_COLUMN && c.value === true)) await clearDefault(tx, entity, id, kind);
      const addressId = await insertRow(tx, addressTableOf(entity), [{ column: RECORD_COLUMN, value: id, sqlType: 'uuid' }, ...columns]);
      return readAddress(tx, context, entity, addressId, info);
    });
  };
}

export function makeUpdateAddress(entities: readonly EntityDefinition[]): GraphQLFieldResolver<unknown, RequestContext, { id: string; input: Input }> {
  return async (_source, { id, input }, context, info) => {
    const found = isUuid(id) ? await findAddress(context.db, entities, id) : undefined;
    if (!found) throw new NotFoundError(traitNames.address, id);
    const { entity, recordId } = found;
    const columns = addressColumns(entity, input, 'update');
    const table = ident(addressTableOf(entity));
    return context.db.transaction(async (tx) => {
      await lockChangeableRecord(tx, context, entity, recordId);
      const [current] = await tx.query<{ kind: string }>(`SELECT kind FROM ${table} WHERE id = $1::uuid`, [id]);
      if (!current) throw new NotFoundError(traitNames.address, id);
      const kind = (columns.find((c) => c.column === 'kind')?.value as string | undefined) ?? current.kind;
      if (columns.some((c) => c.column === DEFAULT_COLUMN && c.value === true)) await clearDefault(tx, entity, recordId, kind, id);
      const assignments = columns.map((c, i) => `${ident(c.column)} = $${i + 2}::${c.sqlType}`);
      assignments.push(`${SYSTEM_COLUMNS.version} = ${SYSTEM_COLUMNS.version} + 1`, `${SYSTEM_COLUMNS.updatedAt} = now()`);
      await tx.query(`UPDATE ${table} SET ${assignments.join(', ')} WHERE id = $1::uuid`, [id, ...columns.map((c) => c.value)]);
      return readAddress(tx, context, entity, id, info);
    });
  };
}

export function makeDeleteAddress(entities: readonly EntityDefinition[]): GraphQLFieldResolver<unknown, RequestContext, { id: string }> {
  return async (_source, { id }, context) => {
    if (!isUuid(id) || entities.length === 0) throw new NotFoundError(traitNames.address, id);
    // One statement over every address table: the id is unique across them (random UUIDs).
    // Only addresses of records the caller may update are deleted (issue 5).
    const sql = new SqlBuilder(rowFilterOf(context, 'update'));
    const address = sql.param(id, 'uuid');
    const deletes = entities.map((e, i) => {
      const changeable = and([`r.id = a.${RECORD_COLUMN}`, sql.visible(e, 'r')]);
      return `d${i} AS (DELETE FROM ${ident(addressTableOf(e))} a WHERE a.id = ${address} AND EXISTS (SELECT 1 FROM ${ident(tableName(e))} r WHERE ${changeable}) RETURNING a.id)`;
    });
    const statement = `WITH ${deletes.join(', ')} ${entities.map((_e, i) => `SELECT id FROM d${i}`).join(' UNION ALL ')}`;
    const rows = await context.db.query(statement, sql.params);
    if (rows.length === 0) throw new NotFoundError(traitNames.address, id);
    return id;
  };
}

/** The input checked against the address model and the type's `addressKinds`, every problem at once. */
function addressColumns(entity: EntityDefinition, input: Input, mode: 'create' | 'update'): readonly ColumnValue[] {
  const errors: FieldError[] = [];
  if (typeof input.kind === 'string' && !entity.addressKinds.includes(input.kind)) {
    errors.push({ field: 'kind', message: `must be one of: ${entity.addressKinds.join(', ')}` });
  }
  let columns: readonly ColumnValue[] = [];
  try {
    columns = validateInput(ADDRESS_MODEL, input, mode).columns;
  } catch (error) {
    if (!(error instanceof BadUserInputError)) throw error;
    errors.push(...error.fieldErrors);
  }
  if (errors.length > 0) throw new BadUserInputError(errors);
  return columns;
}

async function clearDefault(tx: Queryable, entity: EntityDefinition, recordId: string, kind: string, except?: string) {
  await tx.query(
    `UPDATE ${ident(addressTableOf(entity))} SET ${DEFAULT_COLUMN} = false, ${SYSTEM_COLUMNS.version} = ${SYSTEM_COLUMNS.version} + 1, ` +
      `${SYSTEM_COLUMNS.updatedAt} = now() WHERE ${RECORD_COLUMN} = $1::uuid AND kind = $2 AND ${DEFAULT_COLUMN}` +
      (except ? ' AND id <> $3::uuid' : ''),
    except ? [recordId, kind, except] : [recordId, kind],
  );
}

/** Which type's table holds the address, in one statement over all of them. */
async function findAddress(db: Queryable, entities: readonly EntityDefinition[], id: string) {
  if (entities.length === 0) return undefined;
  const sql = entities
    .map((e, i) => `SELECT ${i} AS entity, ${RECORD_COLUMN} AS record FROM ${ident(addressTableOf(e))} WHERE id = $1::uuid`)
    .join(' UNION ALL ');
  const [row] = await db.query<{ entity: number; record: string }>(sql, [id]);
  return row ? { entity: entities[row.entity]!, recordId: row.record } : undefined;
}

async function readAddress(db: Queryable, context: RequestContext, entity: EntityDefinition, id: string, info: GraphQLResolveInfo) {
  const query = QueryContext.fromInfo(context.registry, info, rowFilterOf(context, 'read'));
  const type = getNamedType(info.returnType) as GraphQLObjectType;
  const a = query.sql.alias();
  const record = compileRecord(query, type, info.fieldNodes, a);
  const [row] = await db.query<{ address: unknown }>(
    `SELECT ${record} AS address FROM ${ident(addressTableOf(entity))} ${a} WHERE ${a}.id = ${query.sql.param(id, 'uuid')}`,
    query.sql.params,
  );
  return row!.address;
}
