import {
  GraphQLBoolean,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldResolver,
} from 'graphql';
import type { ListValueRow } from '../../entities/masterListStore';
import type { GeneratedTypes } from '../GeneratedTypes';
import { traitNames } from '../inflection';
import { localize } from '../labels';
import { JsonScalar } from '../scalars';

/** `ListValue { key label(locale) labels parent active position }` (contract section 6). */
export function listValueType(types: GeneratedTypes): GraphQLObjectType {
  return types.shared(traitNames.listValue, () => new GraphQLObjectType<ListValueRow>({
    name: traitNames.listValue,
    description: 'A value of a master list; records store its key, which never changes.',
    fields: {
      key: { type: new GraphQLNonNull(GraphQLString) },
      label: {
        type: new GraphQLNonNull(GraphQLString),
        args: { locale: { type: GraphQLString } },
        resolve: (row, args: { locale?: string | null }) => localize(row.label, args.locale ?? undefined, row.key),
      },
      labels: { type: new GraphQLNonNull(JsonScalar), description: 'Every label by locale.', resolve: (row) => row.label },
      parent: { type: GraphQLString, description: 'The category of a two-level list.' },
      active: { type: new GraphQLNonNull(GraphQLBoolean), description: 'Inactive values stay on records but are not offered for new ones.' },
      position: { type: new GraphQLNonNull(GraphQLInt) },
    },
  }));
}

/** What the `masterList` resolver returns: the list's name and all its values. */
export interface MasterListSource {
  readonly name: string;
  readonly values: readonly ListValueRow[];
}

/** `MasterList { name values(includeInactive, parent) }`. */
export function masterListType(types: GeneratedTypes): GraphQLObjectType {
  return types.shared(traitNames.masterList, () => new GraphQLObjectType<MasterListSource>({
    name: traitNames.masterList,
    description: 'A list of values administrators edit at run time ("Stammdaten").',
    fields: {
      name: { type: new GraphQLNonNull(GraphQLString) },
      values: {
        type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(listValueType(types)))),
        args: {
          includeInactive: { type: GraphQLBoolean, description: 'Also deactivated values (default false).' },
          parent: { type: GraphQLString, description: 'Only the values of this category.' },
        },
        resolve: ((list, args) =>
          list.values.filter(
            (value) => (args.includeInactive || value.active) && (args.parent == null || value.parent === args.parent),
          )) as GraphQLFieldResolver<MasterListSource, unknown, { includeInactive?: boolean | null; parent?: string | null }>,
      },
    },
  }));
}

/** `ListValueInput { key label parent position }` and `ListValueUpdateInput` (labels by locale as JSON). */
export function listValueInputType(types: GeneratedTypes, update: boolean): GraphQLInputObjectType {
  const name = update ? traitNames.listValueUpdateInput : traitNames.listValueInput;
  return types.shared(name, () => new GraphQLInputObjectType({
    name,
    fields: {
      ...(!update && { key: { type: new GraphQLNonNull(GraphQLString), description: 'Stable key that records store.' } }),
      label: {
        type: update ? JsonScalar : new GraphQLNonNull(JsonScalar),
        description: update ? 'Labels by locale, merged into the current ones.' : 'Labels by locale, e.g. { "en": "Rowing", "de": "Rudern" }.',
      },
      parent: { type: GraphQLString, description: 'Key of the category (a top-level value of the same list); null: top level.' },
      position: { type: GraphQLInt },
      ...(update && { active: { type: GraphQLBoolean, description: 'true reactivates a deactivated value.' } }),
    },
  }));
}
