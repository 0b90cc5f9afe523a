import {
  EntitySchema,
  type EntitySchemaIndexOptions,
  type EntitySchemaRelationOptions,
} from 'typeorm';
import type { EntitySchemaExclusionOptions } from 'typeorm/entity-schema/EntitySchemaExclusionOptions';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import { ADDRESS_MODEL, addressModelOf } from '../metadata/traits/addressModel';
import { ATTRIBUTE_VALUE_MODEL, attributeModelOf } from '../metadata/traits/attributeModel';
import { historyModelOf, temporalFieldsOf } from '../metadata/traits/historyModel';
import { JOURNAL_ENTRY_MODEL } from '../metadata/traits/journalModel';
import type { EntityDefinition } from '../metadata/types';
import type { NamedToManyRelation } from './relations';
import { foreignKeyName, indexName, primaryKeyName, tableName } from './storageNames';

/**
 * Storage the built-in capabilities own (contract section 6), decided from the metadata:
 * the master-list table always, an address table per type with the addresses trait, and the
 * journal's absences and links (its entries are the built-in type journalEntry).
 */
export const MASTER_LIST_TABLE = 'master_list_value';

/** The journal's absences (deputies) and links from entries to any records. */
export const ABSENCE_TABLE = 'journal_absence';
export const JOURNAL_LINK_TABLE = 'journal_entry_link';

/**
 * One entry per campaign and recipient, the conflict target of `recordCampaign`; entries of
 * no campaign (NULL) never clash, as NULLs are distinct in a unique index.
 */
export const CAMPAIGN_KEY = { name: 'journal_entry_campaign_key', columns: ['campaign', 'record_id'] } as const;

/** Indexes of the table of a type a trait defines (journalEntry's campaign key). */
export function builtInTableIndexes(entity: EntityDefinition): Pick<TraitModel, 'indices' | 'exclusions'> | undefined {
  return entity.builtIn === 'journal' ? { indices: [{ name: CAMPAIGN_KEY.name, columns: [...CAMPAIGN_KEY.columns], unique: true }], exclusions: [] } : undefined;
}

/** `<table>_address`, one default per record and kind guaranteed by a partial unique index. */
export function addressTableOf(entity: EntityDefinition): string {
  return tableName(addressModelOf(entity));
}

/** The column tying an address, attribute value or field period to its record. */
export const RECORD_COLUMN = 'record_id';

export const ATTRIBUTE_DEFINITION_TABLE = 'attribute_definition';

/** `<table>_attribute`: values with validity periods that may not overlap per record and attribute. */
export function attributeTableOf(entity: EntityDefinition): string {
  return tableName(attributeModelOf(entity));
}

/** `<table>_history`: the periods of a type's temporal fields. */
export function historyTableOf(entity: EntityDefinition): string {
  return tableName(historyModelOf(entity));
}

/** No two periods of one key (attribute name, field name) of a record overlap; btree_gist gives uuid and text their =. */
function noOverlap(table: string, key: string): EntitySchemaExclusionOptions {
  return {
    name: `${table}_no_overlap`,
    expression: `USING gist ("${RECORD_COLUMN}" WITH =, "${key}" WITH =, daterange("valid_from", "valid_to") WITH &&)`,
  };
}

const needsPeriods = (e: EntityDefinition) => e.traits.includes('attributes') || temporalFieldsOf(e).length > 0;

export function defaultAddressIndexName(entity: EntityDefinition): string {
  return `${addressTableOf(entity)}_one_default_key`;
}

/**
 * The models stored as ordinary tables on behalf of traits (address tables), with the indexes
 * TypeORM must know of but not build (the partial unique index, see `traitIndexStatements`).
 */
export function traitModels(registry: MetadataRegistry): TraitModel[] {
  const addresses = registry.entities
    .filter((e) => e.traits.includes('addresses'))
    .map((e) => ({
      model: addressModelOf(e),
      indices: [{ name: defaultAddressIndexName(e), columns: [RECORD_COLUMN, 'kind'], unique: true, synchronize: false }],
      exclusions: [],
    }));
  const attributes = registry.entities
    .filter((e) => e.traits.includes('attributes'))
    .map((e) => ({
      model: attributeModelOf(e),
      indices: [{ name: indexName(attributeTableOf(e), 'name'), columns: ['name'] }],
      exclusions: [noOverlap(attributeTableOf(e), 'name')],
    }));
  const histories = registry.entities
    .filter((e) => temporalFieldsOf(e).length > 0)
    .map((e) => ({ model: historyModelOf(e), indices: [], exclusions: [noOverlap(historyTableOf(e), 'field')] }));
  return [...addresses, ...attributes, ...histories];
}

export interface TraitModel {
  readonly model: EntityDefinition;
  readonly indices: EntitySchemaIndexOptions[];
  readonly exclusions: EntitySchemaExclusionOptions[];
}

/** Extensions the trait tables need, created before them (btree_gist for attribute and field periods). */
export function traitExtensionStatements(registry: MetadataRegistry): string[] {
  return registry.entities.some(needsPeriods) ? ['CREATE EXTENSION IF NOT EXISTS btree_gist'] : [];
}

/** The runtime-defined attributes, once any type has the attributes trait. */
export function attributeDefinitionEntitySchemas(registry: MetadataRegistry): EntitySchema[] {
  if (!registry.entities.some((e) => e.traits.includes('attributes'))) return [];
  return [
    new EntitySchema({
      name: 'relata.attributeDefinition',
      tableName: ATTRIBUTE_DEFINITION_TABLE,
      columns: {
        name: { type: 'varchar', length: 63, primary: true, primaryKeyConstraintName: primaryKeyName(ATTRIBUTE_DEFINITION_TABLE) },
        label: { type: 'jsonb' },
        type: { type: 'varchar', length: 20 },
        options: { type: 'text', array: true, nullable: true },
        target: { type: 'varchar', length: 63, nullable: true },
        applies_to: { type: 'text', array: true, nullable: true },
        created_at: { type: 'timestamptz', default: () => 'now()' },
        updated_at: { type: 'timestamptz', default: () => 'now()' },
      },
    }),
  ];
}

export function masterListEntitySchema(): EntitySchema {
  return new EntitySchema({
    name: 'relata.masterListValue',
    tableName: MASTER_LIST_TABLE,
    columns: {
      list: { type: 'varchar', length: 100, primary: true, primaryKeyConstraintName: primaryKeyName(MASTER_LIST_TABLE) },
      key: { type: 'varchar', length: 100, primary: true, primaryKeyConstraintName: primaryKeyName(MASTER_LIST_TABLE) },
      parent: { type: 'varchar', length: 100, nullable: true },
      label: { type: 'jsonb' },
      position: { type: 'integer', default: 0 },
      active: { type: 'boolean', default: true },
      created_at: { type: 'timestamptz', default: () => 'now()' },
      updated_at: { type: 'timestamptz', default: () => 'now()' },
    },
  });
}

/** The journal's own tables, once any type has the journal trait. */
export function journalEntitySchemas(registry: MetadataRegistry): EntitySchema[] {
  if (!registry.find(JOURNAL_ENTRY_MODEL.name)) return [];
  const absence = new EntitySchema({
    name: 'relata.absence',
    tableName: ABSENCE_TABLE,
    columns: {
      id: { type: 'uuid', primary: true, generated: 'uuid', primaryKeyConstraintName: primaryKeyName(ABSENCE_TABLE) },
      user_id: { type: 'varchar', length: 200 },
      deputy: { type: 'varchar', length: 200 },
      starts_at: { type: 'timestamptz' },
      ends_at: { type: 'timestamptz' },
      created_at: { type: 'timestamptz', default: () => 'now()' },
    },
    checks: [{ name: `${ABSENCE_TABLE}_period_check`, expression: 'ends_at > starts_at' }],
    indices: [{ name: indexName(ABSENCE_TABLE, 'deputy'), columns: ['deputy'] }],
  });
  const relations: Record<string, EntitySchemaRelationOptions> = {
    entry_ref: {
      type: 'many-to-one',
      target: JOURNAL_ENTRY_MODEL.name,
      joinColumn: { name: 'entry_id', referencedColumnName: 'id', foreignKeyConstraintName: foreignKeyName(JOURNAL_LINK_TABLE, 'entry_id') },
      onDelete: 'CASCADE',
    },
  };
  const link = new EntitySchema({
    name: 'relata.journalLink',
    tableName: JOURNAL_LINK_TABLE,
    columns: {
      entry_id: { type: 'uuid', primary: true, primaryKeyConstraintName: primaryKeyName(JOURNAL_LINK_TABLE) },
      record_id: { type: 'varchar', length: 36, primary: true, primaryKeyConstraintName: primaryKeyName(JOURNAL_LINK_TABLE) },
      record_type: { type: 'varchar', length: 63 },
    },
    relations,
    indices: [{ name: indexName(JOURNAL_LINK_TABLE, 'record_id'), columns: ['record_id'] }],
  });
  return [absence, link];
}

/** Statements TypeORM cannot express: the partial unique index of default addresses. */
export function traitIndexStatements(registry: MetadataRegistry): string[] {
  return registry.entities
    .filter((e) => e.traits.includes('addresses'))
    .map(
      (e) =>
        `CREATE UNIQUE INDEX IF NOT EXISTS "${defaultAddressIndexName(e)}" ON "${addressTableOf(e)}" ` +
        `("${RECORD_COLUMN}", "kind") WHERE "is_default"`,
    );
}

/** Relations a trait adds for filtering (`where: { addresses: { some: ... } }`), not as fields. */
export function traitFilterRelationsOf(entity: EntityDefinition): NamedToManyRelation[] {
  const relations: NamedToManyRelation[] = [];
  const rowsOf = (name: string, target: EntityDefinition, table: string): NamedToManyRelation => ({
    name,
    declaredBy: target.fields[0]!,
    relation: { kind: 'foreignKey', target, table, foreignKey: RECORD_COLUMN },
  });
  if (entity.traits.includes('addresses')) relations.push(rowsOf('addresses', ADDRESS_MODEL, addressTableOf(entity)));
  if (entity.traits.includes('attributes')) relations.push(rowsOf('attributes', ATTRIBUTE_VALUE_MODEL, attributeTableOf(entity)));
  return relations;
}

