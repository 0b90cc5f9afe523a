import type { GraphQLSchema } from 'graphql';
import { BadUserInputError, type FieldError } from '../errors';
import type { AccessPolicy } from '../access/AccessPolicy';
import type { ConditionTree, ParsedCondition, SelectionReference } from './ParsedCondition';
import { parseCondition } from './parseCondition';
import type { RequestContext } from '../resolvers/context';
import { SelectionStore } from './SelectionStore';

/** A condition ready to compile: its tree and the trees of every selection it reaches. */
export interface ResolvedCondition {
  readonly type: string;
  readonly where: ConditionTree;
  readonly referenced: ReadonlyMap<string, ConditionTree>;
}

/** A saved selection visible to the caller, parsed and resolved for a run now (NOT_FOUND when invisible). */
export async function resolveSaved(context: RequestContext, schema: GraphQLSchema, id: string): Promise<ResolvedCondition> {
  const store = new SelectionStore(context.db, context.viewer);
  const saved = await store.get(id);
  const now = new Date();
  const parsed = parseCondition(context.access, schema, saved.type, saved.condition, now);
  return resolveCondition(context.access, schema, store, parsed, now, saved.id);
}

/**
 * Loads the saved selections `parsed` refers to, and theirs, one query per level: each must
 * be visible to the caller and select the type it is used for, and no chain of references
 * may lead back to where it started (`self`, the selection being saved, if any). Each is
 * parsed with the caller's `access`: a shared selection naming what the caller may not read fails.
 */
export async function resolveCondition(
  access: AccessPolicy,
  schema: GraphQLSchema,
  store: SelectionStore,
  parsed: ParsedCondition,
  now: Date,
  self?: string,
): Promise<ResolvedCondition> {
  const root = self ?? 'this condition';
  const referenced = new Map<string, ConditionTree>();
  const edges = new Map<string, string[]>([[root, parsed.references.map((r) => r.id)]]);
  const errors: FieldError[] = [];
  const types = new Map<string, string | null>([[root, parsed.type]]);
  let frontier: readonly SelectionReference[] = parsed.references;
  while (frontier.length > 0) {
    const wanted = [...new Set(frontier.map((r) => r.id))].filter((id) => !types.has(id));
    const next: SelectionReference[] = [];
    const rows = await store.visible(wanted);
    for (const id of wanted) types.set(id, null);
    for (const row of rows) {
      types.set(row.id, row.type);
      const inner = parseCondition(access, schema, row.type, row.condition, now, `selection "${row.name}"`);
      referenced.set(row.id, inner.where);
      edges.set(row.id, inner.references.map((r) => r.id));
      next.push(...inner.references);
    }
    for (const reference of frontier) {
      const type = types.get(reference.id);
      if (type === null) errors.push({ field: reference.path, message: `no saved selection ${reference.id} is visible to you` });
      else if (type !== reference.type) {
        errors.push({ field: reference.path, message: `selection ${reference.id} selects ${type} records, but ${reference.type} is needed here` });
      }
    }
    frontier = next;
  }
  const cycle = findCycle(edges, root);
  if (cycle) errors.push({ field: 'condition', message: `selections refer to each other in a cycle: ${cycle.join(' -> ')}` });
  if (errors.length > 0) throw new BadUserInputError(errors);
  return { type: parsed.type, where: parsed.where, referenced };
}

/** A path of ids that returns to an id already on it, or undefined. */
function findCycle(edges: ReadonlyMap<string, readonly string[]>, start: string): string[] | undefined {
  const done = new Set<string>();
  const visit = (id: string, path: string[]): string[] | undefined => {
    const at = path.indexOf(id);
    if (at >= 0) return [...path.slice(at), id];
    if (done.has(id)) return undefined;
    for (const next of edges.get(id) ?? []) {
      const cycle = visit(next, [...path, id]);
      if (cycle) return cycle;
    }
    done.add(id);
    return undefined;
  };
  return visit(start, []);
}
