import type { ColumnType } from 'typeorm';
import type { FieldDefinition, FieldType } from '../metadata/types';

/** How one field type is stored: the TypeORM column type and the SQL type used in casts. */
export interface ColumnStorage {
  readonly type: ColumnType;
  readonly length?: number;
  readonly precision?: number;
  readonly scale?: number;
  readonly array?: boolean;
  /** The type to cast parameters to, e.g. `numeric` or `text[]`. */
  readonly sqlType: string;
}

const storages = new WeakMap<FieldDefinition, ColumnStorage>();

/** The storage of each field type that has a column (`references` has a link table instead). */
export function columnStorage(field: FieldDefinition): ColumnStorage {
  let storage = storages.get(field);
  if (!storage) {
    storage = storageOf(field);
    storages.set(field, storage);
  }
  return storage;
}

function storageOf(field: FieldDefinition): ColumnStorage {
  const type: Exclude<FieldType, 'references'> | 'references' = field.type;
  switch (type) {
    case 'string':
      return { type: 'varchar', length: field.maxLength ?? 255, sqlType: 'varchar' };
    case 'text':
      return { type: 'text', sqlType: 'text' };
    case 'email':
      return { type: 'varchar', length: field.maxLength ?? 320, sqlType: 'varchar' };
    case 'phone':
      return { type: 'varchar', length: field.maxLength ?? 50, sqlType: 'varchar' };
    case 'url':
      return { type: 'varchar', length: field.maxLength ?? 2048, sqlType: 'varchar' };
    case 'choice':
      return { type: 'varchar', length: 100, sqlType: 'varchar' };
    case 'multiChoice':
      return { type: 'text', array: true, sqlType: 'text[]' };
    case 'integer':
      return { type: 'integer', sqlType: 'integer' };
    case 'decimal':
      return { type: 'numeric', sqlType: 'numeric' };
    case 'money':
      return { type: 'numeric', precision: 19, scale: 4, sqlType: 'numeric' };
    case 'boolean':
      return { type: 'boolean', sqlType: 'boolean' };
    case 'date':
      return { type: 'date', sqlType: 'date' };
    case 'datetime':
      return { type: 'timestamptz', sqlType: 'timestamptz' };
    case 'json':
      return { type: 'jsonb', sqlType: 'jsonb' };
    case 'reference':
      return { type: 'uuid', sqlType: 'uuid' };
    case 'references':
      throw new Error(`Field ${field.name}: "references" is stored in a link table, not a column`);
    default:
      return assertNever(type);
  }
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled value ${String(value)}`);
}
