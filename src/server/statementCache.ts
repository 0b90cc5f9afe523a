import { Kind, visit, type OperationDefinitionNode } from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';
import type { AccessPolicy } from '../access/AccessPolicy';
import { ParamSlot, VIEWER_SLOTS, type SlotSource } from '../resolvers/compiler/ParamSlot';
import { QueryContext } from '../resolvers/compiler/QueryContext';
import { rowFilterOf } from '../resolvers/compiler/rowFilter';
import type { RequestContext } from '../resolvers/context';
import type { ReadStatement } from '../resolvers/readResolvers';
import type { CompiledPlan, PlannedRead } from './compiledPlan';

/** Statement sets kept per (plan, role set): one per combination of the values that shape the SQL. */
export const MAX_STATEMENTS_PER_PLAN = 64;

/**
 * The statements that answer `plan`'s root reads for this request, compiled once and reused
 * (issue 3: compiling was most of a point read's own CPU). A plan is already one (schema,
 * operation, values of the directive variables); its statements are kept per role set
 * (the row scopes' SQL) and per values of the variables that shape the SQL. What varies per
 * request is bound as parameters: the viewer's sub, teams and areas (the row scopes), and
 * a variable that is nothing but a root field's slot argument (`company(id: $id)`), checked
 * as the read requires (an id that is no UUID answers null). Every other variable (filters,
 * page sizes, which are inlined in the SQL, cursors, `asOf`) is part of the key by value.
 * A read the compiler cannot share (a slot read as text, any error) is compiled for the
 * request alone, as before, and reports its own error.
 */
export function statementsFor(
  plan: CompiledPlan,
  operation: OperationDefinitionNode,
  context: ReadContext,
  variables: Record<string, unknown>,
): readonly (ReadStatement | null)[] {
  const shared = sharedStatementsOf(plan, operation, context, variables);
  if (!shared) return plan.reads.map((read) => compileRead(plan, read, context, variables, rowFilterOf(context, 'read')));
  const source: SlotSource = { variables, viewer: context.viewer };
  return shared.map((template) => template && template.bind(source));
}

/** What compiling and binding a read takes from the request context (no database: nothing here sends SQL). */
export type ReadContext = Pick<RequestContext, 'viewer' | 'registry' | 'access'>;

/** How a plan's variables reach its statements, found once per plan. */
interface PlanStatements {
  /** Variables bound per request (slots); the others key the statements by value. */
  readonly slots: ReadonlySet<string>;
  readonly keyed: readonly string[];
  /** Per read, the slot variables it binds and the check its argument needs. */
  readonly guards: readonly (readonly SlotGuard[])[];
  readonly byAccess: WeakMap<AccessPolicy, Map<string, SharedStatements>>;
}

/** A template per root read (null: the answer is null without a statement), or UNSHAREABLE. */
type SharedStatements = readonly (StatementTemplate | null)[] | typeof UNSHAREABLE;

/** The reads compiled with slots failed: the same happens for every request with this key, so it is remembered. */
const UNSHAREABLE = 'compile per request';

interface SlotGuard {
  readonly variable: string;
  readonly accepts: (value: unknown) => boolean;
}

const statementsByPlan = new WeakMap<CompiledPlan, PlanStatements>();

function sharedStatementsOf(
  plan: CompiledPlan,
  operation: OperationDefinitionNode,
  context: ReadContext,
  variables: Record<string, unknown>,
): readonly (StatementTemplate | null)[] | undefined {
  let planned = statementsByPlan.get(plan);
  if (!planned) {
    planned = planStatements(plan, operation);
    statementsByPlan.set(plan, planned);
  }
  const key = valueKey(planned.keyed, variables);
  if (key === undefined) return undefined;
  let byKey = planned.byAccess.get(context.access);
  if (!byKey) {
    byKey = new Map();
    planned.byAccess.set(context.access, byKey);
  }
  let shared = byKey.get(key);
  if (!shared) {
    shared = compileShared(plan, planned, context, variables) ?? UNSHAREABLE;
    if (byKey.size >= MAX_STATEMENTS_PER_PLAN) byKey.delete(byKey.keys().next().value!);
    byKey.set(key, shared);
  }
  return shared === UNSHAREABLE ? undefined : shared;
}

/** Compiles the plan's reads with slots for the request's values; undefined when a read cannot be shared. */
function compileShared(
  plan: CompiledPlan,
  planned: PlanStatements,
  context: ReadContext,
  variables: Record<string, unknown>,
): readonly (StatementTemplate | null)[] | undefined {
  const slotted = { ...variables };
  for (const name of planned.slots) slotted[name] = ParamSlot.variable(name);
  const rowFilter = rowFilterOf({ access: context.access, viewer: VIEWER_SLOTS }, 'read');
  try {
    return plan.reads.map((read, i) => {
      const statement = compileRead(plan, read, context, slotted, rowFilter);
      return statement && new StatementTemplate(statement, planned.guards[i]!);
    });
  } catch {
    return undefined;
  }
}

function compileRead(
  plan: CompiledPlan,
  { field, read, type, nodes }: PlannedRead,
  context: ReadContext,
  variables: Record<string, unknown>,
  rowFilter: ReturnType<typeof rowFilterOf>,
): ReadStatement | null {
  const args = getArgumentValues(field, nodes[0]!, variables);
  const query = new QueryContext(context.registry, plan.schema, plan.fragments, variables, rowFilter, undefined, QueryContext.asOfOf(args));
  return read.compile(args, { query, type, fieldNodes: nodes, asText: plan.asText });
}

/** A statement compiled with slots; `bind` fills them with one request's values. */
class StatementTemplate {
  private readonly slotIndexes: readonly number[];

  constructor(
    private readonly statement: ReadStatement,
    private readonly guards: readonly SlotGuard[],
  ) {
    this.slotIndexes = statement.params.flatMap((param, i) => (param instanceof ParamSlot ? [i] : []));
  }

  /** The statement with this request's values, or null when a slot argument's value answers null (an id that is no UUID). */
  bind(source: SlotSource): ReadStatement | null {
    for (const { variable, accepts } of this.guards) if (!accepts(source.variables[variable])) return null;
    if (this.slotIndexes.length === 0) return this.statement;
    const params = this.statement.params.slice();
    for (const i of this.slotIndexes) params[i] = (params[i] as ParamSlot).valueIn(source);
    const { text, prepare, column } = this.statement;
    return { text, params, prepare, column };
  }
}

/**
 * Which variables are slots: declared non-null (so never null at run time), and used only
 * as a slot argument of a root read (`company(id: $id)`), nowhere else in the document. Any
 * other use could shape the SQL, so such a variable keys the statements by its value.
 */
function planStatements(plan: CompiledPlan, operation: OperationDefinitionNode): PlanStatements {
  const nonNull = new Set(
    (operation.variableDefinitions ?? []).filter((d) => d.type.kind === Kind.NON_NULL_TYPE).map((d) => d.variable.name.value),
  );
  const slotUses = new Map<string, number>();
  const candidates = plan.reads.map(({ read, nodes }) =>
    [...read.slotArguments].flatMap(([argument, accepts]) => {
      const value = nodes[0]!.arguments?.find((a) => a.name.value === argument)?.value;
      if (value?.kind !== Kind.VARIABLE || !nonNull.has(value.name.value)) return [];
      slotUses.set(value.name.value, (slotUses.get(value.name.value) ?? 0) + 1);
      return [{ variable: value.name.value, accepts }];
    }),
  );
  const uses = new Map<string, number>();
  const count = { Variable: (node: { name: { value: string } }) => void uses.set(node.name.value, (uses.get(node.name.value) ?? 0) + 1) };
  visit(operation.selectionSet, count);
  for (const fragment of Object.values(plan.fragments)) visit(fragment, count);
  const slots = new Set([...slotUses].filter(([name, n]) => uses.get(name) === n).map(([name]) => name));
  return {
    slots,
    keyed: (operation.variableDefinitions ?? []).map((d) => d.variable.name.value).filter((name) => !slots.has(name)),
    guards: candidates.map((guards) => guards.filter((g) => slots.has(g.variable))),
    byAccess: new WeakMap(),
  };
}

/**
 * The values of the keyed variables as one string (absent and null apart), or undefined when
 * a value is not plain JSON data (then no key is safe and the statements are not shared).
 */
function valueKey(names: readonly string[], variables: Record<string, unknown>): string | undefined {
  if (names.length === 0) return '';
  try {
    return JSON.stringify(names.map((name) => (Object.hasOwn(variables, name) ? [variables[name]] : [])), plainData);
  } catch {
    return undefined;
  }
}

function plainData(this: unknown, _key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) throw new TypeError('not plain data');
  }
  return value;
}
