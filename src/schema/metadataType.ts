import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { Arg, buildSchemaSync, Ctx, Field, Float, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { AccessPolicy } from '../access/AccessPolicy';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { EntityDefinition, FieldDefinition, LayoutSection } from '../metadata/types';
import type { Queryable } from '../entities/database';
import { readListValues } from '../entities/masterListStore';
import { listNamesOf } from '../metadata/listNames';
import { localize } from './labels';
import { readableFields } from './visibleFields';

/** Active keys of each master list, by list name. */
type ListKeys = ReadonlyMap<string, readonly string[]>;

/**
 * `Query.metadata` (contract section 3): everything a frontend needs to render the form
 * ("mask") of any type without knowing it in advance. Static, so built with type-graphql
 * and merged into the generated schema.
 */
@ObjectType({ description: 'A field of a type, for rendering forms.' })
export class FieldMetadata {
  constructor(
    private readonly field: FieldDefinition,
    private readonly listKeys: ListKeys,
  ) {}

  @Field(() => String)
  get name(): string {
    return this.field.name;
  }

  @Field(() => String, { description: 'The definition type word, e.g. string, integer, reference.' })
  get type(): string {
    return this.field.type;
  }

  @Field(() => Boolean)
  get required(): boolean {
    return this.field.required;
  }

  @Field(() => Boolean)
  get unique(): boolean {
    return this.field.unique;
  }

  @Field(() => Boolean, { description: 'Personal data of a special category.' })
  get sensitive(): boolean {
    return this.field.sensitive;
  }

  @Field(() => String)
  label(@Arg('locale', () => String, { nullable: true }) locale?: string): string {
    return localize(this.field.label, locale, this.field.name);
  }

  @Field(() => String, { nullable: true })
  description(@Arg('locale', () => String, { nullable: true }) locale?: string): string | null {
    return this.field.description ? localize(this.field.description, locale, '') : null;
  }

  @Field(() => [String], { description: 'Allowed values of a choice field: inline options, or the active keys of its master list.' })
  get options(): string[] {
    return [...(this.field.options ?? (this.field.list ? this.listKeys.get(this.field.list) : undefined) ?? [])];
  }

  @Field(() => String, { nullable: true, description: 'The master list a choice field takes its values from.' })
  get list(): string | null {
    return this.field.list ?? null;
  }

  @Field(() => String, { nullable: true, description: 'Target type of a reference.' })
  get target(): string | null {
    return this.field.target ?? null;
  }

  @Field(() => Int, { nullable: true })
  get maxLength(): number | null {
    return this.field.maxLength ?? null;
  }

  @Field(() => Float, { nullable: true })
  get min(): number | null {
    return this.field.min ?? null;
  }

  @Field(() => Float, { nullable: true })
  get max(): number | null {
    return this.field.max ?? null;
  }

  @Field(() => String, { nullable: true })
  get pattern(): string | null {
    return this.field.pattern ?? null;
  }

  @Field(() => String, { nullable: true, description: 'Why the field is deprecated, when it is.' })
  get deprecated(): string | null {
    return this.field.deprecated ?? null;
  }
}

@ObjectType({ description: 'A section of a form.' })
export class LayoutSectionMetadata {
  constructor(private readonly layout: LayoutSection) {}

  @Field(() => String)
  section(@Arg('locale', () => String, { nullable: true }) locale?: string): string {
    return localize(this.layout.section, locale, '');
  }

  @Field(() => [String])
  get fields(): string[] {
    return [...this.layout.fields];
  }
}

@ObjectType({ description: 'A type the caller may use.' })
export class TypeMetadata {
  constructor(
    private readonly entity: EntityDefinition,
    private readonly listKeys: ListKeys,
    private readonly visibleFields: readonly FieldDefinition[],
  ) {}

  @Field(() => String)
  get name(): string {
    return this.entity.name;
  }

  @Field(() => String)
  get plural(): string {
    return this.entity.plural;
  }

  @Field(() => String)
  label(@Arg('locale', () => String, { nullable: true }) locale?: string): string {
    return localize(this.entity.label, locale, this.entity.name);
  }

  @Field(() => [String])
  get traits(): string[] {
    return [...this.entity.traits];
  }

  @Field(() => [String], { description: 'The kinds of address a record may have (addresses trait).' })
  get addressKinds(): string[] {
    return [...this.entity.addressKinds];
  }

  @Field(() => [FieldMetadata])
  get fields(): FieldMetadata[] {
    return this.visibleFields.map((f) => new FieldMetadata(f, this.listKeys));
  }

  @Field(() => [LayoutSectionMetadata], { description: 'Sections list only the fields the caller may read.' })
  get layout(): LayoutSectionMetadata[] {
    const hidden = new Set(this.entity.fields.filter((f) => !this.visibleFields.includes(f)).map((f) => f.name));
    return this.entity.layout.map((l) => new LayoutSectionMetadata({ ...l, fields: l.fields.filter((f) => !hidden.has(f)) }));
  }
}

@ObjectType({ description: 'The part of the model the caller may see (issue 5).' })
export class Metadata {
  constructor(
    private readonly registry: MetadataRegistry,
    private readonly listKeys: ListKeys,
    private readonly access: AccessPolicy,
  ) {}

  @Field(() => String, { description: 'Changes whenever the definitions change.' })
  get version(): string {
    return this.registry.version;
  }

  @Field(() => [TypeMetadata])
  get types(): TypeMetadata[] {
    return this.registry.entities
      .filter((e) => this.access.can(e, 'read'))
      .map((e) => new TypeMetadata(e, this.listKeys, readableFields(this.registry, this.access, e)));
  }
}

@Resolver()
export class MetadataResolver {
  @Query(() => Metadata, { description: 'Types, fields and form layouts, for rendering any type.' })
  async metadata(@Ctx() context: { registry: MetadataRegistry; db: Queryable; access: AccessPolicy }): Promise<Metadata> {
    // The master lists change at run time: their active keys are read per request, in one query.
    const listKeys = new Map<string, string[]>();
    for (const value of await readListValues(context.db, listNamesOf(context.registry), false)) {
      listKeys.set(value.list, [...(listKeys.get(value.list) ?? []), value.key]);
    }
    return new Metadata(context.registry, listKeys, context.access);
  }
}

let staticSchema: GraphQLSchema | undefined;

/** The type-graphql part of the API, built once per process. */
export function staticSchemaPart(): GraphQLSchema {
  staticSchema ??= buildSchemaSync({ resolvers: [MetadataResolver], validate: false });
  return staticSchema;
}
