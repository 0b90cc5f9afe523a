import DataLoader from 'dataloader';
import type { GraphQLFieldResolver } from 'graphql';
import { AUDIT_TABLE } from '../entities/engineTables';
import { BadUserInputError, ForbiddenError } from '../errors';
import type { EntityDefinition } from '../metadata/types';
import { pageOf } from './compiler/page';
import type { RequestContext } from './context';
import { isUuid } from './validateInput';

interface PageArgs {
  readonly first?: number | null;
  readonly after?: string | null;
}

interface AuditRow {
  readonly id: string;
  readonly at: Date;
  readonly actor: string;
  readonly api_key: string | null;
  readonly type: string;
  readonly record_id: string;
  readonly action: string;
  readonly changes: Record<string, { old?: unknown; new?: unknown }>;
  readonly total: number;
}

const COLUMNS = 'a.id::text AS id, a.at, a.actor, a.api_key, a.type, a.record_id, a.action, a.changes';

/**
 * `history(first:, after:)` on every record (issue 5): its audit entries, newest first.
 * The compiler hands over the record's id; ids of one request are batched into one
 * statement per (type, page), so a list of records does not cost a statement per row.
 */
export function makeHistory(entity: EntityDefinition): GraphQLFieldResolver<unknown, RequestContext, PageArgs> {
  return (source, args, context, info) => {
    const recordId = (source as Record<string | number, unknown>)[info.path.key] as string;
    return historyLoader(context, entity, args).load(recordId);
  };
}

/** `auditEntries(type:, recordId:, actor:, first:, after:)`: the whole trail, for roles with audit access. */
export function makeAuditEntries(): GraphQLFieldResolver<unknown, RequestContext, PageArgs & { type?: string | null; recordId?: string | null; actor?: string | null }> {
  return async (_source, args, context) => {
    if (!context.access.audit) throw new ForbiddenError('Reading the audit trail needs a role with audit access');
    const page = pageOf(args);
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (condition: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(condition(`$${params.length}`));
    };
    if (args.type != null) add((p) => `a.type = ${p}`, args.type);
    if (args.recordId != null) {
      if (!isUuid(args.recordId)) return toConnection(context, [], page.limit);
      add((p) => `a.record_id = ${p}::uuid`, args.recordId);
    }
    if (args.actor != null) add((p) => `a.actor = ${p}`, args.actor);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const after = args.after != null ? decodeAuditCursor(args.after) : null;
    params.push(after, page.limit + 1);
    const rows = await context.db.query<AuditRow>(
      `SELECT ${COLUMNS}, (SELECT count(*)::int FROM ${AUDIT_TABLE} a ${filter}) AS total
       FROM ${AUDIT_TABLE} a ${filter ? `${filter} AND` : 'WHERE'} ($${params.length - 1}::bigint IS NULL OR a.id < $${params.length - 1}::bigint)
       ORDER BY a.id DESC LIMIT $${params.length}`,
      params,
    );
    return toConnection(context, rows, page.limit);
  };
}

const loaders = new WeakMap<RequestContext, Map<string, DataLoader<string, unknown>>>();

function historyLoader(context: RequestContext, entity: EntityDefinition, args: PageArgs): DataLoader<string, unknown> {
  let byKey = loaders.get(context);
  if (!byKey) {
    byKey = new Map();
    loaders.set(context, byKey);
  }
  const page = pageOf(args);
  const after = args.after != null ? decodeAuditCursor(args.after) : null;
  const key = `${entity.name}:${page.limit}:${after}`;
  let loader = byKey.get(key);
  if (!loader) {
    loader = new DataLoader<string, unknown>(async (ids) => {
      const rows = await context.db.query<AuditRow & { rid: string }>(
        `SELECT r.rid, e.*, (SELECT count(*)::int FROM ${AUDIT_TABLE} c WHERE c.type = $2 AND c.record_id = r.rid) AS total
         FROM unnest($1::uuid[]) AS r(rid)
         LEFT JOIN LATERAL (
           SELECT ${COLUMNS} FROM ${AUDIT_TABLE} a
           WHERE a.type = $2 AND a.record_id = r.rid AND ($3::bigint IS NULL OR a.id < $3::bigint)
           ORDER BY a.id DESC LIMIT $4
         ) e ON TRUE`,
        [ids, entity.name, after, page.limit + 1],
      );
      return ids.map((id) => {
        const own = rows.filter((row) => row.rid === id);
        return toConnection(context, own.filter((row) => row.id !== null), page.limit, own[0]?.total ?? 0);
      });
    });
    byKey.set(key, loader);
  }
  return loader;
}

function toConnection(context: RequestContext, rows: readonly AuditRow[], limit: number, total = rows[0]?.total ?? 0) {
  const edges = rows.slice(0, limit).map((row) => ({ cursor: encodeAuditCursor(row.id), node: toEntry(context, row) }));
  return {
    totalCount: total,
    nodes: edges.map((e) => e.node),
    edges,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** Values of fields the reader may not read (sensitive, readRoles) are masked. */
function toEntry(context: RequestContext, row: AuditRow) {
  const entity = context.registry.find(row.type);
  // jsonb keeps keys in its own order: give them in the definition's field order.
  const position = (name: string) => entity?.fields.findIndex((f) => f.name === name) ?? -1;
  const entries = Object.entries(row.changes ?? {}).sort(([a], [b]) => position(a) - position(b));
  const changes = entries.map(([name, change]) => {
    const field = entity?.fields.find((f) => f.name === name);
    const readable = entity !== undefined && field !== undefined && context.access.readsField(entity, field);
    return readable
      ? { field: name, old: change.old ?? null, new: change.new ?? null, masked: false }
      : { field: name, old: null, new: null, masked: true };
  });
  return { id: row.id, at: row.at, actor: row.actor, apiKey: row.api_key, type: row.type, recordId: row.record_id, action: row.action, changes };
}

function encodeAuditCursor(id: string): string {
  return Buffer.from(`audit:${id}`).toString('base64');
}

function decodeAuditCursor(cursor: string): string {
  const match = /^audit:(\d{1,18})$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!match) throw new BadUserInputError([{ field: 'after', message: 'is not a cursor of this list' }]);
  return match[1]!;
}
