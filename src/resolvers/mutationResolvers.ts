import type { GraphQLFieldResolver } from 'graphql';
import type { Queryable } from '../entities/database';
import { SYSTEM_COLUMNS, columnName, linkTableNames, tableName } from '../entities/storageNames';
import { BadUserInputError, ConflictError, NotFoundError, type FieldError } from '../errors';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { EntityDefinition } from '../metadata/types';
import { inflection } from '../schema/inflection';
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
      ? `INSERT INTO ${table} (${columns}) VALUES (${placeholders}) RETURNING id`
      : `INSERT INTO ${table} DEFAULT VALUES RETURNING id`;
    return writeThenRead(context, entity, values, info, async (tx) => {
      const [row] = await tx.query<{ id: string }>(sql, params);
      await writeLinks(tx, entity, row!.id, values.links, false);
      await writePeriods(tx, entity, row!.id, temporalWrites(entity, values), undefined);
      return row!.id;
    });
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
    return writeThenRead(context, entity, values, info, async (tx) => {
      const rows = await tx.query(`UPDATE ${table} SET ${assignments.join(', ')} WHERE id = $1::uuid${guard} RETURNING id`, params);
      if (rows.length === 0) {
        const [current] = await tx.query<{ version: number }>(`SELECT ${SYSTEM_COLUMNS.version} FROM ${table} WHERE id = $1::uuid`, [id]);
        if (!current) throw new NotFoundError(typeName, id);
        throw new ConflictError(
          `${typeName} ${id} was changed by someone else: version ${current.version}, expected ${expectedVersion}`,
          { currentVersion: current.version },
        );
      }
      await writeLinks(tx, entity, id, values.links, true);
      await writePeriods(tx, entity, id, temporalWrites(entity, values), validFrom?.toISOString().slice(0, 10));
      return id;
    });
  };
}

/** `delete<Type>(id:)`: returns the id; a record still referenced (restrict) is a CONFLICT. */
export function makeDelete(entity: EntityDefinition): GraphQLFieldResolver<unknown, RequestContext, { id: string }> {
  return async (_source, { id }, context) => {
    const typeName = inflection.typeName(entity);
    if (!isUuid(id)) throw new NotFoundError(typeName, id);
    try {
      const rows = await context.db.query(`DELETE FROM ${ident(tableName(entity))} WHERE id = $1::uuid RETURNING id`, [id]);
      if (rows.length === 0) throw new NotFoundError(typeName, id);
      return id;
    } catch (error) {
      throw translateDatabaseError(context.registry, error, true);
    }
  };
}

/**
 * Runs the write (in a transaction when it spans several statements) and reads the selection
 * back; maps constraint errors to the fields they guard.
 */
async function writeThenRead(
  context: RequestContext,
  entity: EntityDefinition,
  values: ValidatedInput,
  info: Parameters<typeof readRecord>[4],
  write: (tx: Queryable) => Promise<string>,
): Promise<unknown> {
  try {
    if (values.links.length > 0 || temporalWrites(entity, values).length > 0) {
      return await context.db.transaction(async (tx) => readRecord(tx, context, entity, await write(tx), info));
    }
    // One statement is atomic by itself: no BEGIN/COMMIT round trips around it.
    return await readRecord(context.db, context, entity, await write(context.db), info);
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
