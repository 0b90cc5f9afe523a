import {
  GraphQLEnumType,
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLInterfaceType,
  GraphQLString,
  type GraphQLFieldConfigArgumentMap,
  type GraphQLInputObjectType,
  type GraphQLNamedType,
  type GraphQLObjectType,
} from 'graphql';
import { AccessPolicy } from '../access/AccessPolicy';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { Trait } from '../metadata/traits/Trait';
import type { EntityDefinition, FieldDefinition } from '../metadata/types';
import type { ResolverFactory } from './rootFields';
import { buildAuditTypes } from './auditTypes';
import { buildConnectionType, buildEdgeType, buildPageInfoType } from './connectionTypes';
import { buildFilterInputs, type FilterKind } from './filterInputs';
import { buildCreateInputType, buildUpdateInputType } from './inputTypes';
import { buildObjectType } from './objectTypes';
import { DateTimeScalar } from './scalars';
import { readableFields, readableRelations, writableFields } from './visibleFields';
import { buildOrderByType, buildToManyFilterType, buildWhereType } from './whereTypes';

/**
 * The generated types of one schema, each built once on first use. Builders receive this
 * object and reach other types through it, so cycles (company <-> person) resolve lazily.
 * `access` decides which types and fields exist at all (the caller's schema, issue 5).
 */
export class GeneratedTypes {
  readonly filters: Record<FilterKind, GraphQLInputObjectType> = buildFilterInputs();
  readonly sortDirection = new GraphQLEnumType({
    name: 'SortDirection',
    values: { ASC: { value: 'ASC' }, DESC: { value: 'DESC' } },
  });
  readonly recordInterface = new GraphQLInterfaceType({
    name: 'Record',
    description: 'What every stored record has (contract section 3).',
    fields: {
      id: { type: new GraphQLNonNull(GraphQLID) },
      version: { type: new GraphQLNonNull(GraphQLInt), description: 'Starts at 1, +1 per update; pass it as expectedVersion.' },
      createdAt: { type: new GraphQLNonNull(DateTimeScalar) },
      updatedAt: { type: new GraphQLNonNull(DateTimeScalar) },
    },
  });
  readonly pageInfo = buildPageInfoType();
  readonly audit = buildAuditTypes(this.pageInfo);
  private readonly cache = new Map<string, GraphQLNamedType>();

  constructor(
    readonly registry: MetadataRegistry,
    readonly resolvers: ResolverFactory,
    readonly access: AccessPolicy = AccessPolicy.unrestricted(registry),
    readonly traits: readonly Trait[] = [],
  ) {}

  /** A type a trait owns (Address, ListValue, ...), built once per schema under its name. */
  shared<T extends GraphQLNamedType>(name: string, build: () => T): T {
    return this.memo(`shared:${name}`, build);
  }

  /** Declared fields the caller may read (and so select, filter and order by). */
  readableFields(entity: EntityDefinition): FieldDefinition[] {
    return readableFields(this.registry, this.access, entity);
  }

  /** Declared fields the caller may set in create and update inputs. */
  writableFields(entity: EntityDefinition): FieldDefinition[] {
    return writableFields(this.registry, this.access, entity);
  }

  readableRelations(entity: EntityDefinition) {
    return readableRelations(this.registry, this.access, entity);
  }

  object(entity: EntityDefinition): GraphQLObjectType {
    return this.memo(`object:${entity.name}`, () => buildObjectType(this, entity));
  }

  connection(entity: EntityDefinition): GraphQLObjectType {
    return this.memo(`connection:${entity.name}`, () => buildConnectionType(this, entity));
  }

  edge(entity: EntityDefinition): GraphQLObjectType {
    return this.memo(`edge:${entity.name}`, () => buildEdgeType(this, entity));
  }

  where(entity: EntityDefinition): GraphQLInputObjectType {
    return this.memo(`where:${entity.name}`, () => buildWhereType(this, entity));
  }

  toManyFilter(entity: EntityDefinition): GraphQLInputObjectType {
    return this.memo(`toMany:${entity.name}`, () => buildToManyFilterType(this, entity));
  }

  orderBy(entity: EntityDefinition): GraphQLInputObjectType {
    return this.memo(`orderBy:${entity.name}`, () => buildOrderByType(this, entity));
  }

  createInput(entity: EntityDefinition): GraphQLInputObjectType {
    return this.memo(`create:${entity.name}`, () => buildCreateInputType(this, entity));
  }

  updateInput(entity: EntityDefinition): GraphQLInputObjectType {
    return this.memo(`update:${entity.name}`, () => buildUpdateInputType(this, entity));
  }

  /** Arguments of every connection field, root or nested (contract section 3). */
  connectionArgs(entity: EntityDefinition): GraphQLFieldConfigArgumentMap {
    return {
      where: { type: this.where(entity) },
      orderBy: { type: new GraphQLList(new GraphQLNonNull(this.orderBy(entity))), description: 'Applied in order; ties are broken by id.' },
      first: { type: GraphQLInt, description: 'Page size from the start or after `after` (default 50, at most 500).' },
      after: { type: GraphQLString },
      last: { type: GraphQLInt, description: 'Page size from the end or before `before` (at most 500).' },
      before: { type: GraphQLString },
    };
  }

  private memo<T extends GraphQLNamedType>(key: string, build: () => T): T {
    let type = this.cache.get(key);
    if (!type) {
      type = build();
      this.cache.set(key, type);
    }
    return type as T;
  }
}
