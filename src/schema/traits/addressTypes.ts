import {
  GraphQLBoolean,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigMap,
  type GraphQLInputFieldConfigMap,
  type GraphQLOutputType,
} from 'graphql';
import { SYSTEM_FIELDS } from '../../entities/storageNames';
import { ADDRESS_MODEL } from '../../metadata/traits/addressModel';
import type { FieldDefinition } from '../../metadata/types';
import { byResponseKey } from '../bindings';
import type { GeneratedTypes } from '../GeneratedTypes';
import { traitNames } from '../inflection';

/** `Address { id kind street extraLines postalCode city country isDefault }` (contract section 6). */
export function addressType(types: GeneratedTypes): GraphQLObjectType {
  return types.shared(traitNames.address, () => {
    const fields: GraphQLFieldConfigMap<unknown, unknown> = {
      id: { type: new GraphQLNonNull(GraphQLID), resolve: byResponseKey, extensions: { relata: { kind: 'system', ...SYSTEM_FIELDS.id } } },
    };
    for (const field of ADDRESS_MODEL.fields) {
      fields[field.name] = { type: outputOf(field), resolve: byResponseKey, extensions: { relata: { kind: 'column', field } } };
    }
    return new GraphQLObjectType({ name: traitNames.address, description: 'A postal address of a record.', fields });
  });
}

/** `AddressInput` for adding (kind required) and `AddressUpdateInput` (only given fields change). */
export function addressInputType(types: GeneratedTypes, update: boolean): GraphQLInputObjectType {
  const name = update ? traitNames.addressUpdateInput : traitNames.addressInput;
  return types.shared(name, () => {
    const fields: GraphQLInputFieldConfigMap = {};
    for (const field of ADDRESS_MODEL.fields) {
      const element = field.type === 'multiChoice' ? new GraphQLList(new GraphQLNonNull(GraphQLString)) : field.type === 'boolean' ? GraphQLBoolean : GraphQLString;
      fields[field.name] = {
        type: field.name === 'kind' && !update ? new GraphQLNonNull(element) : element,
        ...(field.name === 'isDefault' && { description: 'true makes this the default of its kind and clears the previous default.' }),
      };
    }
    return new GraphQLInputObjectType({ name, fields });
  });
}

function outputOf(field: FieldDefinition): GraphQLOutputType {
  if (field.type === 'multiChoice') return new GraphQLList(new GraphQLNonNull(GraphQLString));
  if (field.type === 'boolean') return new GraphQLNonNull(GraphQLBoolean);
  return field.required ? new GraphQLNonNull(GraphQLString) : GraphQLString;
}
