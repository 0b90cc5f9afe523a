import { EntitySchema } from 'typeorm';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import { ADDRESS_MODEL, addressModelOf } from '../metadata/traits/addressModel';
import type { EntityDefinition } from '../metadata/types';
import type { NamedToManyRelation } from './relations';
import { primaryKeyName, tableName } from './storageNames';

/**
 * Storage the built-in capabilities own (contract section 6), decided from the metadata:
 * the master-list table always, and an address table per type with the addresses trait.
 */
export const MASTER_LIST_TABLE = 'master_list_value';

/** `<table>_address`, one default per record and kind guaranteed by a partial unique index. */
export function addressTableOf(entity: EntityDefinition): string {
  return tableName(addressModelOf(entity));
}

export const ADDRESS_RECORD_COLUMN = 'record_id';

export function defaultAddressIndexName(entity: EntityDefinition): string {
  return `${addressTableOf(entity)}_one_default_key`;
}

/** The models stored as ordinary tables on behalf of traits (address tables). */
export function traitModels(registry: MetadataRegistry): EntityDefinition[] {
  return registry.entities.filter((e) => e.traits.includes('addresses')).map(addressModelOf);
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

/** Statements TypeORM cannot express: the partial unique index of default addresses. */
export function traitIndexStatements(registry: MetadataRegistry): string[] {
  return registry.entities
    .filter((e) => e.traits.includes('addresses'))
    .map(
      (e) =>
        `CREATE UNIQUE INDEX IF NOT EXISTS "${defaultAddressIndexName(e)}" ON "${addressTableOf(e)}" ` +
        `("${ADDRESS_RECORD_COLUMN}", "kind") WHERE "is_default"`,
    );
}

/** Relations a trait adds for filtering (`where: { addresses: { some: ... } }`), not as fields. */
export function traitFilterRelationsOf(entity: EntityDefinition): NamedToManyRelation[] {
  if (!entity.traits.includes('addresses')) return [];
  const kind = ADDRESS_MODEL.fields[0]!;
  return [
    {
      name: 'addresses',
      declaredBy: kind,
      relation: { kind: 'foreignKey', target: ADDRESS_MODEL, table: addressTableOf(entity), foreignKey: ADDRESS_RECORD_COLUMN },
    },
  ];
}

