import type { Queryable } from '../../entities/database';
import { unacceptedListValues, type WrittenListValue } from '../../entities/masterListStore';
import { columnName, tableName } from '../../entities/storageNames';
import type { FieldError } from '../../errors';
import { listFieldsOf } from '../../metadata/listNames';
import type { EntityDefinition, FieldDefinition } from '../../metadata/types';
import { isUuid } from '../validateInput';

/** The input of one create (no id) or update of a record. */
export interface ListWrite {
  readonly input: Readonly<Record<string, unknown>>;
  readonly id?: string | undefined;
}

/**
 * Master lists (contract section 6, issue 6): per write, the list fields holding a value
 * that is not active in its list, unless the record holds it already (deactivated values
 * stay). One statement for all writes, so that an API write and an import batch of a
 * thousand rows run the same check at the same cost in round trips.
 */
export async function checkListValues(db: Queryable, entity: EntityDefinition, writes: readonly ListWrite[]): Promise<FieldError[][]> {
  const fields = listFieldsOf(entity);
  const values: (WrittenListValue & { write: number; field: FieldDefinition })[] = [];
  writes.forEach(({ input, id }, write) => {
    const record = id !== undefined && isUuid(id) ? id : null;
    for (const field of fields) {
      const value = input[field.name];
      const keys = value == null ? [] : Array.isArray(value) ? (value as unknown[]) : [value];
      for (const key of keys) {
        if (typeof key === 'string' && key !== '') values.push({ write, field, list: field.list!, key, column: columnName(field), record });
      }
    }
  });
  // An import batch repeats the same few values of new records: each is checked once.
  const distinct = new Map<string, number>();
  const checked: WrittenListValue[] = [];
  const slots = values.map((v) => {
    const key = `${v.list}\u0000${v.key}\u0000${v.column}\u0000${v.record ?? ''}`;
    let slot = distinct.get(key);
    if (slot === undefined) {
      slot = checked.push(v) - 1;
      distinct.set(key, slot);
    }
    return slot;
  });
  const refused = new Set(await unacceptedListValues(db, tableName(entity), checked));
  const errors = writes.map((): FieldError[] => []);
  values.forEach((v, i) => {
    if (refused.has(slots[i]!)) errors[v.write]!.push({ field: v.field.name, message: `"${v.key}" is not an active value of list ${v.list}` });
  });
  return errors;
}
