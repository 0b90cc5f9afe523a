import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { cellText, csvLine, LIST_SEPARATOR } from './csvCell';
import type { ExportColumn } from './exportColumns';

export type ExportFormat = 'CSV' | 'JSONL' | 'XLSX';

export interface CsvOptions {
  readonly delimiter: string;
  readonly bom: boolean;
}

export const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  CSV: 'text/csv; charset=utf-8',
  JSONL: 'application/x-ndjson; charset=utf-8',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const FILE_EXTENSIONS: Readonly<Record<ExportFormat, string>> = { CSV: 'csv', JSONL: 'jsonl', XLSX: 'xlsx' };

/**
 * Writes batches of rows to `output` as they arrive, waiting for the stream to drain, so
 * memory holds one batch whatever the size of the export. The first row is the header
 * (the column paths); JSON Lines keys each object by path.
 */
export async function writeExport(
  output: Writable,
  format: ExportFormat,
  columns: readonly ExportColumn[],
  batches: AsyncIterable<unknown[][]>,
  csv: CsvOptions,
): Promise<void> {
  if (format === 'XLSX') return writeXlsx(output, columns, batches);
  const write = async (text: string) => {
    if (!output.write(text)) await once(output, 'drain');
  };
  if (format === 'CSV') {
    await write(`${csv.bom ? '\uFEFF' : ''}${csvLine(columns.map((c) => c.path), csv.delimiter)}`);
    for await (const rows of batches) {
      await write(rows.map((row) => csvLine(row.map((v, i) => cellText(v, columns[i]!.kind)), csv.delimiter)).join(''));
    }
  } else {
    for await (const rows of batches) {
      // Exact decimals come from SQL as strings and stay strings: no float rounding.
      await write(rows.map((row) => `${JSON.stringify(Object.fromEntries(columns.map((c, i) => [c.path, row[i]])))}\n`).join(''));
    }
  }
  output.end();
}

/**
 * exceljs, loaded at the first XLSX export: loaded at start it added about 12 MB to every
 * server's memory, most of which never exports a spreadsheet (issue 3: RSS under 250 MB).
 */
let excel: Promise<typeof import('exceljs')> | undefined;
// A CommonJS module: Node's import() hands over its exports as `default`.
const loadExcel = () => (excel ??= import('exceljs').then((m) => (m as unknown as { default: typeof import('exceljs') }).default));

/** exceljs' streaming writer: each committed row is zipped and flushed, not kept. */
async function writeXlsx(output: Writable, columns: readonly ExportColumn[], batches: AsyncIterable<unknown[][]>): Promise<void> {
  const { stream } = await loadExcel();
  const workbook = new stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('Export');
  sheet.addRow(columns.map((c) => c.path)).commit();
  for await (const rows of batches) {
    for (const row of rows) {
      // Cells are typed: a string is never read as a formula, so no apostrophe is needed here.
      sheet.addRow(row.map((v, i) => xlsxValue(v, columns[i]!))).commit();
    }
  }
  sheet.commit();
  await workbook.commit();
}

function xlsxValue(value: unknown, column: ExportColumn): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (column.kind === 'number') return Number(value);
  if (column.kind === 'boolean') return value as boolean;
  if (column.kind === 'list') return (value as unknown[]).join(LIST_SEPARATOR);
  if (column.kind === 'json') return JSON.stringify(value);
  return String(value);
}
