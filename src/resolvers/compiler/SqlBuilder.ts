import type { EntityDefinition } from '../../metadata/types';

/** The condition a row of `entity` (alias `alias`) must meet to be reached, or undefined for every row. */
export type RowFilter = (entity: EntityDefinition, alias: string, sql: SqlBuilder) => string | undefined;

/** Reaches every row: statements outside a request (retention) and writes that check rows themselves. */
export const EVERY_ROW: RowFilter = () => undefined;

/**
 * Collects the parameters and table aliases of one statement. Every value reaches SQL as
 * a `$n` parameter; only identifiers from the model and response keys (GraphQL names,
 * `[_A-Za-z][_0-9A-Za-z]*` by the grammar) are written into the text.
 */
export class SqlBuilder {
  private aliases = 0;
  private valueDependent = false;

  /**
   * Whether the statement may run as a prepared statement with a generic plan. Not when a
   * condition's best plan depends on its value: an array filter on a GIN index (issue 3: its
   * generic plan was 25x slower) or a LIKE pattern (an index prefix only for a known pattern).
   */
  get preparable(): boolean {
    return !this.valueDependent;
  }

  /** Marks the statement as needing plans for its actual values (see `preparable`). */
  planPerValue(): void {
    this.valueDependent = true;
  }

  /**
   * `rowFilter` is the caller's row scope (issue 5): every scan of a table ANDs
   * `visible(entity, alias)` into its condition, so no row outside the scope is read.
   */
  constructor(
    private readonly rowFilter: RowFilter = EVERY_ROW,
    /** Values already placed as `$1`... by the statement's other part (a write's values). */
    readonly params: unknown[] = [],
  ) {}

  /** The condition that row `alias` of `entity` is visible to the caller, or undefined for every row. */
  visible(entity: EntityDefinition, alias: string): string | undefined {
    return this.rowFilter(entity, alias, this);
  }

  /** `$n`, with a cast when given (`$3::numeric`). */
  param(value: unknown, cast?: string): string {
    this.params.push(value);
    return cast ? `$${this.params.length}::${cast}` : `$${this.params.length}`;
  }

  alias(): string {
    return `t${this.aliases++}`;
  }
}

export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A string literal for a GraphQL name or type name (safe by the GraphQL grammar). */
export function nameLiteral(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

// json_build_object takes at most 100 arguments: larger objects are merged as jsonb.
const MAX_PAIRS = 50;

/** `json_build_object(key, expr, ...)` for any number of pairs. */
export function jsonObject(pairs: ReadonlyArray<readonly [string, string]>): string {
  if (pairs.length === 0) return `'{}'::json`;
  const chunks: string[] = [];
  for (let i = 0; i < pairs.length; i += MAX_PAIRS) {
    const chunk = pairs.slice(i, i + MAX_PAIRS).map(([key, expr]) => `${nameLiteral(key)}, ${expr}`);
    chunks.push(`json_build_object(${chunk.join(', ')})`);
  }
  return chunks.length === 1 ? chunks[0]! : `(${chunks.map((c) => `${c}::jsonb`).join(' || ')})::json`;
}

export function and(conditions: ReadonlyArray<string | undefined>): string | undefined {
  const present = conditions.filter((c): c is string => !!c);
  return present.length === 0 ? undefined : present.length === 1 ? present[0] : present.map((c) => `(${c})`).join(' AND ');
}
