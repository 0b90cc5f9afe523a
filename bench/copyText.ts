import { columnStorage } from '../src/entities/columnTypes';
import { SYSTEM_COLUMNS, columnName } from '../src/entities/storageNames';
import type { EntityDefinition, FieldDefinition } from '../src/metadata/types';
import type { GeneratedRecord } from '../src/seed';

/** The columns COPY writes for a type: `id` and one per field with a column, as bulkInsert writes them. */
export function copyColumns(entity: EntityDefinition): string[] {
  return [SYSTEM_COLUMNS.id, ...columnFields(entity).map((f) => columnName(f))];
}

/**
 * Records in PostgreSQL's COPY text format (tab-separated, `\N` for null, backslash
 * escapes), one line per record, columns as `copyColumns` lists them.
 */
export function copyText(entity: EntityDefinition, records: readonly GeneratedRecord[]): string {
  const fields = columnFields(entity);
  const lines = records.map((record) =>
    [escape(record.id), ...fields.map((field) => copyValue(field, record.values[field.name]))].join('\t'),
  );
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function columnFields(entity: EntityDefinition): FieldDefinition[] {
  return entity.fields.filter((f) => f.type !== 'references');
}

function copyValue(field: FieldDefinition, value: unknown): string {
  if (value === undefined || value === null) return '\\N';
  if (field.type === 'json') return escape(JSON.stringify(value));
  if (columnStorage(field).array && Array.isArray(value)) return escape(arrayLiteral(value));
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return escape(String(value));
}

/** `{"a","b \"c\""}`: every element quoted, so commas, braces and spaces need no thought. */
function arrayLiteral(values: readonly unknown[]): string {
  const elements = values.map((v) => (v === null || v === undefined ? 'NULL' : `"${String(v).replace(/["\\]/g, '\\$&')}"`));
  return `{${elements.join(',')}}`;
}

function escape(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}
