import {
  getNamedType,
  isEnumType,
  isLeafType,
  isObjectType,
  visit,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { collectFields, collectSubfields } from 'graphql/execution/collectFields';
import { rootWriteOf, type RootWrite } from '../resolvers/mutationResolvers';
import { rootReadOf, type RootRead } from '../resolvers/readResolvers';
import { byResponseKey } from '../schema/bindings';
import { fragmentsOf } from './fragmentsOf';

/**
 * Scalars whose value in the JSON PostgreSQL builds is already what `serialize` returns
 * (`outputSql` formats DateTime and Money in SQL). Not URL: graphql-scalars normalises it.
 */
const SQL_SHAPED_SCALARS = new Set(['ID', 'String', 'Int', 'Boolean', 'Decimal', 'Money', 'DateTime', 'Date', 'JSON', 'EmailAddress']);

/** Stored JSON values: their text is the user's (number formats, escapes), not what JSON.stringify writes. */
const EMBEDDED_JSON_SCALARS = new Set(['JSON']);

/** json_build_object keeps key order up to 50 pairs (SqlBuilder merges larger objects as jsonb). */
const MAX_KEYS_IN_ORDER = 50;

/** Plans kept per operation, one per combination of the variables its directives read. */
const MAX_PLANS_PER_OPERATION = 16;

/** One root field of the operation. */
interface PlannedField {
  readonly key: string;
  readonly field: GraphQLField<unknown, unknown>;
  /** The field's named return type. */
  readonly type: GraphQLObjectType;
  readonly nodes: readonly FieldNode[];
}

/** A root field of a query and the compiled read that answers it. */
export interface PlannedRead extends PlannedField {
  readonly read: RootRead;
}

/** The one root field of a mutation and the write that answers it with its record. */
export interface PlannedWrite extends PlannedField {
  readonly write: RootWrite;
}

/**
 * How an all-compiled operation is answered: a query by its root reads, a mutation of one
 * root field by its write; and whether their JSON text can go out as is.
 */
export interface CompiledPlan {
  readonly schema: GraphQLSchema;
  readonly fragments: Record<string, FragmentDefinitionNode>;
  readonly reads: readonly PlannedRead[];
  readonly write?: PlannedWrite;
  /** No embedded JSON values are selected, so PostgreSQL's text is the response (`JsonText`). */
  readonly asText: boolean;
}

interface OperationPlans {
  /** Variables that @include / @skip (or any directive) read: the selection depends on them. */
  readonly directiveVariables: readonly string[];
  readonly byDirectiveValues: Map<string, CompiledPlan | null>;
}

const plansBySchema = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, OperationPlans>>();

/**
 * Whether `operation` can be answered from compiled reads alone, and how; null when not.
 * The decision depends only on the schema, the document and the values of the variables its
 * directives read, so it is made once per (schema, operation, those values): keyed by the
 * schema object first, so that a schema per role set or a reloaded schema never sees
 * another's decisions. `variables` are the operation's coerced variables.
 */
export function compiledPlanOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): CompiledPlan | null {
  let byOperation = plansBySchema.get(schema);
  if (!byOperation) {
    byOperation = new WeakMap();
    plansBySchema.set(schema, byOperation);
  }
  let plans = byOperation.get(operation);
  if (!plans) {
    plans = { directiveVariables: directiveVariablesOf(operation, fragmentsOf(document)), byDirectiveValues: new Map() };
    byOperation.set(operation, plans);
  }
  const key = plans.directiveVariables.map((name) => String(variables[name])).join(',');
  let plan = plans.byDirectiveValues.get(key);
  if (plan === undefined) {
    plan = planOf(schema, fragmentsOf(document), operation, variables);
    if (plans.byDirectiveValues.size < MAX_PLANS_PER_OPERATION) plans.byDirectiveValues.set(key, plan);
  }
  return plan;
}

function planOf(
  schema: GraphQLSchema,
  fragments: Record<string, FragmentDefinitionNode>,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): CompiledPlan | null {
  const shape = { schema, fragments, variables, asText: true };
  if (operation.operation === 'mutation') return writePlanOf(shape, operation);
  const queryType = schema.getQueryType();
  if (operation.operation !== 'query' || !queryType) return null;
  const reads: PlannedRead[] = [];
  for (const [key, nodes] of collectFields(schema, fragments, variables, queryType, operation.selectionSet)) {
    const field = queryType.getFields()[nodes[0]!.name.value];
    const read = rootReadOf(field?.resolve);
    const type = field && getNamedType(field.type);
    if (!field || !read || !isObjectType(type) || !isSqlShaped(shape, type, nodes)) return null;
    reads.push({ key, field, read, type, nodes });
  }
  if (reads.length > MAX_KEYS_IN_ORDER) return null;
  return { schema, fragments, reads, asText: shape.asText };
}

/**
 * A mutation of exactly one root field that a `RootWrite` answers: graphql-js runs mutation
 * fields one after the other, and an answer that failed after an earlier field had written
 * could not be handed back to graphql-js, so operations of several fields are not compiled.
 */
function writePlanOf(shape: Shape, operation: OperationDefinitionNode): CompiledPlan | null {
  const { schema, fragments, variables } = shape;
  const mutationType = schema.getMutationType();
  if (!mutationType) return null;
  const fields = collectFields(schema, fragments, variables, mutationType, operation.selectionSet);
  if (fields.size !== 1) return null;
  const [key, nodes] = [...fields][0]!;
  const field = mutationType.getFields()[nodes[0]!.name.value];
  const write = rootWriteOf(field?.resolve);
  const type = field && getNamedType(field.type);
  if (!field || !write || !isObjectType(type) || !isSqlShaped(shape, type, nodes)) return null;
  return { schema, fragments, reads: [], write: { key, field, write, type, nodes }, asText: shape.asText };
}

interface Shape {
  readonly schema: GraphQLSchema;
  readonly fragments: Record<string, FragmentDefinitionNode>;
  readonly variables: Record<string, unknown>;
  /** Cleared when an embedded JSON value is selected. */
  asText: boolean;
}

/** Whether every leaf selected under `type` comes out of SQL exactly as graphql-js would serialise it. */
function isSqlShaped(shape: Shape, type: GraphQLObjectType, nodes: readonly FieldNode[]): boolean {
  const subfields = collectSubfields(shape.schema, shape.fragments, shape.variables, type, nodes);
  if (subfields.size > MAX_KEYS_IN_ORDER) return false;
  for (const fieldNodes of subfields.values()) {
    const name = fieldNodes[0]!.name.value;
    if (name === '__typename') continue;
    const field = type.getFields()[name];
    // A field with a resolver of its own (a trait's, say) is not in the JSON PostgreSQL built.
    if (!field || field.resolve !== byResponseKey) return false;
    const fieldType = getNamedType(field.type);
    if (isObjectType(fieldType)) {
      if (!isSqlShaped(shape, fieldType, fieldNodes)) return false;
    } else if (isEnumType(fieldType)) {
      if (!fieldType.getValues().every((v) => v.value === v.name)) return false;
    } else if (!isLeafType(fieldType) || !SQL_SHAPED_SCALARS.has(fieldType.name)) {
      return false;
    } else if (EMBEDDED_JSON_SCALARS.has(fieldType.name)) {
      shape.asText = false;
    }
  }
  return true;
}

/** The variables that directives in the operation or any fragment of the document read. */
function directiveVariablesOf(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>): string[] {
  const names = new Set<string>();
  const inDirective: ASTVisitor = { Variable: (variable) => void names.add(variable.name.value) };
  const visitor: ASTVisitor = { Directive: (directive) => void visit(directive, inDirective) };
  for (const node of [operation, ...Object.values(fragments)]) visit(node, visitor);
  return [...names].sort();
}
