import type { MetadataRegistry } from './MetadataRegistry';
import type { EntityDefinition, FieldDefinition } from './types';

/** The lists the journal trait takes an entry's kind and type from (contract section 6). */
export const JOURNAL_LISTS = { kind: 'journalKind', type: 'journalType' } as const;

/** The fields of `entity` that take their values from a master list. */
export function listFieldsOf(entity: EntityDefinition): readonly FieldDefinition[] {
  return entity.fields.filter((f) => f.list !== undefined);
}

/** Every master list the model uses: named by a `list:` field, or by a trait that is switched on. */
export function listNamesOf(registry: MetadataRegistry): readonly string[] {
  const names = new Set(registry.entities.flatMap((e) => listFieldsOf(e).map((f) => f.list!)));
  if (registry.entities.some((e) => e.traits.includes('journal'))) Object.values(JOURNAL_LISTS).forEach((l) => names.add(l));
  return [...names].sort();
}
