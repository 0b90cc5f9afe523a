import { copyText as rowsAsCopyText } from '../src/entities/copyText';
import { SYSTEM_COLUMNS, columnName } from '../src/entities/storageNames';
import type { EntityDefinition, FieldDefinition } from '../src/metadata/types';
import type { GeneratedRecord } from '../src/seed';

/** The columns COPY writes for a type: `id` and one per field with a column, as bulkInsert writes them. */
export function copyColumns(entity: EntityDefinition): string[] {
  return [SYSTEM_COLUMNS.id, ...columnFields(entity).map((f) => columnName(f))];
}

/** Records in PostgreSQL's COPY text format, one line per record, columns as `copyColumns` lists them. */
export function copyText(entity: EntityDefinition, records: readonly GeneratedRecord[]): string {
  const fields = columnFields(entity);
  return rowsAsCopyText(records.map((record) => [record.id, ...fields.map((field) => copyValue(field, record.values[field.name]))]));
}

function columnFields(entity: EntityDefinition): FieldDefinition[] {
  return entity.fields.filter((f) => f.type !== 'references');
}

function copyValue(field: FieldDefinition, value: unknown): unknown {
  return field.type === 'json' && value !== undefined && value !== null ? JSON.stringify(value) : value;
}
