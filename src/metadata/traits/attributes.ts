import { GraphQLID, GraphQLList, GraphQLNonNull, GraphQLString, type GraphQLObjectType } from 'graphql';
import { RECORD_COLUMN, attributeTableOf } from '../../entities/traitTables';
import { compileRecord } from '../../resolvers/compiler/compileSelection';
import { ident } from '../../resolvers/compiler/SqlBuilder';
import {
  attributeDefinitionsResolver,
  defineAttributeResolver,
  isoDate,
  setAttributeResolver,
} from '../../resolvers/traits/attributeResolvers';
import { computedField, type ComputedField } from '../../schema/bindings';
import { traitNames } from '../../schema/inflection';
import { DateScalar, JsonScalar } from '../../schema/scalars';
import { attributeDefinitionInputType, attributeDefinitionType, attributeValueType } from '../../schema/traits/attributeTypes';
import type { EntityDefinition } from '../types';
import { declaredBy, type Fields, type Trait } from './Trait';

const text = { type: new GraphQLNonNull(GraphQLString) };

/**
 * `traits: [attributes]` (contract section 6): values of runtime-defined attributes with
 * validity periods, `attributes(asOf:)` and `attributeHistory(name:)` compiled into the
 * record's statement, filtering through `where: { attributes: { some: ... } }`.
 */
export const attributesTrait: Trait = {
  name: 'attributes',
  appliesTo: declaredBy('attributes'),
  onObjectFields: (types, entity) => {
    const list = new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(attributeValueType(types))));
    return {
      attributes: computedField(
        { type: list, description: 'The values valid on asOf (default: today), by name.', args: { asOf: { type: DateScalar } } },
        valuesOf(entity, 'asOf'),
      ),
      attributeHistory: computedField(
        { type: list, description: 'Every period of one attribute, oldest first.', args: { name: text } },
        valuesOf(entity, 'history'),
      ),
    };
  },
  queryFields: (types, entities): Fields => {
    if (entities.length === 0) return {};
    return {
      attributeDefinitions: {
        type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(attributeDefinitionType(types)))),
        description: 'The attributes administrators have defined, of one type when given.',
        args: { type: { type: GraphQLString } },
        resolve: attributeDefinitionsResolver,
      },
    };
  },
  mutationFields: (types, entities): Fields => {
    if (entities.length === 0) return {};
    return {
      defineAttribute: {
        type: new GraphQLNonNull(attributeDefinitionType(types)),
        args: { input: { type: new GraphQLNonNull(attributeDefinitionInputType(types)) } },
        resolve: defineAttributeResolver,
      },
      setAttribute: {
        type: new GraphQLNonNull(attributeValueType(types)),
        description: 'A value from validFrom (default today) until validTo (exclusive; none: open-ended).',
        args: {
          type: text,
          id: { type: new GraphQLNonNull(GraphQLID) },
          name: text,
          value: { type: JsonScalar },
          validFrom: { type: DateScalar },
          validTo: { type: DateScalar },
        },
        resolve: setAttributeResolver,
      },
    };
  },
};

/** The values valid on a day, or one attribute's whole timeline, as a JSON array. */
function valuesOf(entity: EntityDefinition, mode: 'asOf' | 'history'): ComputedField {
  const table = ident(attributeTableOf(entity));
  return (ctx, alias, nodes, args) => {
    const a = ctx.sql.alias();
    const record = compileRecord(ctx, ctx.schema.getType(traitNames.attributeValue) as GraphQLObjectType, nodes, a);
    const conditions = [`${a}.${ident(RECORD_COLUMN)} = ${alias}.id`];
    if (mode === 'history') conditions.push(`${a}.name = ${ctx.sql.param(args.name, 'text')}`);
    else {
      const day = isoDate(args.asOf) === undefined ? 'current_date' : ctx.sql.param(isoDate(args.asOf), 'date');
      conditions.push(`${a}.valid_from <= ${day}`, `(${a}.valid_to IS NULL OR ${a}.valid_to > ${day})`);
    }
    const order = mode === 'history' ? `${a}.valid_from` : `${a}.name`;
    return `(SELECT coalesce(json_agg(${record} ORDER BY ${order}), '[]'::json) FROM ${table} ${a} WHERE ${conditions.join(' AND ')})`;
  };
}
