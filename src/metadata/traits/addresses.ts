import { GraphQLID, GraphQLList, GraphQLNonNull, GraphQLString, type GraphQLObjectType } from 'graphql';
import { RECORD_COLUMN, addressTableOf } from '../../entities/traitTables';
import { compileRecord } from '../../resolvers/compiler/compileSelection';
import { ident } from '../../resolvers/compiler/SqlBuilder';
import { makeAddAddress, makeDeleteAddress, makeUpdateAddress } from '../../resolvers/traits/addressResolvers';
import { computedField, type ComputedField } from '../../schema/bindings';
import { inflection, traitNames } from '../../schema/inflection';
import { addressInputType, addressType } from '../../schema/traits/addressTypes';
import type { EntityDefinition } from '../types';
import { declaredBy, type Fields, type Trait } from './Trait';

/**
 * `traits: [addresses]` (contract section 6): addresses of the declared kinds on the record,
 * `addresses(kind:)` and `defaultAddress(kind:)` compiled into the record's statement,
 * filtering through `where: { addresses: { some: ... } }` (a relation in `traitTables`),
 * and the mutations that keep one default per kind.
 */
export const addressesTrait: Trait = {
  name: 'addresses',
  appliesTo: declaredBy('addresses'),
  onObjectFields: (types, entity) => {
    const address = addressType(types);
    return {
      addresses: computedField(
        {
          type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(address))),
          description: 'The addresses of the record, of one kind when given; defaults first.',
          args: { kind: { type: GraphQLString } },
        },
        addressesOf(entity, false),
      ),
      defaultAddress: computedField(
        {
          type: address,
          description: 'The default address of that kind, if there is one.',
          args: { kind: { type: new GraphQLNonNull(GraphQLString) } },
        },
        addressesOf(entity, true),
      ),
    };
  },
  mutationFields: (types, entities) => {
    if (entities.length === 0) return {};
    const address = new GraphQLNonNull(addressType(types));
    const id = { type: new GraphQLNonNull(GraphQLID) };
    const fields: Fields = {
      updateAddress: {
        type: address,
        args: { id, input: { type: new GraphQLNonNull(addressInputType(types, true)) } },
        resolve: makeUpdateAddress(entities),
      },
      deleteAddress: { type: new GraphQLNonNull(GraphQLID), args: { id }, resolve: makeDeleteAddress(entities) },
    };
    for (const entity of entities) {
      fields[inflection.addAddressMutation(entity)] = {
        type: address,
        args: { id, input: { type: new GraphQLNonNull(addressInputType(types, false)) } },
        resolve: makeAddAddress(entity),
      };
    }
    return fields;
  },
};

/** The JSON of the record's addresses (a list), or of its one default (an object or null). */
function addressesOf(entity: EntityDefinition, onlyDefault: boolean): ComputedField {
  const table = ident(addressTableOf(entity));
  return (ctx, alias, nodes, args) => {
    const a = ctx.sql.alias();
    const type = ctx.schema.getType(traitNames.address) as GraphQLObjectType;
    const record = compileRecord(ctx, type, nodes, a);
    const conditions = [`${a}.${ident(RECORD_COLUMN)} = ${alias}.id`];
    if (typeof args.kind === 'string') conditions.push(`${a}.kind = ${ctx.sql.param(args.kind, 'text')}`);
    if (onlyDefault) return `(SELECT ${record} FROM ${table} ${a} WHERE ${conditions.join(' AND ')} AND ${a}.is_default)`;
    const order = `${a}.is_default DESC, ${a}.kind, ${a}.created_at, ${a}.id`;
    return `(SELECT coalesce(json_agg(${record} ORDER BY ${order}), '[]'::json) FROM ${table} ${a} WHERE ${conditions.join(' AND ')})`;
  };
}
