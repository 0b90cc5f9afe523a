import type { ValidatedInput } from '../resolvers/validateInput';
import type { ImportRowError } from './ImportReport';

/** One CSV record on its way to a row. */
export interface ImportCandidate {
  readonly line: number;
  readonly input: Record<string, unknown>;
  /** Cells of `reference` columns (a key of the target) by column index; absent without such cells. */
  referenceKeys?: Map<number, unknown>;
  id?: string;
  /** The id of the stored record it updates (upsert). */
  existing?: string;
  /** The day its temporal values start (`validFrom` column); default today. */
  validFrom?: string;
  values?: ValidatedInput;
  errors: ImportRowError[];
}
