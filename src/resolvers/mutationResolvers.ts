import {
  getNamedType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import type { Queryable } from '../entities/database';
import { SYSTEM_COLUMNS, columnName, linkTableNames, tableName } from '../entities/storageNames';
import { BadUserInputError, ConflictError, NotFoundError, type FieldError } from '../errors';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { EntityDefinition } from '../metadata/types';
import { inflection } from '../schema/inflection';
import { auditCte, cascadeAuditCtes, changesSql, linkedIdsSql, type AuditedField } from './auditSql';
import { compileWrittenRecord, readsOnlyOtherRows } from './compiler/compileSelection';
import { QueryContext } from './compiler/QueryContext';
import { rowFilterOf } from './compiler/rowFilter';
import { and, ident, SqlBuilder } from './compiler/SqlBuilder';
import type { RequestContext } from './context';
import { translateDatabaseError } from './databaseErrors';
import { explainMissing } from './explainMissing';
import { refuseInvisibleReferences } from './invisibleReferences';
import { ownedValuesOnCreate, reassignValues } from './ownedValues';
import { readRecord } from './readResolvers';
import { temporalWrites, writePeriods } from './temporalPeriods';
import { refusedListValues, listValuesGuard, validateWithListValues } from './traits/listValueGuard';
import { isUuid, type LinkValue, type ValidatedInput } from './validateInput';

type Input = Record<string, unknown>;

/**
 * The selection a write answers with its record: graphql-js's, or (`server/compiledQueryPlugin`)
 * the operation's own field, answered with PostgreSQL's JSON text. Without graphql-js's `info`
 * only a write whose one statement also reads the answer runs (see `OnlyOneStatementError`).
 */
export interface WriteSelection {
  readonly schema: GraphQLSchema;
  readonly fragments: Record<string, FragmentDefinitionNode>;
  readonly variables: Record<string, unknown>;
  /** The field's named return type (the record type). */
  readonly type: GraphQLObjectType;
  readonly fieldNodes: readonly FieldNode[];
  readonly asText: boolean;
  readonly info?: GraphQLResolveInfo;
}

/** A root mutation that answers with the record it wrote, for a selection given with or without `info`. */
export interface RootWrite {
  answer(context: RequestContext, args: Record<string, unknown>, selection: WriteSelection): Promise<unknown>;
}

/**
 * Thrown, before anything is written, when a write given no `info` would take several
 * statements (links, temporal fields, a selection reading other rows of its table): the
 * caller runs it through graphql-js instead.
 */
export class OnlyOneStatementError extends Error {
  constructor() {
    super('This write takes several statements: it is answered through graphql-js');
    this.name = 'OnlyOneStatementError';
  }
}

const rootWrites = new WeakMap<object, RootWrite>();

/** The write behind a mutation field's resolver, if it is one (`server/compiledPlan`). */
export function rootWriteOf(resolve: unknown): RootWrite | undefined {
  return typeof resolve === 'function' ? rootWrites.get(resolve) : undefined;
}

// Each mutation has its own args: graphql-js types such a resolver's args as any.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function rootWriter(write: RootWrite): GraphQLFieldResolver<unknown, RequestContext, any> {
  const resolve: GraphQLFieldResolver<unknown, RequestContext, Record<string, unknown>> = (_source, args, context, info) =>
    write.answer(context, args, {
      schema: info.schema,
      fragments: info.fragments,
      variables: info.variableValues,
      type: getNamedType(info.returnType) as GraphQLObjectType,
      fieldNodes: info.fieldNodes,
      asText: false,
      info,
    });
  rootWrites.set(resolve, write);
  return resolve;
}

/**
 * `create<Type>(input:)`: validates, inserts the row with its audit entry in one statement
 * (links in the same transaction), returns the selection. An owned record belongs to its
 * creator, their first team and first area; the create scope must allow that (issue 5).
 * List fields take active values only, checked in the same statement (`listValuesGuard`).
 */
export function makeCreate(entity: EntityDefinition): GraphQLFieldResolver<unknown, RequestContext, { input: Input }> {
  return rootWriter({ answer: (context, { input }, selection) => create(context, entity, input as Input, selection) });
}

async function create(context: RequestContext, entity: EntityDefinition, input: Input, selection: WriteSelection): Promise<unknown> {
  const values = await validateWithListValues(context.db, entity, input, 'create');
  const columns = [...values.columns, ...ownedValuesOnCreate(entity, context)];
  const sql = new SqlBuilder();
  const table = ident(tableName(entity));
  const written = columns.map((c) => ({ field: c.field, value: sql.param(c.value, c.sqlType) }));
  const guard = listValuesGuard(written);
  const insert = columns.length
    ? `INSERT INTO ${table} (${columns.map((c) => ident(c.column)).join(', ')}) ${guard ? `SELECT ${written.map((w) => w.value).join(', ')} WHERE ${guard}` : `VALUES (${written.map((w) => w.value).join(', ')})`}`
    : `INSERT INTO ${table} DEFAULT VALUES`;
  const audited: AuditedField[] = [
    ...written.map(({ field, value }) => ({ field, new: value })),
    ...values.links.map((l) => ({ field: l.field, new: sql.param(l.ids, 'uuid[]') })),
  ];
  const ctes = [`w AS (${insert} RETURNING *)`, auditCte(sql, context.viewer, entity, 'create', 'w', changesSql(audited))];
  return writeThenRead(context, entity, values, selection, {
    sql,
    ctes,
    replaceLinks: false,
    nothingWritten: async (db) => {
      await refusedListValues(db, entity, input);
      throw new ConflictError('A list value changed while the record was written; try again');
    },
  });
}

/** `update<Type>(id:, input:, expectedVersion:)`: optimistic locking by version (contract sections 3, 4). */
export function makeUpdate(
  entity: EntityDefinition,
): GraphQLFieldResolver<unknown, RequestContext, UpdateArgs> {
  return rootWriter({ answer: (context, args, selection) => update(context, entity, args as unknown as UpdateArgs, selection) });
}

interface UpdateArgs {
  readonly id: string;
  readonly input: Input;
  readonly expectedVersion?: number | null;
  readonly validFrom?: Date | null;
}

async function update(
  context: RequestContext,
  entity: EntityDefinition,
  { id, input, expectedVersion, validFrom }: UpdateArgs,
  selection: WriteSelection,
): Promise<unknown> {
  const values = await validateWithListValues(context.db, entity, input, 'update', id);
  if (!isUuid(id)) throw new NotFoundError(inflection.typeName(entity), id);
  const sql = new SqlBuilder(rowFilterOf(context, 'update'));
  const assigned = values.columns.map((c) => ({ field: c.field, column: c.column, value: sql.param(c.value, c.sqlType) }));
  const audited: AuditedField[] = [
    ...assigned.map(({ field, column, value }) => ({ field, old: `old.${ident(column)}`, new: value })),
    ...values.links.map((l) => ({ field: l.field, old: linkedIdsSql(entity, l.field, 'old'), new: sql.param(l.ids, 'uuid[]') })),
  ];
  const versionGuard = expectedVersion != null ? `t.${SYSTEM_COLUMNS.version} = ${sql.param(expectedVersion, 'integer')}` : undefined;
  const guard = and([versionGuard, listValuesGuard(assigned, 'old')]);
  const ctes = rowUpdate(sql, context, entity, id, 'update', assigned.map(({ column, value }) => `${ident(column)} = ${value}`), audited, guard);
  return writeThenRead(context, entity, values, selection, {
    sql,
    ctes,
    replaceLinks: true,
    ...(validFrom && { validFrom: validFrom.toISOString().slice(0, 10) }),
    nothingWritten: async (db) => {
      await refusedListValues(db, entity, input, id);
      return explainMissing(db, context, entity, id, 'update', expectedVersion);
    },
  });
}

/** `reassign<Type>(id:, owner:, team:, area:)`: the owned trait's own permission (contract section 6). */
export function makeReassign(
  entity: EntityDefinition,
): GraphQLFieldResolver<unknown, RequestContext, { id: string; owner?: string | null; team?: string | null; area?: string | null }> {
  return async (_source, args, context, info) => {
    const columns = reassignValues(entity, args);
    if (!isUuid(args.id)) throw new NotFoundError(inflection.typeName(entity), args.id);
    const sql = new SqlBuilder(rowFilterOf(context, 'reassign'));
    const assigned = columns.map((c) => ({ column: c, value: sql.param(c.value, c.sqlType) }));
    const audited = assigned.map(({ column, value }) => ({ field: column.field, old: `old.${ident(column.column)}`, new: value }));
    const ctes = rowUpdate(sql, context, entity, args.id, 'reassign', assigned.map(({ column, value }) => `${ident(column.column)} = ${value}`), audited);
    try {
      const rows = await context.db.query(`WITH ${ctes.join(',\n')} SELECT id FROM w`, sql.params);
      if (rows.length === 0) await explainMissing(context.db, context, entity, args.id, 'reassign');
    } catch (error) {
      throw translateDatabaseError(context.registry, error);
    }
    // null when the new owner, team or area takes the record out of the caller's sight
    return readRecord(context.db, context, entity, args.id, info);
  };
}

/** `delete<Type>(id:)`: returns the id; a record still referenced (restrict) is a CONFLICT. */
export function makeDelete(entity: EntityDefinition): GraphQLFieldResolver<unknown, RequestContext, { id: string }> {
  return async (_source, { id }, context) => {
    if (!isUuid(id)) throw new NotFoundError(inflection.typeName(entity), id);
    const sql = new SqlBuilder(rowFilterOf(context, 'delete'));
    const table = ident(tableName(entity));
    const audited = entity.fields.filter((f) => f.type !== 'references').map((field) => ({ field, old: `old.${ident(columnName(field))}` }));
    const statement = `WITH ${oldRowCte(sql, entity, id)},
      w AS (DELETE FROM ${table} t USING old WHERE t.id = old.id RETURNING t.id),
      ${[auditCte(sql, context.viewer, entity, 'delete', 'w, old', changesSql(audited)), ...cascadeAuditCtes(sql, context.viewer, context.registry, entity)].join(',\n      ')}
      SELECT id FROM w`;
    try {
      const rows = await context.db.query(statement, sql.params);
      if (rows.length === 0) await explainMissing(context.db, context, entity, id, 'delete');
      return id;
    } catch (error) {
      throw translateDatabaseError(context.registry, error, true);
    }
  };
}

/** The row as it was, locked, if the statement's row filter reaches it. */
function oldRowCte(sql: SqlBuilder, entity: EntityDefinition, id: string): string {
  const where = and([`r.id = ${sql.param(id, 'uuid')}`, sql.visible(entity, 'r')]);
  return `old AS (SELECT r.* FROM ${ident(tableName(entity))} r WHERE ${where} FOR UPDATE)`;
}

/**
 * The CTEs of an UPDATE of one reachable row with a new version and its audit entry; `w`
 * returns the row. `guard`: what else the row (`t`, as it was: `old`) and the values must meet.
 */
function rowUpdate(
  sql: SqlBuilder,
  context: RequestContext,
  entity: EntityDefinition,
  id: string,
  action: 'update' | 'reassign',
  assignments: readonly string[],
  audited: readonly AuditedField[],
  guard?: string,
): string[] {
  const old = oldRowCte(sql, entity, id);
  const set = [...assignments, `${SYSTEM_COLUMNS.version} = t.${SYSTEM_COLUMNS.version} + 1`, `${SYSTEM_COLUMNS.updatedAt} = now()`];
  const where = and(['t.id = old.id', guard]);
  return [
    old,
    `w AS (UPDATE ${ident(tableName(entity))} t SET ${set.join(', ')} FROM old WHERE ${where} RETURNING t.*)`,
    auditCte(sql, context.viewer, entity, action, 'w, old', changesSql(audited)),
  ];
}

/** A write as CTEs ending in `w`, which returns the written row (`RETURNING *`), and its parameters. */
interface RowWrite {
  readonly sql: SqlBuilder;
  readonly ctes: readonly string[];
  /** Link rows replace the current ones (update) or are added (create). */
  readonly replaceLinks: boolean;
  /** The day the temporal fields written take their values (update's `validFrom`; default today). */
  readonly validFrom?: string;
  /** Throws the reason when the statement wrote no row (a list value refused; update: missing, invisible, outside the scope, or version changed). */
  readonly nothingWritten: (db: Queryable) => Promise<never>;
}

/**
 * Runs the write with its audit entry and reads the selection back; maps constraint errors
 * to the fields they guard. Without link rows or temporal fields and when the selection reads
 * no other row of the table, write, audit entry and selection are one statement (atomic by
 * itself, one round trip); else the write, its links, its field periods and the read run in a
 * transaction.
 */
async function writeThenRead(
  context: RequestContext,
  entity: EntityDefinition,
  values: ValidatedInput,
  selection: WriteSelection,
  write: RowWrite,
): Promise<unknown> {
  await refuseInvisibleReferences(context, entity, values);
  const withClause = `WITH ${write.ctes.join(',\n')}`;
  const periods = temporalWrites(entity, values);
  const severalStatements = values.links.length > 0 || periods.length > 0;
  const { schema, fragments, variables, type, fieldNodes, asText, info } = selection;
  try {
    if (!severalStatements) {
      const query = new QueryContext(context.registry, schema, fragments, variables, rowFilterOf(context, 'read'), write.sql.params);
      if (readsOnlyOtherRows(query, entity, type, fieldNodes)) {
        const rows = await context.db.query<{ record: unknown }>(compileWrittenRecord(query, type, fieldNodes, withClause, asText), query.sql.params, {
          prepare: query.sql.preparable,
        });
        if (rows.length === 0) return await write.nothingWritten(context.db);
        return rows[0]!.record;
      }
    }
    // Nothing is written yet: a caller without graphql-js's info runs the write through it instead.
    if (!info) throw new OnlyOneStatementError();
    const run = async (tx: Queryable) => {
      const rows = await tx.query<{ id: string }>(`${withClause} SELECT id FROM w`, write.sql.params);
      if (rows.length === 0) return await write.nothingWritten(tx);
      await writeLinks(tx, entity, rows[0]!.id, values.links, write.replaceLinks);
      await writePeriods(tx, entity, periods.map((p) => ({ ...p, id: rows[0]!.id, validFrom: write.validFrom })));
      return readRecord(tx, context, entity, rows[0]!.id, info);
    };
    return await (severalStatements ? context.db.transaction(run) : run(context.db));
  } catch (error) {
    const translated = translateDatabaseError(context.registry, error);
    if (translated instanceof BadUserInputError) {
      // The database names only the first missing reference, and a refused list value stops
      // the statement before the foreign keys are checked: name every missing reference too.
      const missing = await missingReferences(context.db, context.registry, entity, values);
      throw missing.length > 0
        ? new BadUserInputError([...translated.fieldErrors.filter((e) => !missing.some((m) => m.field === e.field)), ...missing])
        : translated;
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
