import type { Queryable } from '../entities/database';
import { readListValues } from '../entities/masterListStore';
import { listFieldsOf } from '../metadata/listNames';
import type { EntityDefinition, FieldDefinition } from '../metadata/types';

/** How many allowed values a bad-row message names before it counts the rest. */
const NAMED = 8;

/**
 * The keys that cells of master-list fields name (contract section 6): a cell may hold the
 * key or a label in any locale, ignoring case, since German files carry "Einkauf", not
 * "purchasing". Read once per import; whether a value is acceptable is decided by the API's
 * own check (`checkListValues`), so a cell that names no value is passed on as it is.
 */
export class ListValueKeys {
  private constructor(
    private readonly byText: ReadonlyMap<string, ReadonlyMap<string, string>>,
    private readonly keys: ReadonlyMap<string, ReadonlySet<string>>,
    private readonly active: ReadonlyMap<string, readonly string[]>,
  ) {}

  static async read(db: Queryable, entity: EntityDefinition): Promise<ListValueKeys> {
    const lists = [...new Set(listFieldsOf(entity).map((f) => f.list!))];
    const values = await readListValues(db, lists);
    const byText = new Map(lists.map((l) => [l, new Map<string, string>()]));
    const keys = new Map(lists.map((l) => [l, new Set<string>()]));
    const active = new Map(lists.map((l) => [l, [] as string[]]));
    // Later entries win: labels, then active values' labels, then keys (a key beats a label).
    const ordered = [...values.filter((v) => !v.active), ...values.filter((v) => v.active)];
    for (const value of ordered) for (const label of Object.values(value.label)) byText.get(value.list)!.set(label.trim().toLowerCase(), value.key);
    for (const value of ordered) {
      byText.get(value.list)!.set(value.key.toLowerCase(), value.key);
      keys.get(value.list)!.add(value.key);
      if (value.active) active.get(value.list)!.push(value.key);
    }
    return new ListValueKeys(byText, keys, active);
  }

  /** The key `text` names in the list of `field`, or `text` itself when it names none. */
  keyOf(field: FieldDefinition, text: string): string {
    if (this.keys.get(field.list!)?.has(text)) return text;
    return this.byText.get(field.list!)?.get(text.trim().toLowerCase()) ?? text;
  }

  /** The cell value (a key, or the keys of a multiChoice) with labels replaced by their keys. */
  valueOf(field: FieldDefinition, value: unknown): unknown {
    if (typeof value === 'string') return this.keyOf(field, value);
    return Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? this.keyOf(field, v) : v)) : value;
  }

  /** The active keys of the list, briefly: `allowed: a, b, c, … (4 more), or their labels`. */
  allowed(field: FieldDefinition): string {
    const keys = this.active.get(field.list!) ?? [];
    if (keys.length === 0) return 'the list has no active values';
    const more = keys.length > NAMED ? `, … (${keys.length - NAMED} more)` : '';
    return `allowed: ${keys.slice(0, NAMED).join(', ')}${more}, or their labels`;
  }
}
