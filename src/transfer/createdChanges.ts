import type { EntityDefinition, FieldDefinition } from '../metadata/types';

/**
 * The `changes` of a create's audit entry as JSON text, `{ field: { new: value } }`, built
 * from the values an import batch writes rather than read back from the stored rows: an
 * import's audit entries then go in by COPY, like its records. Each value is written as
 * PostgreSQL's `to_jsonb` of the stored column writes it (`changesSql`), so that the entry
 * equals the one `create<Type>` records; fields without a value (null, no list items) are
 * left out, as a create records only the fields it was given.
 */
export function createdChanges(entity: EntityDefinition, values: Readonly<Record<string, unknown>>): string {
  let text = '';
  for (const { field, key } of fieldKeysOf(entity)) {
    const json = jsonOf(field, values[field.name]);
    if (json !== undefined) text += `${text === '' ? '' : ','}${key}${json}}`;
  }
  return `{${text}}`;
}

/** Per field its `"name":{"new":` (an import formats it for every row). */
const fieldKeys = new WeakMap<EntityDefinition, readonly { field: FieldDefinition; key: string }[]>();

function fieldKeysOf(entity: EntityDefinition): readonly { field: FieldDefinition; key: string }[] {
  let keys = fieldKeys.get(entity);
  if (!keys) {
    keys = entity.fields.map((field) => ({ field, key: `${JSON.stringify(field.name)}:{"new":` }));
    fieldKeys.set(entity, keys);
  }
  return keys;
}

function jsonOf(field: FieldDefinition, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  switch (field.type) {
    case 'integer':
    case 'decimal':
    case 'money':
      return numberJson(value as number | string);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'datetime':
      return JSON.stringify(timestampText(value as string | Date));
    case 'reference':
      return JSON.stringify(String(value).toLowerCase());
    case 'references': {
      // The link table's ids as `linkedIdsSql` reads them: each once, in uuid order.
      const ids = [...new Set((value as string[]).map((id) => id.toLowerCase()))].sort();
      return ids.length === 0 ? undefined : JSON.stringify(ids);
    }
    case 'multiChoice':
      return (value as string[]).length === 0 ? undefined : JSON.stringify(value);
    default:
      // Text, choices and dates are their text; JSON is itself.
      return JSON.stringify(value);
  }
}

/** A number as a JSON number: decimal text keeps its digits (numeric keeps them too), without leading zeros. */
function numberJson(value: number | string): string {
  return typeof value === 'number' ? String(value) : value.replace(/^(-?)0+(?=\d)/, '$1');
}

/** `to_jsonb(timestamptz)` in UTC: seconds always, a fraction only when there is one, `+00:00` for `Z`. */
function timestampText(value: string | Date): string {
  const iso = (value instanceof Date ? value : new Date(value)).toISOString();
  return iso.replace(/\.?0*Z$/, '+00:00');
}
