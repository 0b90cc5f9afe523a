import {
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLFieldConfig,
  type GraphQLFieldConfigMap,
  type GraphQLOutputType,
} from 'graphql';
import { SYSTEM_FIELDS } from '../entities/storageNames';
import type { EntityDefinition, FieldDefinition } from '../metadata/types';
import { byResponseKey, type FieldBinding, type TypeBinding } from './bindings';
import { scalarFieldMapping } from './fieldTypeMap';
import type { GeneratedTypes } from './GeneratedTypes';
import { inflection } from './inflection';
import { localize } from './labels';
import { DateTimeScalar } from './scalars';

/** The object type of a record: system fields, declared fields, references and inverses. */
export function buildObjectType(types: GeneratedTypes, entity: EntityDefinition): GraphQLObjectType {
  const binding: TypeBinding = { kind: 'record', entity };
  return new GraphQLObjectType({
    name: inflection.typeName(entity),
    description: localize(entity.description, 'en', localize(entity.label, 'en', entity.name)),
    interfaces: [types.recordInterface],
    extensions: { relata: binding },
    fields: () => {
      const fields: GraphQLFieldConfigMap<unknown, unknown> = {
        id: systemField(new GraphQLNonNull(GraphQLID), 'id'),
        version: systemField(new GraphQLNonNull(GraphQLInt), 'version'),
        createdAt: systemField(new GraphQLNonNull(DateTimeScalar), 'createdAt'),
        updatedAt: systemField(new GraphQLNonNull(DateTimeScalar), 'updatedAt'),
      };
      for (const field of types.readableFields(entity)) {
        if (field.type !== 'references') fields[field.name] = declaredField(types, field);
      }
      for (const { name, relation, declaredBy } of types.readableRelations(entity)) {
        fields[name] = withBinding(
          {
            type: new GraphQLNonNull(types.connection(relation.target)),
            args: types.connectionArgs(relation.target),
            description: declaredBy.type === 'references' && name === declaredBy.name ? describe(declaredBy) : undefined,
          },
          { kind: 'toMany', relation },
        );
      }
      fields.history = {
        type: new GraphQLNonNull(types.audit.connection),
        description: 'Every change of this record, newest first (sensitive values masked without sensitive access).',
        args: types.audit.pageArgs,
        resolve: types.resolvers.history(entity),
        extensions: { relata: { kind: 'byRecordId' } satisfies FieldBinding },
      };
      for (const trait of types.traits) {
        if (trait.onObjectFields && trait.appliesTo(entity, types.registry)) Object.assign(fields, trait.onObjectFields(types, entity));
      }
      return fields;
    },
  });
}

function declaredField(types: GeneratedTypes, field: FieldDefinition): GraphQLFieldConfig<unknown, unknown> {
  const base = { description: describe(field), deprecationReason: field.deprecated };
  if (field.type === 'reference') {
    const target = types.registry.get(field.target!);
    return withBinding({ ...base, type: types.object(target) }, { kind: 'reference', field, target });
  }
  return withBinding({ ...base, type: scalarOutputType(field, field.required) }, { kind: 'column', field });
}

/** The output type of a field with a column of its own (not a reference). */
export function scalarOutputType(field: FieldDefinition, nonNull: boolean): GraphQLOutputType {
  if (field.type === 'reference' || field.type === 'references') throw new Error(`${field.name} is a relation, not a scalar`);
  const mapping = scalarFieldMapping(field.type);
  const element = mapping.list ? new GraphQLList(new GraphQLNonNull(mapping.output)) : mapping.output;
  return nonNull ? new GraphQLNonNull(element) : element;
}

function systemField(type: GraphQLOutputType, name: keyof typeof SYSTEM_FIELDS): GraphQLFieldConfig<unknown, unknown> {
  return withBinding({ type }, { kind: 'system', ...SYSTEM_FIELDS[name] });
}

function withBinding(
  config: GraphQLFieldConfig<unknown, unknown>,
  binding: FieldBinding,
): GraphQLFieldConfig<unknown, unknown> {
  return { ...config, resolve: byResponseKey, extensions: { relata: binding } };
}

export function describe(field: FieldDefinition): string {
  return localize(field.description, 'en', localize(field.label, 'en', field.name));
}
