import { MetadataError } from './MetadataError';
import { snakeCase } from './casing';
import { MAX_SQL_IDENTIFIER_LENGTH } from './naming';
import { ENGINE_TABLE_PREFIX } from './reservedNames';
import type { EntityDefinition } from './types';

/**
 * SQL table names across files (contract section 5): each type's table (`journalEntry` ->
 * `journal_entry`) and each link table of a `references` field (`<table>_<field_snake>`)
 * and each table a trait keeps per type (`<table>_address`, `<table>_attribute`, `<table>_history`)
 * must be distinct, leave `relata_*` to the engine, and fit PostgreSQL's identifier length.
 */
export function checkTableNames(definitions: readonly EntityDefinition[]): MetadataError[] {
  const problems: MetadataError[] = [];
  /** Table name -> what owns it, e.g. `the table of type company (company.yaml)`. */
  const tables = new Map<string, string>();
  const claim = (table: string, owner: string, file: string, path: string, kind: string) => {
    const holder = tables.get(table);
    if (holder !== undefined) {
      problems.push(new MetadataError(file, path, `${kind} "${table}" clashes with ${holder}`));
      return;
    }
    tables.set(table, owner);
    if (table.startsWith(ENGINE_TABLE_PREFIX)) {
      problems.push(new MetadataError(file, path, `${kind} "${table}" starts with "${ENGINE_TABLE_PREFIX}", which the engine keeps for its own tables`));
    }
    if (table.length > MAX_SQL_IDENTIFIER_LENGTH) {
      const reason = `${kind} "${table}" is longer than ${MAX_SQL_IDENTIFIER_LENGTH} characters`;
      problems.push(new MetadataError(file, path, reason));
    }
  };

  // Tables the engine owns for itself (src/entities/traitTables.ts).
  for (const table of ['master_list_value', 'attribute_definition', 'journal_entry', 'journal_absence', 'journal_entry_link']) {
    tables.set(table, 'a table of the engine');
  }
  const names = new Set<string>();
  for (const definition of definitions) {
    if (names.has(definition.name)) continue; // a duplicate type, reported by checkTypeNames
    names.add(definition.name);
    const table = snakeCase(definition.name);
    claim(table, `the table of type ${definition.name} (${definition.file})`, definition.file, 'name', 'table');
  }
  for (const definition of definitions) {
    for (const field of definition.fields) {
      if (field.type !== 'references') continue;
      const path = `fields.${field.name}`;
      const table = `${snakeCase(definition.name)}_${snakeCase(field.name)}`;
      claim(table, `the link table of ${definition.file}#${path}`, definition.file, path, 'link table');
    }
    const owned: [string, boolean][] = [
      ['address', definition.traits.includes('addresses')],
      ['attribute', definition.traits.includes('attributes')],
      ['history', definition.fields.some((f) => f.temporal)],
    ];
    for (const [suffix, present] of owned) {
      if (!present) continue;
      const table = `${snakeCase(definition.name)}_${suffix}`;
      claim(table, `the ${suffix} table of ${definition.file}`, definition.file, 'name', `${suffix} table`);
    }
  }
  return problems;
}
