import type { Queryable } from '../../entities/database';
import { columnName } from '../../entities/storageNames';
import { MASTER_LIST_TABLE } from '../../entities/traitTables';
import { BadUserInputError, type FieldError } from '../../errors';
import type { EntityDefinition, FieldDefinition } from '../../metadata/types';
import { ident, nameLiteral } from '../compiler/SqlBuilder';
import { validateInput, type ValidatedInput } from '../validateInput';
import { checkListValues } from './checkListValues';

/** A column a write sets: its field and the SQL of the value it gets (`$n::type`). */
export interface WrittenColumn {
  readonly field: FieldDefinition;
  readonly value: string;
}

/**
 * The condition, inside the write statement itself, that every list field written takes an
 * active value of its list (contract section 6), or for an update (`old`: the row as it was)
 * a value the record already holds. Part of the statement, so a valid write costs no round
 * trip of its own (issue 3: the separate check had cost as much PostgreSQL time as the
 * baseline's whole insert); when it stops the write, `refusedListValues` says why.
 */
export function listValuesGuard(columns: readonly WrittenColumn[], old?: string): string | undefined {
  const conditions = columns
    .filter(({ field }) => field.list !== undefined)
    .map(({ field, value }) => {
      const active = (key: string) =>
        `EXISTS (SELECT 1 FROM ${MASTER_LIST_TABLE} m WHERE m.list = ${nameLiteral(field.list!)} AND m.key = ${key} AND m.active)`;
      const held = old && `${old}.${ident(columnName(field))}`;
      if (field.type === 'multiChoice') {
        const allowed = held ? `coalesce(k = ANY(${held}), false) OR ${active('k')}` : active('k');
        return `NOT EXISTS (SELECT 1 FROM unnest(${value}) k WHERE NOT (${allowed}))`;
      }
      return `(${value} IS NULL${held ? ` OR ${value} = ${held}` : ''} OR ${active(value)})`;
    });
  return conditions.length > 0 ? conditions.join(' AND ') : undefined;
}

/**
 * `validateInput`, and when it refuses the input, the list fields holding a value that is not
 * active in its list too: one answer names every bad field (contract section 4).
 */
export async function validateWithListValues(
  db: Queryable,
  entity: EntityDefinition,
  input: Record<string, unknown>,
  mode: 'create' | 'update',
  id?: string,
): Promise<ValidatedInput> {
  try {
    return validateInput(entity, input, mode);
  } catch (error) {
    if (!(error instanceof BadUserInputError)) throw error;
    const errors = await listValueErrors(db, entity, input, id);
    throw new BadUserInputError([...errors, ...error.fieldErrors.filter((e) => !errors.some((l) => l.field === e.field))]);
  }
}

/**
 * When a write wrote nothing: BAD_USER_INPUT naming the list fields `listValuesGuard` refused.
 * Resolves when every list value is acceptable, so the caller can look for another reason.
 */
export async function refusedListValues(db: Queryable, entity: EntityDefinition, input: Record<string, unknown>, id?: string): Promise<void> {
  const errors = await listValueErrors(db, entity, input, id);
  if (errors.length > 0) throw new BadUserInputError(errors);
}

/** The list fields of `input` holding a value that is not active in its list (nor held by record `id`). */
export async function listValueErrors(db: Queryable, entity: EntityDefinition, input: Record<string, unknown>, id?: string): Promise<FieldError[]> {
  const [errors] = await checkListValues(db, entity, [{ input, id }]);
  return errors!;
}
