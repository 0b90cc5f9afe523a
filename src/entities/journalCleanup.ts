import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import { JOURNAL_ENTRY_MODEL } from '../metadata/traits/journalModel';
import type { Database } from './database';
import { tableName } from './storageNames';
import { JOURNAL_LINK_TABLE } from './traitTables';

const FUNCTION = 'relata_forget_journal_record';
const TRIGGER = 'relata_journal_cleanup';

/**
 * Journal entries point at records of any type (ids, no foreign key), so a trigger on every
 * table does what a cascade would: a deleted record takes its entries and the links to it
 * along, and entries about it as a person forget the person. Ids are UUIDs, unique across
 * tables, so no type is needed. Idempotent; runs on every start (PostgreSQL 14+ syntax).
 */
export async function installJournalCleanup(db: Database, registry: MetadataRegistry): Promise<void> {
  if (!registry.find(JOURNAL_ENTRY_MODEL.name)) return;
  const entries = tableName(JOURNAL_ENTRY_MODEL);
  const statements = [
    `CREATE OR REPLACE FUNCTION ${FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM ${entries} WHERE record_id = OLD.id::text;
  UPDATE ${entries} SET person_id = NULL WHERE person_id = OLD.id::text;
  DELETE FROM ${JOURNAL_LINK_TABLE} WHERE record_id = OLD.id::text;
  RETURN NULL;
END $$`,
    ...registry.entities
      .filter((e) => !e.builtIn)
      .map((e) => `CREATE OR REPLACE TRIGGER ${TRIGGER} AFTER DELETE ON "${tableName(e)}" FOR EACH ROW EXECUTE FUNCTION ${FUNCTION}()`),
  ];
  await db.withAdvisoryLock('relata:storage', () =>
    db.transaction(async (tx) => {
      for (const statement of statements) await tx.query(statement);
    }),
  );
}
