import type { FieldNode, GraphQLObjectType } from 'graphql';
import { getNamedType, isAbstractType } from 'graphql';
import { tableName } from '../../entities/storageNames';
import type { EntityDefinition } from '../../metadata/types';
import { inflection } from '../../schema/inflection';
import { compileRecord } from './compileSelection';
import { compileWhere } from './compileWhere';
import { cursorSql, decodeCursor } from './cursor';
import { cursorValueSql, keysetCondition, orderBySql, sortKeysOf } from './ordering';
import { pageOf } from './page';
import type { QueryContext } from './QueryContext';
import { and, ident, jsonObject, nameLiteral } from './SqlBuilder';

export interface ConnectionArgs {
  readonly where?: Record<string, unknown> | null;
  readonly orderBy?: readonly Record<string, string>[] | null;
  readonly first?: number | null;
  readonly after?: string | null;
  readonly last?: number | null;
  readonly before?: string | null;
}

/** Restricts the rows of a nested connection to those of one parent row. */
export type Scope = (alias: string) => string;

/**
 * A connection as one SQL expression yielding its JSON (contract section 3): the page is
 * a sub-select with ORDER BY and LIMIT, so `first` holds per parent when nested; cursors
 * are keyset positions; `totalCount` counts every match.
 */
export function compileConnection(
  ctx: QueryContext,
  entity: EntityDefinition,
  type: GraphQLObjectType,
  nodes: readonly FieldNode[],
  args: ConnectionArgs,
  scope?: Scope,
): string {
  const page = pageOf(args);
  const keys = sortKeysOf(entity, args.orderBy);
  const table = ident(tableName(entity));
  const conditionOn = (alias: string) =>
    and([scope?.(alias), ctx.sql.visible(entity, alias), compileWhere(ctx.registry, entity, args.where, alias, ctx.sql)]);

  const t = ctx.sql.alias();
  const out: (readonly [string, string])[] = [];
  let needsRows = false;
  const subfields = ctx.subfields(type, nodes);
  const needsMore = readsBeyondPage(ctx, type, subfields, page.backward);
  const cursor = () => cursorSql(cursorValueSql(keys, t));
  // The page's rows in the order clients see (reversed: from the end). Only a page with an
  // extra row needs them numbered; otherwise the aggregate orders the page's few rows itself.
  const displayOrder = (reversed: boolean) =>
    needsMore ? `${t}.${ROW_NUMBER} ${page.backward !== reversed ? 'DESC' : 'ASC'}` : orderBySql(keys, t, reversed);
  // The extra row only tells whether there is more: aggregates skip it, and PostgreSQL
  // evaluates an aggregate's argument (the record's JSON) only for rows passing its FILTER.
  const inPage = needsMore ? ` FILTER (WHERE ${t}.${ROW_NUMBER} <= ${page.limit})` : '';
  const aggregate = (expr: string) => `coalesce(json_agg(${expr} ORDER BY ${displayOrder(false)})${inPage}, '[]'::json)`;

  for (const [key, fieldNodes] of subfields) {
    const name = fieldNodes[0]!.name.value;
    const fieldType = getNamedType(type.getFields()[name]?.type) as GraphQLObjectType | undefined;
    if (name === '__typename') {
      out.push([key, nameLiteral(type.name)]);
    } else if (name === 'totalCount') {
      const c = ctx.sql.alias();
      const where = conditionOn(c);
      out.push([key, `(SELECT count(*)::int FROM ${table} ${c}${where ? ` WHERE ${where}` : ''})`]);
    } else if (name === 'nodes') {
      needsRows = true;
      out.push([key, aggregate(recordOf(ctx, entity, fieldType!, fieldNodes, t))]);
    } else if (name === 'edges') {
      needsRows = true;
      const edge: (readonly [string, string])[] = [];
      for (const [edgeKey, edgeNodes] of ctx.subfields(fieldType!, fieldNodes)) {
        const edgeField = edgeNodes[0]!.name.value;
        if (edgeField === '__typename') edge.push([edgeKey, nameLiteral(fieldType!.name)]);
        else if (edgeField === 'cursor') edge.push([edgeKey, cursor()]);
        else {
          const nodeType = getNamedType(fieldType!.getFields()[edgeField]!.type) as GraphQLObjectType;
          edge.push([edgeKey, recordOf(ctx, entity, nodeType, edgeNodes, t)]);
        }
      }
      out.push([key, aggregate(jsonObject(edge))]);
    } else if (name === 'pageInfo') {
      needsRows = true;
      const info: (readonly [string, string])[] = [];
      for (const [infoKey, infoNodes] of ctx.subfields(fieldType!, fieldNodes)) {
        const infoField = infoNodes[0]!.name.value;
        const more = `count(*) > ${page.limit}`;
        if (infoField === '__typename') info.push([infoKey, nameLiteral(fieldType!.name)]);
        else if (infoField === 'hasNextPage') info.push([infoKey, page.backward ? String(args.before != null) : more]);
        else if (infoField === 'hasPreviousPage') info.push([infoKey, page.backward ? more : String(args.after != null)]);
        else {
          const fromEnd = infoField === 'endCursor';
          info.push([infoKey, `(array_agg(${cursor()} ORDER BY ${displayOrder(fromEnd)})${inPage})[1]`]);
        }
      }
      out.push([key, jsonObject(info)]);
    }
  }
  if (!needsRows) return jsonObject(out);

  const conditions = [conditionOn(t)];
  if (args.after != null) {
    conditions.push(keysetCondition(keys, t, decodeCursor(args.after, 'after', keys.map((k) => k.sqlType)), false, ctx.sql));
  }
  if (args.before != null) {
    conditions.push(keysetCondition(keys, t, decodeCursor(args.before, 'before', keys.map((k) => k.sqlType)), true, ctx.sql));
  }
  const where = and(conditions);
  // The page is a plain ORDER BY ... LIMIT (a top-N sort or an index scan that stops early);
  // its rows are numbered (when needed) only after the LIMIT, and the JSON is built outside.
  const rows = `SELECT ${t}.* FROM ${table} ${t}${where ? ` WHERE ${where}` : ''} ORDER BY ${orderBySql(keys, t, page.backward)} LIMIT ${needsMore ? page.limit + 1 : page.limit}`;
  const from = needsMore ? `(SELECT row_number() OVER () AS ${ROW_NUMBER}, ${t}.* FROM (${rows}) ${t})` : `(${rows})`;
  return `(SELECT ${jsonObject(out)} FROM ${from} ${t})`;
}

/** The page row number's column; storage columns are snake_case and never start with "_". */
const ROW_NUMBER = '"_rn"';

/** Whether `pageInfo` asks if there are rows beyond the page in the paging direction. */
function readsBeyondPage(
  ctx: QueryContext,
  type: GraphQLObjectType,
  subfields: Map<string, readonly FieldNode[]>,
  backward: boolean,
): boolean {
  const wanted = backward ? 'hasPreviousPage' : 'hasNextPage';
  const pageInfo = getNamedType(type.getFields().pageInfo?.type) as GraphQLObjectType | undefined;
  for (const fieldNodes of subfields.values()) {
    if (fieldNodes[0]!.name.value !== 'pageInfo' || !pageInfo) continue;
    for (const infoNodes of ctx.subfields(pageInfo, fieldNodes).values()) {
      if (infoNodes[0]!.name.value === wanted) return true;
    }
  }
  return false;
}

/** A node; typed by the `Record` interface (`RecordConnection`), it is compiled as the entity's own type. */
function recordOf(ctx: QueryContext, entity: EntityDefinition, type: GraphQLObjectType, nodes: readonly FieldNode[], alias: string) {
  if (!isAbstractType(type)) return compileRecord(ctx, type, nodes, alias);
  const own = ctx.schema.getType(inflection.typeName(entity)) as GraphQLObjectType;
  return compileRecord(ctx, own, nodes, alias, true);
}
