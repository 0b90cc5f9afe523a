/** How an import writes (contract section 7). */
export const IMPORT_MODES = ['DRY_RUN', 'ALL_OR_NOTHING', 'SKIP_BAD_ROWS'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** A bad cell or row: the file line where the record starts, the header of the column. */
export interface ImportRowError {
  readonly line: number;
  readonly column: string | null;
  readonly message: string;
}

/** A row that may describe a record already there or already in the file. */
export interface PossibleDuplicate {
  readonly line: number;
  /** The fields that agree, e.g. `["name", "postalCode"]`. */
  readonly fields: readonly string[];
  readonly otherLine: number | null;
  readonly existingId: string | null;
}

export interface ImportReport {
  readonly mode: ImportMode;
  readonly rows: number;
  /** Records inserted, or that a dry run would insert. */
  readonly inserted: number;
  readonly updated: number;
  /** Rows not written because they are bad (or, all-or-nothing, because any row was). */
  readonly skipped: number;
  /** Whether anything was written: false for a dry run and a refused all-or-nothing import. */
  readonly written: boolean;
  readonly errorCount: number;
  /** The first MAX_REPORTED errors, in file order. */
  readonly errors: readonly ImportRowError[];
  readonly possibleDuplicates: readonly PossibleDuplicate[];
}

export const MAX_REPORTED = 1000;

/** How far an import is, after reading the file and after each batch. */
export interface ImportProgress {
  /** Rows in the file (all read before the first batch). */
  readonly rows: number;
  readonly checked: number;
  /** Rows written so far in the import's transaction (0 in a dry run). */
  readonly written: number;
}
