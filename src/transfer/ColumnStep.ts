import type { EntityDefinition } from '../metadata/types';
import type { SqlBuilder } from '../resolvers/compiler/SqlBuilder';

/** The arguments a column path step was given (`defaultAddress(kind: billing)`: `{ kind: 'billing' }`). */
export type StepArgs = Readonly<Record<string, string>>;

/** Where a to-one step of a column path leads: one row (or none) of a table, correlated to the row before. */
export interface StepRow {
  /** The table it reads (an identifier, already quoted). */
  readonly table: string;
  /** The condition that row `to` of `table` is the one reached from row `from`. */
  readonly where: (from: string, to: string, sql: SqlBuilder) => string;
}

/**
 * A to-one step a trait adds to export column paths (contract section 7), e.g. the addresses
 * trait's `defaultAddress(kind: billing)`: the fields of `target` may follow it, at any depth.
 */
export interface ColumnStep {
  /** The model whose fields may follow the step. */
  readonly target: EntityDefinition;
  /** The row the step reaches with these arguments, or why they are wrong. */
  row(args: StepArgs): StepRow | { readonly problem: string };
}
