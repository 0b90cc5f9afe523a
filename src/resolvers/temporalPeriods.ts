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

/** A temporal field's new value for one record, valid from `validFrom`. */
export interface PeriodWrite {
  readonly id: string;
  readonly field: FieldDefinition;
  readonly value: unknown;
  /** `YYYY-MM-DD`; default today. */
  readonly validFrom?: string | undefined;
}

/**
 * Records each written temporal field as an open-ended period from its `validFrom` (default
 * today): the period that held that day ends there, periods that started on or after it are
 * replaced (contract section 6: writing closes the current period and opens a new one; a
 * validFrom may backdate or schedule). A write that changes nothing (the period holding that
 * day is open-ended and has the value) leaves the periods as they are. The columns then hold
 * the values valid today, which filters and ordering use. Set-based: three statements for
 * any number of writes, plus one per field written; at most one write per record and field.
 */
export async function writePeriods(tx: Queryable, entity: EntityDefinition, writes: readonly PeriodWrite[]): Promise<void> {
  if (writes.length === 0) return;
  const history = ident(historyTableOf(entity));
  const today = new Date().toISOString().slice(0, 10);
  const params = [
    writes.map((w) => w.id),
    writes.map((w) => w.field.name),
    writes.map((w) => JSON.stringify(w.value ?? null)),
    writes.map((w) => w.validFrom ?? today),
  ];
  const w = `(SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[]) AS u(record, field, value, day)) w`;
  const same = `h.${RECORD_COLUMN} = w.record AND h.field = w.field`;
  const changes = `NOT EXISTS (SELECT 1 FROM ${history} o WHERE o.${RECORD_COLUMN} = w.record AND o.field = w.field
    AND o.valid_from <= w.day AND o.valid_to IS NULL AND o.value = w.value::jsonb)`;
  await tx.query(`DELETE FROM ${history} h USING ${w} WHERE ${same} AND h.valid_from >= w.day AND ${changes}`, params);
  await tx.query(`UPDATE ${history} h SET valid_to = w.day FROM ${w} WHERE ${same} AND (h.valid_to IS NULL OR h.valid_to > w.day) AND ${changes}`, params);
  await tx.query(
    `INSERT INTO ${history} (${RECORD_COLUMN}, field, value, valid_from) SELECT w.record, w.field, w.value::jsonb, w.day FROM ${w} WHERE ${changes}`,
    params,
  );
  for (const field of new Set(writes.map((write) => write.field))) {
    const ids = writes.filter((write) => write.field === field).map((write) => write.id);
    const valueToday = `(SELECT h.value FROM ${history} h WHERE h.${RECORD_COLUMN} = t.id AND h.field = $2 AND h.valid_from <= current_date AND (h.valid_to IS NULL OR h.valid_to > current_date))`;
    await tx.query(`UPDATE ${ident(tableName(entity))} t SET ${ident(columnName(field))} = ${fromJsonb(field, valueToday)} WHERE t.id = ANY($1::uuid[])`, [ids, field.name]);
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
