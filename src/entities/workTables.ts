import { EntitySchema, type EntitySchemaColumnOptions, type EntitySchemaRelationOptions } from 'typeorm';
import { ENGINE_TABLE_PREFIX } from '../metadata/reservedNames';
import { foreignKeyName, indexName, primaryKeyName } from './storageNames';

/**
 * Tables the engine owns for selections, snapshots, exports and uploads (contract section 7).
 * The `relata_` prefix keeps them apart from the tables of definitions; `checkTableNames`
 * refuses a type whose table starts with it.
 */
export const WORK_TABLES = {
  selection: `${ENGINE_TABLE_PREFIX}selection`,
  snapshot: `${ENGINE_TABLE_PREFIX}snapshot`,
  snapshotMember: `${ENGINE_TABLE_PREFIX}snapshot_member`,
  export: `${ENGINE_TABLE_PREFIX}export`,
  upload: `${ENGINE_TABLE_PREFIX}upload`,
} as const;

const id = (table: string): EntitySchemaColumnOptions => ({
  type: 'uuid',
  primary: true,
  generated: 'uuid',
  primaryKeyConstraintName: primaryKeyName(table),
});
const now: EntitySchemaColumnOptions = { type: 'timestamptz', default: () => 'now()' };
const owner: EntitySchemaColumnOptions = { type: 'varchar', length: 200 };
const typeName: EntitySchemaColumnOptions = { type: 'varchar', length: 100 };
const roles: EntitySchemaColumnOptions = { type: 'text', array: true, default: () => "'{}'" };

export function workEntitySchemas(): EntitySchema[] {
  const t = WORK_TABLES;
  const memberOf: Record<string, EntitySchemaRelationOptions> = {
    snapshot_ref: {
      type: 'many-to-one',
      target: 'relata.snapshot',
      joinColumn: { name: 'snapshot_id', referencedColumnName: 'id', foreignKeyConstraintName: foreignKeyName(t.snapshotMember, 'snapshot_id') },
      onDelete: 'CASCADE',
      nullable: false,
    },
  };
  return [
    new EntitySchema({
      name: 'relata.selection',
      tableName: t.selection,
      columns: {
        id: id(t.selection),
        name: { type: 'varchar', length: 200 },
        type: typeName,
        condition: { type: 'jsonb' },
        owner,
        shared_with_roles: roles,
        version: { type: 'integer', default: 1 },
        created_at: now,
        updated_at: now,
      },
      indices: [{ name: indexName(t.selection, 'owner'), columns: ['owner'] }],
    }),
    new EntitySchema({
      name: 'relata.snapshot',
      tableName: t.snapshot,
      columns: {
        id: id(t.snapshot),
        selection_id: { type: 'uuid', nullable: true },
        name: { type: 'varchar', length: 200 },
        type: typeName,
        owner,
        shared_with_roles: roles,
        created_at: now,
      },
    }),
    new EntitySchema({
      name: 'relata.snapshotMember',
      tableName: t.snapshotMember,
      columns: {
        snapshot_id: { type: 'uuid', primary: true, primaryKeyConstraintName: primaryKeyName(t.snapshotMember) },
        record_id: { type: 'uuid', primary: true, primaryKeyConstraintName: primaryKeyName(t.snapshotMember) },
      },
      relations: memberOf,
    }),
    new EntitySchema({
      name: 'relata.export',
      tableName: t.export,
      columns: { id: id(t.export), owner, spec: { type: 'jsonb' }, created_at: now, expires_at: { type: 'timestamptz' } },
    }),
    new EntitySchema({
      name: 'relata.upload',
      tableName: t.upload,
      columns: {
        id: id(t.upload),
        owner,
        file_name: { type: 'varchar', length: 255, nullable: true },
        content: { type: 'bytea' },
        created_at: now,
      },
    }),
  ];
}
