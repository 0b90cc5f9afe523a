import type { EntityDefinition, FieldDefinition } from '../metadata/types';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';

/**
 * What a migration step does to stored data (issue 4):
 * - `safe`: adds or widens, nothing stored changes meaning;
 * - `renamed`: `renamedFrom` renames a table or column in place;
 * - `checked`: applied only when every existing row satisfies it (see `check`);
 * - `retired`: out of the API, column or table and data kept;
 * - `refused`: would lose data; the whole plan is not applied.
 */
export type StepStatus = 'safe' | 'renamed' | 'checked' | 'retired' | 'refused';

export type StepAction =
  | 'createType'
  | 'restoreType'
  | 'renameType'
  | 'retireType'
  | 'addField'
  | 'restoreField'
  | 'renameField'
  | 'retireField'
  | 'changeField';

/** Rows that violate a new rule, counted in the table as it is before the migration. */
export interface RowCheck {
  readonly table: string;
  /** A predicate over the current columns; parameters in `params`. */
  readonly where: string;
  readonly params: readonly unknown[];
  /** What the offending rows are, e.g. `without a value`. */
  readonly reason: string;
}

export interface MigrationStep {
  readonly action: StepAction;
  /** `type` or `type.field`, with the new names. */
  readonly target: string;
  readonly status: StepStatus;
  readonly reason: string;
  /** Checks of existing rows; any offending row turns the step into `refused`. */
  readonly checks: readonly RowCheck[];
}

/** A retired field: out of the model, its column kept in the table of `entity`. */
export interface RetiredField {
  readonly entity: string;
  readonly field: FieldDefinition;
}

/** What the database holds beyond the live model: retired types and fields with their data. */
export interface RetiredStorage {
  readonly types: readonly EntityDefinition[];
  readonly fields: readonly RetiredField[];
}

export const NOTHING_RETIRED: RetiredStorage = { types: [], fields: [] };

/** The model the database was last migrated to, with what it keeps retired. */
export interface AppliedModel {
  readonly registry: MetadataRegistry;
  readonly retired: RetiredStorage;
}

/** A field whose column changes type in place (`ALTER COLUMN ... TYPE ... USING`). */
export interface ColumnRetype {
  /** The field, by its new names. */
  readonly entity: string;
  readonly field: string;
  /** The field as stored before the migration. */
  readonly previous: FieldDefinition;
  /** Names before the migration. */
  readonly table: string;
  readonly column: string;
  readonly sqlType: string;
  readonly using: string;
}

export interface MigrationPlan {
  readonly steps: readonly MigrationStep[];
  /** What stays retired after this plan. */
  readonly retired: RetiredStorage;
  /** Old names by new name, for types and for fields (`type.field`). */
  readonly renamedTypes: ReadonlyMap<string, string>;
  readonly renamedFields: ReadonlyMap<string, string>;
  readonly retypes: readonly ColumnRetype[];
}

/** Whether the plan may be applied as it stands (no step refused). */
export function isApplicable(plan: Pick<MigrationPlan, 'steps'>): boolean {
  return plan.steps.every((step) => step.status !== 'refused');
}
