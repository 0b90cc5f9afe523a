import type { GraphQLFieldResolver } from 'graphql';
import { AUDIT_TABLE } from '../entities/engineTables';
import { toManyRelationsOf } from '../entities/relations';
import { SYSTEM_FIELDS, columnName, linkTableNames, tableName } from '../entities/storageNames';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../errors';
import type { EntityDefinition } from '../metadata/types';
import { inflection } from '../schema/inflection';
import { rowFilterOf } from './compiler/rowFilter';
import { and, ident, SqlBuilder } from './compiler/SqlBuilder';
import type { RequestContext } from './context';
import { eraseStatement } from './erasure';
import { isUuid } from './validateInput';

type Args = { type: string; id: string };

/**
 * `exportPersonalData(type:, id:)` (issue 5, GDPR): everything held about one record as
 * JSON: the record with every field, the records referencing it (by relation), and its
 * audit entries. For roles with personal-data access; the record must be visible to them.
 */
export function makeExportPersonalData(): GraphQLFieldResolver<unknown, RequestContext, Args> {
  return async (_source, args, context) => {
    const entity = checkedEntity(context, args);
    const record = await readRows(context, entity, (r, sql) => and([`${r}.id = ${sql.param(args.id, 'uuid')}`, sql.visible(entity, r)])!);
    if (record.length === 0) throw new NotFoundError(inflection.typeName(entity), args.id);
    const referencedBy: Record<string, unknown[]> = {};
    for (const { name, relation } of toManyRelationsOf(context.registry, entity)) {
      referencedBy[name] = await readRows(context, relation.target, (c, sql) => {
        const parent = sql.param(args.id, 'uuid');
        const belongs =
          relation.kind === 'foreignKey'
            ? `${c}.${ident(relation.foreignKey)} = ${parent}`
            : `${c}.id IN (SELECT l.${ident(relation.otherColumn)} FROM ${ident(relation.linkTable)} l WHERE l.${ident(relation.ownColumn)} = ${parent})`;
        return and([belongs, sql.visible(relation.target, c)])!;
      });
    }
    const audit = await context.db.query(
      `SELECT id::text AS id, at, actor, api_key AS "apiKey", action, changes FROM ${AUDIT_TABLE} WHERE type = $1 AND record_id = $2::uuid ORDER BY id`,
      [entity.name, args.id],
    );
    return { type: entity.name, id: args.id, exportedAt: new Date().toISOString(), record: record[0], referencedBy, audit };
  };
}

/**
 * `erasePersonalData(type:, id:)` (issue 5, GDPR): clears the record's personal and
 * sensitive fields in place (non-personal facts stay, so counts and sums stay right),
 * replaces their values in earlier audit entries by [erased], and is itself audited.
 */
export function makeErasePersonalData(): GraphQLFieldResolver<unknown, RequestContext, Args> {
  return async (_source, args, context) => {
    const entity = checkedEntity(context, args);
    const sql = new SqlBuilder(rowFilterOf(context, 'read'));
    const condition = and([`r.id = ${sql.param(args.id, 'uuid')}`, sql.visible(entity, 'r')])!;
    const rows = await context.db.query(eraseStatement(sql, context.viewer, context.registry, entity, condition, 'anonymise'), sql.params);
    if (rows.length === 0) throw new NotFoundError(inflection.typeName(entity), args.id);
    return args.id;
  };
}

function checkedEntity(context: RequestContext, args: Args): EntityDefinition {
  if (!context.access.personalData) throw new ForbiddenError('Personal data export and erasure need a role with personal-data access');
  const entity = context.registry.find(args.type);
  if (!entity || !context.access.can(entity, 'read')) throw new BadUserInputError([{ field: 'type', message: `unknown type "${args.type}"` }]);
  if (!isUuid(args.id)) throw new NotFoundError(inflection.typeName(entity), args.id);
  return entity;
}

/** Rows of `entity` matching a condition, each as `{ field: value }` with every field and its links. */
async function readRows(
  context: RequestContext,
  entity: EntityDefinition,
  condition: (alias: string, sql: SqlBuilder) => string,
): Promise<Record<string, unknown>[]> {
  const sql = new SqlBuilder(rowFilterOf(context, 'read'));
  const r = sql.alias();
  const pairs = [
    ...Object.entries(SYSTEM_FIELDS).map(([name, { column }]) => `'${name}', ${r}.${ident(column)}`),
    ...entity.fields.map((field) => {
      if (field.type !== 'references') return `'${field.name}', ${r}.${ident(columnName(field))}`;
      const link = linkTableNames(entity, field);
      return `'${field.name}', ARRAY(SELECT l.${ident(link.targetColumn)} FROM ${ident(link.table)} l WHERE l.${ident(link.sourceColumn)} = ${r}.id ORDER BY 1)`;
    }),
  ];
  // jsonb_build_object takes at most 100 arguments: merge chunks of 50 pairs.
  const chunks: string[] = [];
  for (let i = 0; i < pairs.length; i += 50) chunks.push(`jsonb_build_object(${pairs.slice(i, i + 50).join(', ')})`);
  const rows = await context.db.query<{ record: Record<string, unknown> }>(
    `SELECT ${chunks.join(' || ')} AS record FROM ${ident(tableName(entity))} ${r} WHERE ${condition(r, sql)} ORDER BY ${r}.id`,
    sql.params,
  );
  return rows.map((row) => row.record);
}
