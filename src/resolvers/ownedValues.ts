import { columnStorage } from '../entities/columnTypes';
import { columnName } from '../entities/storageNames';
import { BadUserInputError, ForbiddenError, type FieldError } from '../errors';
import type { EntityDefinition } from '../metadata/types';
import { inflection } from '../schema/inflection';
import type { RequestContext } from './context';
import type { ColumnValue } from './validateInput';

/**
 * owner, team and area of a new owned record (issue 5): the creator, their first team and
 * first area. A create scope other than all must be met by those values.
 */
export function ownedValuesOnCreate(entity: EntityDefinition, context: Pick<RequestContext, 'access' | 'viewer'>): ColumnValue[] {
  if (!entity.traits.includes('owned')) return [];
  const { viewer } = context;
  const values: Record<string, string | null> = { owner: viewer.sub, team: viewer.teams[0] ?? null, area: viewer.areas[0] ?? null };
  const reach = context.access.reach(entity, 'create');
  if (!reach.all && !reach.rows.some((scope) => scope === 'own' || values[scope] !== null)) {
    throw new ForbiddenError(`You may create a ${inflection.typeName(entity)} only in one of your ${reach.rows.join(' or ')}s`);
  }
  return columnsOf(entity, values);
}

/** The columns `reassign<Type>` changes: the arguments given; owner cannot be cleared. */
export function reassignValues(entity: EntityDefinition, args: { owner?: string | null; team?: string | null; area?: string | null }): ColumnValue[] {
  const errors: FieldError[] = [];
  const given: Record<string, string | null> = {};
  for (const field of entity.fields.filter((f) => f.managedBy === 'owned')) {
    const value = args[field.name as 'owner'];
    if (value === undefined) continue;
    if (value === null || value.trim() === '') {
      if (field.name === 'owner') errors.push({ field: 'owner', message: 'cannot be cleared' });
      else given[field.name] = null;
    } else if (value.length > field.maxLength!) {
      errors.push({ field: field.name, message: `must be at most ${field.maxLength} characters` });
    } else given[field.name] = value;
  }
  if (Object.keys(given).length === 0 && errors.length === 0) errors.push({ field: 'owner', message: 'give owner, team or area' });
  if (errors.length > 0) throw new BadUserInputError(errors);
  return columnsOf(entity, given);
}

function columnsOf(entity: EntityDefinition, values: Record<string, string | null>): ColumnValue[] {
  return entity.fields
    .filter((field) => field.managedBy === 'owned' && field.name in values)
    .map((field) => ({ field, column: columnName(field), value: values[field.name] ?? null, sqlType: columnStorage(field).sqlType }));
}
