import type { Database } from '../entities/database';
import { BadUserInputError } from '../errors';
import type { EntityDefinition } from '../metadata/types';
import type { KeyField } from './importLookups';
import { ImportRights, type Importer } from './importRights';
import { MAX_REPORTED, type ImportMode, type ImportProgress, type ImportReport } from './ImportReport';
import { mapHeaders, type ImportColumn } from './mapHeaders';
import { readCsv } from './readCsv';
import { ListValueKeys } from './ListValueKeys';
import { RecordImporter } from './RecordImporter';

export const IMPORT_BATCH_SIZE = 1000;

export interface ImportOptions {
  readonly type: string;
  /** Header to field path (`"Firma": "company.name"`), or null to leave a column out. */
  readonly mapping?: Readonly<Record<string, unknown>> | null;
  readonly mode: ImportMode;
  /** `id` or a unique field: rows whose key is stored update that record. */
  readonly upsertKey?: string | null;
  /** Called once the file is read, then after each batch. */
  readonly onProgress?: (progress: ImportProgress) => void;
}

class Rollback extends Error {}

/**
 * Imports a CSV file into one type (contract section 7) in one transaction. A dry run
 * writes nothing and reports what would happen; all-or-nothing writes nothing when any row
 * is bad; skip-bad-rows writes the good rows. Every bad row is reported with its line.
 * Only what `importer` may write is written (importRights.ts).
 */
export async function importRecords(db: Database, importer: Importer, content: Buffer, options: ImportOptions): Promise<ImportReport> {
  const registry = importer.access.registry;
  const entity = ImportRights.checkType(importer, options.type);
  if (options.mapping !== undefined && options.mapping !== null && (typeof options.mapping !== 'object' || Array.isArray(options.mapping))) {
    throw new BadUserInputError([{ field: 'mapping', message: 'must be an object from header to field' }]);
  }
  const table = readCsv(content);
  const columns = mapHeaders(registry, entity, table.headers, options.mapping ?? undefined);
  const rights = ImportRights.check(importer, entity, columns);
  // Labels to keys only: the check of the values runs per batch in the transaction.
  const listKeys = await ListValueKeys.read(db, entity);
  const writer = new RecordImporter(registry, entity, columns, upsertKeyOf(entity, columns, options.upsertKey), options.mode, rights, listKeys);
  // Batches are taken off the queue as they are checked, so that checked rows can be collected.
  const batches = inBatches(writer.read(table.rows));
  try {
    await db.transaction(async (tx) => {
      const rows = table.rows.length;
      options.onProgress?.({ rows, checked: 0, written: 0 });
      await writer.lookUp(tx, batches.flat());
      // Each batch is checked and prepared in Node while PostgreSQL writes the one before.
      let writing: Promise<void> = Promise.resolve();
      let checked = 0;
      for (let batch = batches.shift(); batch; batch = batches.shift()) {
        const write = await writer.check(tx, batch);
        checked += batch.length;
        await writing;
        if (checked < rows) options.onProgress?.({ rows, checked, written: writer.written });
        writing = write ? writer.write(tx, write) : Promise.resolve();
        // Awaited in the next round; a handler now keeps Node from calling a failure unhandled meanwhile.
        writing.catch(() => undefined);
      }
      await writing;
      options.onProgress?.({ rows, checked: rows, written: writer.written });
      if (options.mode === 'DRY_RUN' || (options.mode === 'ALL_OR_NOTHING' && writer.errors.length > 0)) throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  const refused = options.mode === 'ALL_OR_NOTHING' && writer.errors.length > 0;
  return {
    mode: options.mode,
    rows: table.rows.length,
    inserted: refused ? 0 : writer.inserted,
    updated: refused ? 0 : writer.updated,
    skipped: refused ? table.rows.length : writer.skipped,
    written: options.mode !== 'DRY_RUN' && !refused,
    errorCount: writer.errors.length,
    errors: writer.errors.slice(0, MAX_REPORTED),
    possibleDuplicates: writer.duplicates.slice(0, MAX_REPORTED),
  };
}

function inBatches<T>(items: readonly T[]): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += IMPORT_BATCH_SIZE) batches.push(items.slice(start, start + IMPORT_BATCH_SIZE));
  return batches;
}

function upsertKeyOf(entity: EntityDefinition, columns: readonly ImportColumn[], upsertKey: string | null | undefined): KeyField | undefined {
  if (upsertKey === undefined || upsertKey === null) return undefined;
  const fail = (message: string) => new BadUserInputError([{ field: 'upsertKey', message }]);
  if (upsertKey === 'id') {
    if (!columns.some((c) => c.kind === 'id')) throw fail('the file has no id column');
    return 'id';
  }
  const field = entity.fields.find((f) => f.name === upsertKey);
  if (!field || !field.unique) {
    const unique = entity.fields.filter((f) => f.unique).map((f) => f.name);
    throw fail(`must be id or a unique field of ${entity.name}: ${['id', ...unique].join(', ')}`);
  }
  if (!columns.some((c) => c.kind === 'field' && c.field === field)) throw fail(`the file has no column for ${field.name}`);
  return field;
}
