import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import {
  getNamedType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromASTUntyped,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { QueryTooComplexError } from '../errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../resolvers/compiler/page';
import { PAGED_TYPE_KINDS, typeBindingOf } from '../schema/bindings';
import { fragmentsOf } from './fragmentsOf';

/**
 * The cost of an operation as the number of values it may return: every field counts once
 * per row it appears in, and a connection multiplies its subtree by its page size (`first`
 * or `last`, default 50). Armor's cost limit does not know page sizes; this one does.
 * `readsVariables`: a page size came from a variable (else the cost holds for every request).
 */
export function operationCost(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode,
  rootType: GraphQLNamedType,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): { cost: number; readsVariables: boolean } {
  let readsVariables = false;
  const walk = (set: SelectionSetNode, parent: GraphQLNamedType, rows: number, seen: ReadonlySet<string>): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        cost += walk(selection.selectionSet, type ?? parent, rows, seen);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        if (!fragment || seen.has(fragment.name.value)) continue;
        const type = schema.getType(fragment.typeCondition.name.value) ?? parent;
        cost += walk(fragment.selectionSet, type, rows, new Set([...seen, fragment.name.value]));
      } else {
        cost += rows;
        if (!selection.selectionSet || !(isObjectType(parent) || isInterfaceType(parent))) continue;
        const field = parent.getFields()[selection.name.value];
        if (!field) continue;
        const type = getNamedType(field.type);
        let childRows = rows;
        const kind = typeBindingOf(type)?.kind;
        if (kind && PAGED_TYPE_KINDS.has(kind)) {
          const arg = (name: string) => {
            const node = selection.arguments?.find((a) => a.name.value === name);
            if (node && node.value.kind !== Kind.INT) readsVariables = true;
            const value = node ? valueFromASTUntyped(node.value, variables) : undefined;
            return typeof value === 'number' ? value : undefined;
          };
          childRows = rows * Math.max(1, Math.min(arg('first') ?? arg('last') ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE));
        }
        cost += walk(selection.selectionSet, type, childRows, seen);
      }
    }
    return cost;
  };
  const cost = walk(selectionSet, rootType, 1, new Set());
  return { cost, readsVariables };
}

/**
 * Rejects operations over `maxCost` with QUERY_TOO_COMPLEX before anything runs. A cost that
 * reads no variable is computed once per (schema, operation): Apollo hands the same parsed
 * document to every request of the same query.
 */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin {
  const fixedCosts = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, number>>();
  const listener: GraphQLRequestListener<BaseContext> = {
    async didResolveOperation({ schema, operation, document, request }) {
      if (!operation) return;
      let bySchema = fixedCosts.get(schema);
      if (!bySchema) fixedCosts.set(schema, (bySchema = new WeakMap()));
      let cost = bySchema.get(operation);
      if (cost === undefined) {
        const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
        if (!root) return;
        const computed = operationCost(schema, operation.selectionSet, root, fragmentsOf(document), request.variables ?? {});
        if (!computed.readsVariables) bySchema.set(operation, computed.cost);
        cost = computed.cost;
      }
      if (cost > maxCost) {
        throw new QueryTooComplexError(`The query may return about ${cost} values; the limit is ${maxCost}. Ask for smaller pages or fewer fields.`);
      }
    },
  };
  return { requestDidStart: async () => listener };
}
