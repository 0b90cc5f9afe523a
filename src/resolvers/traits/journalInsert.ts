import { columnName, tableName } from '../../entities/storageNames';
import { JOURNAL_ENTRY_MODEL } from '../../metadata/traits/journalModel';
import type { FieldDefinition } from '../../metadata/types';
import { auditCte, changesSql } from '../auditSql';
import { ident, type SqlBuilder } from '../compiler/SqlBuilder';
import type { Viewer } from '../context';

/** The table of journal entries. */
export const ENTRY_TABLE = tableName(JOURNAL_ENTRY_MODEL);

/** The parts of an entry's input that every new entry takes over. */
export interface EntryContent {
  readonly kind?: unknown;
  readonly type?: unknown;
  readonly subject?: unknown;
  readonly text?: unknown;
  readonly occurredAt?: unknown;
}

/** An entry's values from its input: kind, type, subject, text, when (default now), recorded by the caller. */
export function entryValues(input: EntryContent, viewer: Viewer): Record<string, unknown> {
  const { kind, type, subject, text } = input;
  return { kind, type, subject, text, occurredAt: input.occurredAt ?? new Date().toISOString(), recordedBy: viewer.sub };
}

/** The journal entry fields of these names, for `journalInsertCtes`. */
export function entryFields(...names: readonly string[]): FieldDefinition[] {
  return names.map((name) => JOURNAL_ENTRY_MODEL.fields.find((f) => f.name === name)!);
}

/**
 * The CTEs that insert journal entries and append an audit entry for each row written, in
 * the same statement (issue 5: every create attributable, like `create<Type>`): `w` holds the
 * rows. `insert` is an `INSERT INTO journal_entry ...` (VALUES or SELECT, with ON CONFLICT if
 * needed) writing `fields`; rows it skips get no audit entry.
 */
export function journalInsertCtes(sql: SqlBuilder, viewer: Viewer, fields: readonly FieldDefinition[], insert: string): string[] {
  const changes = changesSql(fields.map((field) => ({ field, new: `w.${ident(columnName(field))}` })));
  return [`w AS (${insert} RETURNING *)`, auditCte(sql, viewer, JOURNAL_ENTRY_MODEL, 'create', 'w', changes)];
}
