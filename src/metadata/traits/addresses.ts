import { GraphQLID, GraphQLList, GraphQLNonNull, GraphQLString, type GraphQLObjectType } from 'graphql';
import { RECORD_COLUMN, addressTableOf } from '../../entities/traitTables';
import { compileRecord } from '../../resolvers/compiler/compileSelection';
import { ident } from '../../resolvers/compiler/SqlBuilder';
import { makeAddAddress, makeDeleteAddress, makeUpdateAddress } from '../../resolvers/traits/addressResolvers';
import { computedField, type ComputedField } from '../../schema/bindings';
import { inflection, traitNames } from '../../schema/inflection';
import { addressInputType, addressType } from '../../schema/traits/addressTypes';
import type { ColumnStep } from '../../transfer/ColumnStep';
import type { EntityDefinition } from '../types';
import { ADDRESS_MODEL } from './addressModel';
import { declaredBy, type Fields, type Trait } from './Trait';

/**
 * `traits: [addresses]` (contract section 6): addresses of the declared kinds on the record,
 * `addresses(kind:)` and `defaultAddress(kind:)` compiled into the record's statement,
 * filtering through `where: { addresses: { some: ... } }` (a relation in `traitTables`),
 * export columns through `defaultAddress(kind:)`, and the mutations that keep one default per kind.
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
  columnSteps: (entity) => ({ defaultAddress: defaultAddressStep(entity) }),
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

/** `defaultAddress(kind: billing)` in an export column path: the record's default address of that kind, or none. */
function defaultAddressStep(entity: EntityDefinition): ColumnStep {
  const table = ident(addressTableOf(entity));
  const kinds = entity.addressKinds.join(', ');
  return {
    target: ADDRESS_MODEL,
    row: ({ kind, ...others }) => {
      if (Object.keys(others).length > 0) return { problem: `takes only kind, not ${Object.keys(others).join(', ')}` };
      if (kind === undefined) return { problem: `needs a kind: ${kinds}` };
      if (!entity.addressKinds.includes(kind)) return { problem: `has no address kind ${kind}; the kinds are ${kinds}` };
      return {
        table,
        where: (from, to, sql) => `${to}.${ident(RECORD_COLUMN)} = ${from}.id AND ${to}.kind = ${sql.param(kind, 'text')} AND ${to}.is_default`,
      };
    },
  };
}
