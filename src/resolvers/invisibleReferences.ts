import { tableName } from '../entities/storageNames';
import { BadUserInputError, type FieldError } from '../errors';
import type { EntityDefinition } from '../metadata/types';
import { rowFilterOf } from './compiler/rowFilter';
import { and, ident, SqlBuilder } from './compiler/SqlBuilder';
import type { RequestContext } from './context';
import type { ValidatedInput } from './validateInput';

/**
 * Refuses references to records the caller cannot see, worded like references to missing
 * ones (issue 5): linking to a hidden record would reveal that it exists. Only targets with
 * a row scope are checked, in one statement; with `all` nothing is sent.
 */
export async function refuseInvisibleReferences(context: RequestContext, entity: EntityDefinition, values: ValidatedInput): Promise<void> {
  const checks: { field: string; target: EntityDefinition; ids: readonly string[] }[] = [];
  for (const field of entity.fields) {
    if (!field.target) continue;
    const target = context.registry.get(field.target);
    if (context.access.reach(target, 'read').all) continue;
    const ids =
      field.type === 'reference'
        ? values.columns.filter((c) => c.field === field && typeof c.value === 'string').map((c) => c.value as string)
        : (values.links.find((l) => l.field === field)?.ids ?? []);
    if (ids.length > 0) checks.push({ field: field.name, target, ids });
  }
  if (checks.length === 0) return;
  const sql = new SqlBuilder(rowFilterOf(context, 'read'));
  const statement = checks
    .map((c, i) => {
      const where = and([`r.id = ANY(${sql.param(c.ids, 'uuid[]')})`, sql.visible(c.target, 'r')]);
      return `SELECT ${i} AS check, count(*)::int AS found FROM ${ident(tableName(c.target))} r WHERE ${where}`;
    })
    .join(' UNION ALL ');
  const rows = await context.db.query<{ check: number; found: number }>(statement, sql.params);
  const errors: FieldError[] = rows
    .filter((row) => row.found < checks[row.check]!.ids.length)
    .map((row) => ({ field: checks[row.check]!.field, message: 'refers to a record that does not exist' }));
  if (errors.length > 0) throw new BadUserInputError(errors);
}
