import {
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigMap,
  type GraphQLOutputType,
} from 'graphql';
import type { AttributeDefinitionRow } from '../../entities/attributeStore';
import { ATTRIBUTE_VALUE_MODEL } from '../../metadata/traits/attributeModel';
import { byResponseKey } from '../bindings';
import type { GeneratedTypes } from '../GeneratedTypes';
import { traitNames } from '../inflection';
import { localize } from '../labels';
import { DateScalar, JsonScalar } from '../scalars';

const text = new GraphQLNonNull(GraphQLString);
const texts = new GraphQLList(new GraphQLNonNull(GraphQLString));

/** `AttributeValue { name value validFrom validTo }`, compiled from the attribute table's columns. */
export function attributeValueType(types: GeneratedTypes): GraphQLObjectType {
  return types.shared(traitNames.attributeValue, () => {
    const output: Record<string, GraphQLOutputType> = { name: text, value: JsonScalar, validFrom: new GraphQLNonNull(DateScalar), validTo: DateScalar };
    const fields: GraphQLFieldConfigMap<unknown, unknown> = {};
    for (const field of ATTRIBUTE_VALUE_MODEL.fields) {
      fields[field.name] = { type: output[field.name]!, resolve: byResponseKey, extensions: { relata: { kind: 'column', field } } };
    }
    return new GraphQLObjectType({ name: traitNames.attributeValue, description: 'A value valid from validFrom until the day before validTo.', fields });
  });
}

/** `AttributeDefinition { name label(locale) labels type options target appliesTo }`. */
export function attributeDefinitionType(types: GeneratedTypes): GraphQLObjectType {
  return types.shared(traitNames.attributeDefinition, () => new GraphQLObjectType<AttributeDefinitionRow>({
    name: traitNames.attributeDefinition,
    fields: {
      name: { type: text },
      label: {
        type: text,
        args: { locale: { type: GraphQLString } },
        resolve: (row, args: { locale?: string | null }) => localize(row.label, args.locale ?? undefined, row.name),
      },
      labels: { type: new GraphQLNonNull(JsonScalar), resolve: (row) => row.label },
      type: { type: text, description: 'text, number, date, choice or reference.' },
      options: { type: new GraphQLNonNull(texts), resolve: (row) => row.options ?? [] },
      target: { type: GraphQLString, description: 'The type a reference attribute points to.' },
      appliesTo: { type: new GraphQLNonNull(texts), description: 'The types it applies to; empty: every attributed type.', resolve: (row) => row.appliesTo ?? [] },
    },
  }));
}

/** `AttributeDefinitionInput { name label type options target appliesTo }` (contract section 6). */
export function attributeDefinitionInputType(types: GeneratedTypes): GraphQLInputObjectType {
  return types.shared(traitNames.attributeDefinitionInput, () => new GraphQLInputObjectType({
    name: traitNames.attributeDefinitionInput,
    fields: {
      name: { type: text },
      label: { type: new GraphQLNonNull(JsonScalar), description: 'Labels by locale.' },
      type: { type: text },
      options: { type: texts, description: 'The values of a choice attribute.' },
      target: { type: GraphQLString, description: 'The type a reference attribute points to.' },
      appliesTo: { type: texts, description: 'Types it applies to; none: every type with the attributes trait.' },
    },
  }));
}
