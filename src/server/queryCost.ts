import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromASTUntyped,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { QueryTooComplexError } from '../errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../resolvers/compiler/page';
import { typeBindingOf } from '../schema/bindings';

/**
 * The cost of an operation as the number of values it may return: every field counts once
 * per row it appears in, and a connection multiplies its subtree by its page size (`first`
 * or `last`, default 50). Armor's cost limit does not know page sizes; this one does.
 */
export function operationCost(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode,
  rootType: GraphQLNamedType,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
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
        if (kind === 'connection' || kind === 'recordConnection') {
          const arg = (name: string) => {
            const node = selection.arguments?.find((a) => a.name.value === name);
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
  return walk(selectionSet, rootType, 1, new Set());
}

/** Rejects operations over `maxCost` with QUERY_TOO_COMPLEX before anything runs. */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, operation, document, request }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
          if (!root) return;
          const cost = operationCost(schema, operation.selectionSet, root, fragments, request.variables ?? {});
          if (cost > maxCost) {
            throw new QueryTooComplexError(`The query may return about ${cost} values; the limit is ${maxCost}. Ask for smaller pages or fewer fields.`);
          }
        },
      };
    },
  };
}
