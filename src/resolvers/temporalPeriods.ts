import type { Queryable } from '../entities/database';
import { columnStorage } from '../entities/columnTypes';
import { columnName, tableName } from '../entities/storageNames';
import { RECORD_COLUMN, historyTableOf } from '../entities/traitTables';
import { temporalFieldsOf } from '../metadata/traits/historyModel';
import type { EntityDefinition, FieldDefinition } from '../metadata/types';
import { ident } from './compiler/SqlBuilder';
import type { ValidatedInput } from './validateInput';

/** The temporal fields a write gives a value, with that value. */
export function temporalWrites(entity: EntityDefinition, values: ValidatedInput): { field: FieldDefinition; value: unknown }[] {
  return temporalFieldsOf(entity).flatMap((field) => {
    const column = values.columns.find((c) => c.column === columnName(field));
    return column ? [{ field, value: column.value }] : [];
  });
}

/**
 * Records each written temporal field as an open-ended period from `validFrom` (default
 * today): the period that held that day ends there, periods that started on or after it are
 * replaced (contract section 6: writing closes the current period and opens a new one; a
 * validFrom may backdate or schedule). The column then holds the value valid today, which
 * filters and ordering use.
 */
export async function writePeriods(
  tx: Queryable,
  entity: EntityDefinition,
  id: string,
  writes: readonly { field: FieldDefinition; value: unknown }[],
  validFrom: string | undefined,
): Promise<void> {
  const history = ident(historyTableOf(entity));
  const day = validFrom ?? new Date().toISOString().slice(0, 10);
  const key = `${RECORD_COLUMN} = $1::uuid AND field = $2`;
  for (const { field, value } of writes) {
    const params = [id, field.name, day];
    await tx.query(`DELETE FROM ${history} WHERE ${key} AND valid_from >= $3::date`, params);
    await tx.query(`UPDATE ${history} SET valid_to = $3::date WHERE ${key} AND (valid_to IS NULL OR valid_to > $3::date)`, params);
    await tx.query(
      `INSERT INTO ${history} (${RECORD_COLUMN}, field, value, valid_from) VALUES ($1::uuid, $2, $4::jsonb, $3::date)`,
      [...params, JSON.stringify(value)],
    );
    const today = `(SELECT h.value FROM ${history} h WHERE h.${RECORD_COLUMN} = $1::uuid AND h.field = $2 AND h.valid_from <= current_date AND (h.valid_to IS NULL OR h.valid_to > current_date))`;
    await tx.query(`UPDATE ${ident(tableName(entity))} SET ${ident(columnName(field))} = ${fromJsonb(field, today)} WHERE id = $1::uuid`, [id, field.name]);
  }
}

/** A period's jsonb value back in the column's type. */
export function fromJsonb(field: FieldDefinition, expr: string): string {
  if (field.type === 'json') return expr;
  if (field.type === 'multiChoice') {
    return `(SELECT array_agg(e) FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(${expr}) = 'array' THEN ${expr} ELSE '[]'::jsonb END) e)`;
  }
  return `(${expr} #>> '{}')::${columnStorage(field).sqlType}`;
}
