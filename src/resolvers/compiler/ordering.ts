import { columnStorage } from '../../entities/columnTypes';
import { SYSTEM_FIELDS, columnName } from '../../entities/storageNames';
import { BadUserInputError } from '../../errors';
import type { EntityDefinition } from '../../metadata/types';
import { ident, type SqlBuilder } from './SqlBuilder';

/** One ORDER BY key; nulls sort as the greatest value (PostgreSQL's default). */
export interface SortKey {
  readonly column: string;
  readonly sqlType: string;
  readonly descending: boolean;
}

const ID_ASCENDING: SortKey = { ...SYSTEM_FIELDS.id, descending: false };

/** The sort keys of `orderBy`, always ending in `id` so that the order is total. */
export function sortKeysOf(entity: EntityDefinition, orderBy: unknown): SortKey[] {
  const keys: SortKey[] = [];
  const elements = Array.isArray(orderBy) ? (orderBy as Record<string, string | null>[]) : [];
  elements.forEach((element, index) => {
    const entries = Object.entries(element).filter(([, direction]) => direction != null);
    if (entries.length !== 1) {
      throw new BadUserInputError([{ field: `orderBy[${index}]`, message: 'give exactly one field per element' }]);
    }
    const [name, direction] = entries[0]!;
    const descending = direction === 'DESC';
    if (name in SYSTEM_FIELDS) {
      keys.push({ ...SYSTEM_FIELDS[name as keyof typeof SYSTEM_FIELDS], descending });
      return;
    }
    const field = entity.fields.find((f) => f.name === name)!;
    keys.push({ column: columnName(field), sqlType: columnStorage(field).sqlType, descending });
  });
  if (!keys.some((k) => k.column === SYSTEM_FIELDS.id.column)) keys.push(ID_ASCENDING);
  return keys;
}

export function orderBySql(keys: readonly SortKey[], alias: string, reversed: boolean): string {
  return keys
    .map((k) => `${alias}.${ident(k.column)} ${k.descending !== reversed ? 'DESC' : 'ASC'}`)
    .join(', ');
}

/** The values a cursor holds; numbers as text so that no precision is lost. */
export function cursorValueSql(keys: readonly SortKey[], alias: string): string[] {
  return keys.map((k) => (k.sqlType === 'numeric' ? `${alias}.${ident(k.column)}::text` : `${alias}.${ident(k.column)}`));
}

/**
 * Rows strictly after the cursor `values` in the order of `keys` (reversed: strictly
 * before). Expanded as (k1 > v1) OR (k1 = v1 AND k2 > v2) ... so that mixed directions
 * and NULLs work without row-value comparison.
 */
export function keysetCondition(
  keys: readonly SortKey[],
  alias: string,
  values: readonly unknown[],
  reversed: boolean,
  sql: SqlBuilder,
): string {
  const disjuncts: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const parts: string[] = [];
    for (let j = 0; j < i; j++) parts.push(equalSql(keys[j]!, alias, values[j], sql));
    parts.push(afterSql(keys[i]!, alias, values[i], keys[i]!.descending !== reversed, sql));
    disjuncts.push(parts.map((p) => `(${p})`).join(' AND '));
  }
  return disjuncts.map((d) => `(${d})`).join(' OR ');
}

function equalSql(key: SortKey, alias: string, value: unknown, sql: SqlBuilder): string {
  const column = `${alias}.${ident(key.column)}`;
  return value === null ? `${column} IS NULL` : `${column} = ${sql.param(value, key.sqlType)}`;
}

/** Strictly after `value` when sorting ascending (or descending), NULL being the greatest. */
function afterSql(key: SortKey, alias: string, value: unknown, descending: boolean, sql: SqlBuilder): string {
  const column = `${alias}.${ident(key.column)}`;
  if (value === null) return descending ? `${column} IS NOT NULL` : 'FALSE';
  const param = sql.param(value, key.sqlType);
  return descending ? `${column} < ${param}` : `(${column} > ${param} OR ${column} IS NULL)`;
}
