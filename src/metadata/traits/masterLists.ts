import { GraphQLNonNull, GraphQLString } from 'graphql';
import {
  addListValueResolver,
  deactivateListValueResolver,
  masterListResolver,
  updateListValueResolver,
} from '../../resolvers/traits/masterListResolvers';
import { listValueInputType, listValueType, masterListType } from '../../schema/traits/masterListTypes';
import { listFieldsOf } from '../listNames';
import type { Trait } from './Trait';

const text = { type: new GraphQLNonNull(GraphQLString) };

/**
 * Master lists (contract section 6), built in rather than named under `traits:`: it serves
 * every type with a `list:` field. Writes take active values only: the generic create and
 * update check them inside their statement (`resolvers/traits/listValueGuard.ts`).
 */
export const masterListsTrait: Trait = {
  name: 'masterLists',
  appliesTo: (entity) => listFieldsOf(entity).length > 0,
  queryFields: (types) => ({
    masterList: {
      type: masterListType(types),
      description: 'A master list by name; null when the model uses no such list.',
      args: { name: text },
      resolve: masterListResolver,
    },
  }),
  mutationFields: (types) => {
    const value = new GraphQLNonNull(listValueType(types));
    return {
      addListValue: {
        type: value,
        args: { list: text, input: { type: new GraphQLNonNull(listValueInputType(types, false)) } },
        resolve: addListValueResolver,
      },
      updateListValue: {
        type: value,
        args: { list: text, key: text, input: { type: new GraphQLNonNull(listValueInputType(types, true)) } },
        resolve: updateListValueResolver,
      },
      deactivateListValue: { type: value, args: { list: text, key: text }, resolve: deactivateListValueResolver },
    };
  },
};
