import type { FieldNode, GraphQLObjectType } from 'graphql';
import { getNamedType } from 'graphql';
import { tableName } from '../../entities/storageNames';
import type { EntityDefinition } from '../../metadata/types';
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
  const columns: string[] = [];
  const out: (readonly [string, string])[] = [];
  let needsRows = false;
  let needsCursor = false;
  const rowOrder = page.backward ? 'q.rn DESC' : 'q.rn';
  const inPage = `FILTER (WHERE q.rn <= ${page.limit})`;
  const aggregate = (expr: string) => `coalesce(json_agg(${expr} ORDER BY ${rowOrder}) ${inPage}, '[]'::json)`;

  for (const [key, fieldNodes] of ctx.subfields(type, nodes)) {
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
      columns.push(`${compileRecord(ctx, fieldType!, fieldNodes, t)} AS ${ident(`n_${key}`)}`);
      out.push([key, aggregate(`q.${ident(`n_${key}`)}`)]);
    } else if (name === 'edges') {
      needsRows = true;
      const edge: (readonly [string, string])[] = [];
      for (const [edgeKey, edgeNodes] of ctx.subfields(fieldType!, fieldNodes)) {
        const edgeField = edgeNodes[0]!.name.value;
        if (edgeField === '__typename') edge.push([edgeKey, nameLiteral(fieldType!.name)]);
        else if (edgeField === 'cursor') {
          needsCursor = true;
          edge.push([edgeKey, 'q.c']);
        } else {
          const column = ident(`e_${key}_${edgeKey}`);
          const nodeType = getNamedType(fieldType!.getFields()[edgeField]!.type) as GraphQLObjectType;
          columns.push(`${compileRecord(ctx, nodeType, edgeNodes, t)} AS ${column}`);
          edge.push([edgeKey, `q.${column}`]);
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
          needsCursor = true;
          const toward = (infoField === 'startCursor') !== page.backward ? 'q.rn' : 'q.rn DESC';
          info.push([infoKey, `(array_agg(q.c ORDER BY ${toward}) ${inPage})[1]`]);
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
  const order = orderBySql(keys, t, page.backward);
  const where = and(conditions);
  const select = [
    `row_number() OVER (ORDER BY ${order}) AS rn`,
    needsCursor ? `${cursorSql(cursorValueSql(keys, t))} AS c` : 'NULL::text AS c',
    ...columns,
  ];
  const rows = `SELECT ${select.join(', ')} FROM ${table} ${t}${where ? ` WHERE ${where}` : ''} ORDER BY ${order} LIMIT ${page.limit + 1}`;
  return `(SELECT ${jsonObject(out)} FROM (${rows}) q)`;
}
