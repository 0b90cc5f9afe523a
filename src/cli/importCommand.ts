import { readFileSync } from 'node:fs';
import type { Config } from '../config';
import { synchronizeStorage } from '../entities/synchronizeStorage';
import { BadUserInputError } from '../errors';
import { loadDefinitions } from '../metadata';
import { openDatabase } from '../server/openDatabase';
import { IMPORT_MODES, type ImportMode, type ImportReport } from '../transfer/ImportReport';
import { importRecords } from '../transfer/importRecords';
import { operatorImporter } from '../transfer/importRights';
import { importProgress } from './importProgress';

export interface ImportCommandOptions {
  readonly type?: string;
  readonly mapping?: string;
  readonly mode?: string;
  readonly 'upsert-key'?: string;
}

/**
 * `relata import FILE --type T [--mapping F] [--mode M] [--upsert-key K]` (contract section 7):
 * the same import as the API, straight into the configured database, with progress on
 * stderr for files of more than one batch (`importProgress`) and the report on stdout. Exit 0 without bad rows, 1 with, 2 for usage errors.
 */
export async function importCommand(config: Config, file: string | undefined, options: ImportCommandOptions): Promise<number> {
  const mode = (options.mode ?? 'DRY_RUN').toUpperCase().replace(/-/g, '_');
  if (!file || !options.type || !(IMPORT_MODES as readonly string[]).includes(mode)) {
    console.error(`relata import FILE --type T [--mapping F] [--mode ${IMPORT_MODES.join('|')}] [--upsert-key K]`);
    return 2;
  }
  let mapping: unknown;
  try {
    mapping = options.mapping ? JSON.parse(readFileSync(options.mapping, 'utf8')) : undefined;
  } catch (error) {
    console.error(`relata import: cannot read the mapping ${options.mapping}: ${(error as Error).message}`);
    return 2;
  }
  const content = readFileSync(file);
  const registry = await loadDefinitions(config.metadataDir);
  const db = await openDatabase(config);
  try {
    await synchronizeStorage(db, registry);
    // The operator may write everything: no roles, no row scopes.
    const report = await importRecords(db, operatorImporter(registry), content, {
      type: options.type,
      mapping: mapping as Record<string, unknown> | undefined,
      mode: mode as ImportMode,
      upsertKey: options['upsert-key'],
      onProgress: importProgress(process.stderr),
    });
    console.log(describeReport(report));
    return report.errorCount > 0 ? 1 : 0;
  } catch (error) {
    if (!(error instanceof BadUserInputError)) throw error;
    console.error(`relata import: ${error.fieldErrors.map((e) => `${e.field}: ${e.message}`).join('\n  ')}`);
    return 1;
  } finally {
    await db.close();
  }
}

function describeReport(report: ImportReport): string {
  const outcome = report.written ? 'written' : report.mode === 'DRY_RUN' ? 'dry run, nothing written' : 'nothing written (bad rows)';
  const lines = [
    `${report.rows} rows: ${report.inserted} inserted, ${report.updated} updated, ${report.skipped} skipped, ${report.errorCount} errors (${outcome})`,
    ...report.errors.map((e) => `  line ${e.line}${e.column ? `, ${e.column}` : ''}: ${e.message}`),
    ...report.possibleDuplicates.map(
      (d) => `  line ${d.line}: possible duplicate (${d.fields.join(', ')}) of ${d.otherLine ? `line ${d.otherLine}` : `record ${d.existingId}`}`,
    ),
  ];
  if (report.errorCount > report.errors.length) lines.push(`  ... and ${report.errorCount - report.errors.length} more errors`);
  return lines.join('\n');
}
