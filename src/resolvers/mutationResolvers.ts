import { getNamedType, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import type { Queryable } from '../entities/database';
import { SYSTEM_COLUMNS, columnName, linkTableNames, tableName } from '../entities/storageNames';
import { BadUserInputError, ConflictError, NotFoundError, type FieldError } from '../errors';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { EntityDefinition } from '../metadata/types';
import { inflection } from '../schema/inflection';
import { compileWrittenRecord, readsOnlyOtherRows } from './compiler/compileSelection';
import { QueryContext } from './compiler/QueryContext';
import { ident } from './compiler/SqlBuilder';
import type { RequestContext } from './context';
import { translateDatabaseError } from './databaseErrors';
import { readRecord } from './readResolvers';
import { temporalWrites, writePeriods } from './temporalPeriods';
import { isUuid, validateInput, type LinkValue, type ValidatedInput } from './validateInput';

type Input = Record<string, unknown>;

/** `create<Type>(input:)`: validates, inserts row and links in one transaction, returns the selection. */
export function makeCreate(entity: EntityDefinition): GraphQLFieldResolver<unknown, RequestContext, { input: Input }> {
  return async (_source, { input }, context, info) => {
    const values = validateInput(entity, input, 'create');
    const table = ident(tableName(entity));
    const params = values.columns.map((c) => c.value);
    const columns = values.columns.map((c) => ident(c.column)).join(', ');
    const placeholders = values.columns.map((c, i) => `$${i + 1}::${c.sqlType}`).join(', ');
    const sql = values.columns.length
      ? `INSERT INTO ${table} (${columns}) VALUES (${placeholders})`
      : `INSERT INTO ${table} DEFAULT VALUES`;
    return writeThenRead(context, entity, values, info, { sql, params, replaceLinks: false });
  };
}

/** `update<Type>(id:, input:, expectedVersion:)`: optimistic locking by version (contract sections 3, 4). */
export function makeUpdate(
  entity: EntityDefinition,
): GraphQLFieldResolver<unknown, RequestContext, { id: string; input: Input; expectedVersion?: number | null; validFrom?: Date | null }> {
  return async (_source, { id, input, expectedVersion, validFrom }, context, info) => {
    const values = validateInput(entity, input, 'update');
    const typeName = inflection.typeName(entity);
    if (!isUuid(id)) throw new NotFoundError(typeName, id);
    const table = ident(tableName(entity));
    const params: unknown[] = [id, ...values.columns.map((c) => c.value)];
    const assignments = values.columns.map((c, i) => `${ident(c.column)} = $${i + 2}::${c.sqlType}`);
    assignments.push(`${SYSTEM_COLUMNS.version} = ${SYSTEM_COLUMNS.version} + 1`, `${SYSTEM_COLUMNS.updatedAt} = now()`);
    let guard = '';
    if (expectedVersion != null) {
      params.push(expectedVersion);
      guard = ` AND ${SYSTEM_COLUMNS.version} = $${params.length}`;
    }
    return writeThenRead(context, entity, values, info, {
      sql: `UPDATE ${table} SET ${assignments.join(', ')} WHERE id = $1::uuid${guard}`,
      params,
      replaceLinks: true,
      ...(validFrom && { validFrom: validFrom.toISOString().slice(0, 10) }),
      nothingWritten: async (db) => {
        const [current] = await db.query<{ version: number }>(`SELECT ${SYSTEM_COLUMNS.version} FROM ${table} WHERE id = $1::uuid`, [id]);
        if (!current) throw new NotFoundError(typeName, id);
        throw new ConflictError(
          `${typeName} ${id} was changed by someone else: version ${current.version}, expected ${expectedVersion}`,
          { currentVersion: current.version },
        );
      },
    });
  };
}

/** `delete<Type>(id:)`: returns the id; a record still referenced (restrict) is a CONFLICT. */
export function makeDelete(entity: EntityDefinition): GraphQLFieldResolver<unknown, RequestContext, { id: string }> {
  return async (_source, { id }, context) => {
    const typeName = inflection.typeName(entity);
    if (!isUuid(id)) throw new NotFoundError(typeName, id);
    try {
      const rows = await context.db.query(`DELETE FROM ${ident(tableName(entity))} WHERE id = $1::uuid RETURNING id`, [id], {
        prepare: true,
      });
      if (rows.length === 0) throw new NotFoundError(typeName, id);
      return id;
    } catch (error) {
      throw translateDatabaseError(context.registry, error, true);
    }
  };
}

/** An INSERT or UPDATE of one row, without RETURNING. */
interface RowWrite {
  readonly sql: string;
  readonly params: unknown[];
  /** Link rows replace the current ones (update) or are added (create). */
  readonly replaceLinks: boolean;
  /** The day the temporal fields written take their values (update's `validFrom`; default today). */
  readonly validFrom?: string;
  /** Throws the reason when the statement wrote no row (update: missing, or version changed). */
  readonly nothingWritten?: (db: Queryable) => Promise<never>;
}

/**
 * Runs the write and reads the selection back; maps constraint errors to the fields they
 * guard. Without link rows or temporal fields and when the selection reads no other row of the
 * table, write and read are one statement (atomic by itself, one round trip); else the row's
 * write, its links, its field periods and the read run in a transaction.
 */
async function writeThenRead(
  context: RequestContext,
  entity: EntityDefinition,
  values: ValidatedInput,
  info: GraphQLResolveInfo,
  write: RowWrite,
): Promise<unknown> {
  const periods = temporalWrites(entity, values);
  const severalStatements = values.links.length > 0 || periods.length > 0;
  try {
    if (!severalStatements) {
      const query = QueryContext.fromInfo(context.registry, info, [...write.params]);
      const type = getNamedType(info.returnType) as GraphQLObjectType;
      if (readsOnlyOtherRows(query, entity, type, info.fieldNodes)) {
        const sql = compileWrittenRecord(query, type, info.fieldNodes, write.sql);
        const rows = await context.db.query<{ record: unknown }>(sql, query.sql.params, { prepare: query.sql.preparable });
        if (rows.length === 0) return await write.nothingWritten!(context.db);
        return rows[0]!.record;
      }
    }
    const run = async (tx: Queryable) => {
      // Writes by primary key or without conditions: their plan never depends on the values.
      const rows = await tx.query<{ id: string }>(`${write.sql} RETURNING id`, write.params, { prepare: true });
      if (rows.length === 0) return await write.nothingWritten!(tx);
      await writeLinks(tx, entity, rows[0]!.id, values.links, write.replaceLinks);
      await writePeriods(tx, entity, rows[0]!.id, periods, write.validFrom);
      return readRecord(tx, context, entity, rows[0]!.id, info);
    };
    return await (severalStatements ? context.db.transaction(run) : run(context.db));
  } catch (error) {
    const translated = translateDatabaseError(context.registry, error);
    if (translated instanceof BadUserInputError) {
      // The database names only the first missing reference: name them all.
      const missing = await missingReferences(context.db, context.registry, entity, values);
      throw missing.length > 0 ? new BadUserInputError(missing) : translated;
    }
    throw translated;
  }
}

async function writeLinks(tx: Queryable, entity: EntityDefinition, id: string, links: readonly LinkValue[], replace: boolean) {
  for (const { field, ids } of links) {
    const names = linkTableNames(entity, field);
    if (replace) await tx.query(`DELETE FROM ${ident(names.table)} WHERE ${ident(names.sourceColumn)} = $1::uuid`, [id]);
    if (ids.length === 0) continue;
    await tx.query(
      `INSERT INTO ${ident(names.table)} (${ident(names.sourceColumn)}, ${ident(names.targetColumn)}) SELECT $1::uuid, unnest($2::uuid[])`,
      [id, ids],
    );
  }
}

/** Every reference in the input whose target does not exist, in one statement. */
async function missingReferences(db: Queryable, registry: MetadataRegistry, entity: EntityDefinition, values: ValidatedInput) {
  const checks: { field: string; table: string; ids: string[] }[] = [];
  for (const field of entity.fields) {
    const target = field.target ? tableName(registry.get(field.target)) : undefined;
    if (!target) continue;
    if (field.type === 'reference') {
      const value = values.columns.find((c) => c.column === columnName(field))?.value;
      if (typeof value === 'string') checks.push({ field: field.name, table: target, ids: [value] });
    } else {
      const link = values.links.find((l) => l.field === field);
      if (link && link.ids.length > 0) checks.push({ field: field.name, table: target, ids: [...link.ids] });
    }
  }
  if (checks.length === 0) return [];
  const sql = checks
    .map((c, i) => `SELECT ${i} AS check, count(*)::int AS found FROM ${ident(c.table)} WHERE id = ANY($${i + 1}::uuid[])`)
    .join(' UNION ALL ');
  const rows = await db.query<{ check: number; found: number }>(sql, checks.map((c) => c.ids));
  const errors: FieldError[] = [];
  for (const row of rows) {
    const check = checks[row.check]!;
    if (row.found < check.ids.length) errors.push({ field: check.field, message: 'refers to a record that does not exist' });
  }
  return errors;
}
